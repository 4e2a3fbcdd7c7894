package main

// The map types the oracle can run: every supported key type with every supported element
// type. Each entry instantiates the generic runner for one concrete map[K]V, so the compiler
// chooses the same runtime entry points (fast32/fast64/faststr/generic) as for hand-written code.

import (
	"reflect"
	"strings"
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
	// [N]byte keys: 3 (memhash 1–3 bytes), 4 (fast32), 8 (fast64), 16 (9–16 bytes), 32 (17–48),
	// 64 (the 48-byte loop), 128 (largest inline key), 200 (indirect key).
	addKey(byteArrayKey[[3]byte]())
	addKey(byteArrayKey[[4]byte]())
	addKey(byteArrayKey[[8]byte]())
	addKey(byteArrayKey[[16]byte]())
	addKey(byteArrayKey[[32]byte]())
	addKey(byteArrayKey[[64]byte]())
	addKey(byteArrayKey[[128]byte]())
	addKey(byteArrayKey[[200]byte]())
}

// Go's other types (docs/scenario-format.md, "Go's other types"), keyed by reflect's name of
// the map type. Each is a compiled instantiation, not reflect.MapOf: the compiler picks the
// runtime variant and generates the hash function (for padded structs it hashes runs of fields,
// which a reflect-built map does not), and the model follows compiled Go.
var typedMapTypes = map[string]func(setup, []command){}

func addTyped[K comparable, V any]() {
	var m map[K]V
	typedMapTypes[reflect.TypeOf(m).String()] = func(su setup, ops []command) {
		runScenario(keyCodecFor[K](), elemCodecFor[V](), su, ops)
	}
	layouts[reflect.TypeOf(m).String()] = layoutOf[K, V]
}

// canonicalMapType is reflect's name for the map type a scenario writes ("" if unreadable).
func canonicalMapType(text string) string {
	if !strings.HasPrefix(text, "map[") {
		return ""
	}
	depth, i := 1, len("map[")
	for ; i < len(text) && depth > 0; i++ {
		switch text[i] {
		case '[':
			depth++
		case ']':
			depth--
		}
	}
	k, errK := parseGoType(text[len("map[") : i-1])
	v, errV := parseGoType(text[i:])
	if depth != 0 || errK != nil || errV != nil {
		return ""
	}
	return reflect.MapOf(k, v).String()
}

// Aliases, not new types: the compiled map's type must be the unnamed struct a scenario writes.
type (
	padded = struct {
		A int8
		B int64
	} // 7 bytes of padding: two hashed runs
	runThenStr = struct {
		A, B int8
		C    string
	} // one 2-byte memhash, then strhash
	point32   = struct{ X, Y int32 } // plain memory, 8 bytes: fast64
	floatPair = struct {
		A float64
		B int32
	} // f64hash, then memhash of B
	cplxField = struct {
		C complex64
		N int16
	} // c64hash, then memhash
	nestedPadded = struct {
		P padded
		S string
		F float32
	} // a generated hash inside one
	strWrap  = struct{ S string } // one field: hashed as a string, faststr
	zeroTail = struct {
		A int64
		Z struct{}
	} // a trailing zero-size field: 16 bytes
	big129 = struct {
		A [16]int64
		B int8
	} // 136 bytes (> 128): indirect
	key128 = struct {
		A [15]int64
		B int32
		C float32
	} // exactly 128 bytes: inline
	bytesAndBool = struct {
		B [3]byte
		T bool
	} // plain memory, 4 bytes: fast32
)

func init() {
	addTyped[bool, int64]()
	addTyped[int8, int64]()
	addTyped[uint8, bool]()
	addTyped[int16, int16]()
	addTyped[uint32, uint64]()
	addTyped[int, struct{}]()
	addTyped[uint64, string]()
	addTyped[uintptr, int64]()
	addTyped[float32, uint8]()
	addTyped[complex64, int64]()
	addTyped[complex128, bool]()
	addTyped[string, string]()
	addTyped[string, bool]()
	addTyped[string, []byte]()
	addTyped[string, []string]()
	addTyped[string, float32]()
	addTyped[[2]int64, string]()
	addTyped[[3]float64, int64]()
	addTyped[[2][3]int16, int64]()
	addTyped[[2]string, int64]()
	addTyped[[1]string, int64]()
	addTyped[[2]float32, [2]complex128]()
	addTyped[point32, bool]()
	addTyped[padded, int64]()
	addTyped[runThenStr, int64]()
	addTyped[floatPair, string]()
	addTyped[cplxField, int64]()
	addTyped[nestedPadded, int64]()
	addTyped[strWrap, int64]()
	addTyped[zeroTail, int64]()
	addTyped[big129, int64]()
	addTyped[key128, int64]()
	addTyped[int64, big129]()
	addTyped[int64, key128]()
	addTyped[bytesAndBool, int64]()
	addTyped[struct{}, int64]()
	addTyped[int32, padded]()
	addTyped[string, nestedPadded]()
	addTyped[uint16, bool]()
	addTyped[padded, string]()
	addTyped[int8, bool]()
	// For the hasher check (lib/hasher-check.mjs): every key type above with int64 elements.
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
