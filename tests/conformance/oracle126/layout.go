package main

// `oracle126 --layout`: Go 1.26's own slot geometry for every map type of Go's other types the
// oracle runs — the compiled abi.MapType's SlotSize, ElemOff, GroupSize and Flags, and the name
// of its hash function — one JSON line per type, for lib/layout-check.mjs to compare with
// `gomap --layout` (its "swiss" part).

import (
	"reflect"
	"unsafe"
)

type swissLayout struct {
	Type      string  `json:"type"`
	SlotSize  uintptr `json:"slotSize"`
	ElemOff   uintptr `json:"elemOff"`
	GroupSize uintptr `json:"groupSize"`
	Flags     uint32  `json:"flags"`
	Hasher    string  `json:"hasher"`
}

var layouts = map[string]func() swissLayout{}

func layoutOf[K comparable, V any]() swissLayout {
	m := map[K]V{}
	t := typeOf(m)
	return swissLayout{reflect.TypeOf(m).String(), t.slotSize, t.elemOff, t.groupSize, t.flags,
		hashFuncName(unsafe.Pointer(&t.hasher))}
}
