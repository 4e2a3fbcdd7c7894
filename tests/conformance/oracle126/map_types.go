package main

// The map types the oracle can run: every supported key type with every supported element
// type. Each entry instantiates the generic runner for one concrete map[K]V, so the compiler
// chooses the runtime entry point hand-written code of that type gets (checked in the README:
// int32 and [4]byte → fast32, int64 and [8]byte → fast64, string → faststr, the rest and every
// element over 128 bytes → generic).

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
	// [N]byte keys: 3 (memhash 1–3 bytes), 4 (fast32), 8 (fast64), 16 (generic, 9–16 bytes),
	// 32 (17–48), 64 (the 48-byte loop), 128 (largest inline key), 200 (indirect key).
	addKey(byteArrayKey[[3]byte]())
	addKey(byteArrayKey[[4]byte]())
	addKey(byteArrayKey[[8]byte]())
	addKey(byteArrayKey[[16]byte]())
	addKey(byteArrayKey[[32]byte]())
	addKey(byteArrayKey[[64]byte]())
	addKey(byteArrayKey[[128]byte]())
	addKey(byteArrayKey[[200]byte]())
}
