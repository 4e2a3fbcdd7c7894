package main

// The map types both oracles run (../oracle126 links this file). Each entry instantiates the
// generic runner for one concrete map[K]V, so the compiler chooses the runtime entry point
// hand-written code of that type gets (checked in the README: int32 and [4]byte → fast32,
// int64 and [8]byte → fast64, string → faststr, the rest and every element over 128 bytes →
// generic). The version-1 types and Go's other types both oracles run are here; the Go 1.19
// oracle's map_types.go adds the types only it runs.

import (
	"reflect"
	"runtime"
	"sort"
	"strings"
	"unsafe"
)

var mapTypes = map[string]func(setup, []command){}

func addKey[K comparable](kc keyCodec[K]) {
	addPair(kc, int64Elem)
	addPair(kc, byteArrayElem[[8]byte]())
	addPair(kc, byteArrayElem[[200]byte]()) // > 128 bytes: stored indirectly, generic path
}

func addPair[K comparable, V any](kc keyCodec[K], ec elemCodec[V]) {
	mapTypes["map["+kc.name+"]"+ec.name] = func(su setup, ops []command) {
		runScenario(kc, ec, su, ops)
	}
}

func init() {
	addKey(int64Key)
	addKey(int32Key)
	addKey(stringKey)
	addKey(float64Key)
	// [N]byte keys: 3 (memhash 1–3 bytes), 4 (fast32), 8 (fast64), 16 (9–16 bytes: generic on
	// Go 1.26), 32 (17–48), 64 (the 48-byte loop), 128 (largest inline key), 200 (indirect key).
	addKey(byteArrayKey[[3]byte]())
	addKey(byteArrayKey[[4]byte]())
	addKey(byteArrayKey[[8]byte]())
	addKey(byteArrayKey[[16]byte]())
	addKey(byteArrayKey[[32]byte]())
	addKey(byteArrayKey[[64]byte]())
	addKey(byteArrayKey[[128]byte]())
	addKey(byteArrayKey[[200]byte]())
}

// addTyped registers map[K]V of Go's other types (docs/scenario-format.md) as a compiled
// instantiation: the compiler picks the runtime variant (and on Go 1.26 the assign path, which
// prunes tombstones or not) and generates the hash. Its layout goes to `--layout`.
func addTyped[K comparable, V any]() {
	var m map[K]V
	typedMapTypes[reflect.TypeOf(m).String()] = func(su setup, ops []command) {
		runScenario(keyCodecFor[K](), elemCodecFor[V](), su, ops)
	}
	layouts[reflect.TypeOf(m).String()] = layoutOf[K, V]
}

// Go's other types both oracles run (the Go 1.19 oracle runs more: its map_types.go).
func init() {
	addTyped[bool, int64]()
	addTyped[int8, bool]()
	addTyped[uint16, bool]()
	addTyped[uint32, uint64]()
	addTyped[int, struct{}]()
	addTyped[uint64, string]()
	addTyped[float32, uint8]()
	addTyped[complex64, int64]()
	addTyped[complex128, bool]()
	addTyped[string, string]()
	addTyped[string, bool]()
	addTyped[string, []byte]()
	addTyped[[2]int64, string]()
	addTyped[[3]float64, int64]()
	addTyped[[2]string, int64]()
	addTyped[[1]string, int64]()
	addTyped[point32, bool]()
	addTyped[padded, int64]()
	addTyped[runThenStr, int64]()
	addTyped[floatPair, string]()
	addTyped[cplxField, int64]()
	addTyped[nestedPadded, int64]()
	addTyped[strWrap, int64]()
	addTyped[zeroTail, int64]()
	addTyped[big129, int64]()
	addTyped[int64, big129]()
	addTyped[int64, key128]()
	addTyped[bytesAndBool, int64]()
	addTyped[struct{}, int64]()
	addTyped[int32, padded]()
	addTyped[string, nestedPadded]()
}

// runnerFor finds the runner of a scenario's map type: a version-1 type by its text, or Go's
// other types by the compiled instantiation of the same type, however it is spelt.
func runnerFor(mapType string) (func(setup, []command), bool) {
	if run, ok := mapTypes[mapType]; ok {
		return run, true
	}
	run, ok := typedMapTypes[canonicalMapType(mapType)]
	return run, ok
}

// hashFuncName names the function behind a map type's hasher field (a closure): "memhash64",
// "strhash", "memhash_varlen", or ".hash.<type>" for one the compiler generated (Go 1.19 spells
// it pkg..hash.<type>, Go 1.26 pkg.hash.<type>).
func hashFuncName(hasher unsafe.Pointer) string {
	fn := *(*unsafe.Pointer)(hasher)
	name := runtime.FuncForPC(*(*uintptr)(fn)).Name()
	if i := strings.Index(name, ".hash."); i >= 0 && !strings.HasPrefix(name, "runtime.") {
		return ".hash." + name[i+len(".hash."):]
	}
	return strings.TrimPrefix(name, "runtime.")
}

// printLayouts is `--layout`: every typed map's layout, one JSON line each, by type name.
func printLayouts() {
	names := make([]string, 0, len(layouts))
	for n := range layouts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		emit(layouts[n]())
	}
}
