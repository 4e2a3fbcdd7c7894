package main

// Go's other types only this oracle runs, beside those of map_registry.go.

func init() {
	addTyped[int8, int64]()
	addTyped[uint8, bool]()
	addTyped[int16, int16]()
	addTyped[uintptr, int64]()
	addTyped[string, []string]()
	addTyped[string, float32]()
	addTyped[[2][3]int16, int64]()
	addTyped[[2]float32, [2]complex128]()
	addTyped[key128, int64]()
	addTyped[padded, string]()
	// For the hasher check (lib/hasher-check.mjs): every key type of Go's other types with int64
	// elements.
	addTyped[float32, int64]()
	addTyped[complex128, int64]()
	addTyped[[2]int64, int64]()
	addTyped[point32, int64]()
	addTyped[floatPair, int64]()
	addTyped[[2]float32, int64]()
	addTyped[uint32, int64]()
	addTyped[int16, int64]()
	addTyped[uint64, int64]()
	addTyped[uint8, int64]()
}
