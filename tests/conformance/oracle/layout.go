package main

// `oracle --layout`: what Go itself decided for every map type of Go's other types the oracle
// runs — the key's and element's size, alignment and field offsets (reflect, i.e. unsafe.Sizeof,
// Alignof and Offsetof), the compiled map type's slot sizes, bucket size and flags, and the
// name of the hash function the compiler attached — one JSON line per type. The driver
// (tests/conformance/lib/layout-check.mjs) compares each with `gomap --layout`.

import (
	"reflect"
	"unsafe"
)

type fieldLayout struct {
	Name   string  `json:"name"`
	Offset uintptr `json:"offset"`
	Size   uintptr `json:"size"`
}

type typeLayout struct {
	Size   uintptr       `json:"size"`
	Align  int           `json:"align"`
	Fields []fieldLayout `json:"fields,omitempty"`
}

type mapLayout struct {
	Type       string     `json:"type"`
	Key        typeLayout `json:"key"`
	Elem       typeLayout `json:"elem"`
	Keysize    uint8      `json:"keysize"`
	Elemsize   uint8      `json:"elemsize"`
	Bucketsize uint16     `json:"bucketsize"`
	Flags      uint32     `json:"flags"`
	Hasher     string     `json:"hasher"`
}

var layouts = map[string]func() mapLayout{}

func layoutOf[K comparable, V any]() mapLayout {
	m := map[K]V{}
	t := typeOf(m)
	return mapLayout{
		Type:       reflect.TypeOf(m).String(),
		Key:        describe(reflect.TypeOf((*K)(nil)).Elem()),
		Elem:       describe(reflect.TypeOf((*V)(nil)).Elem()),
		Keysize:    t.keysize,
		Elemsize:   t.elemsize,
		Bucketsize: t.bucketsize,
		Flags:      t.flags,
		Hasher:     hashFuncName(unsafe.Pointer(&t.hasher)),
	}
}

func describe(t reflect.Type) typeLayout {
	l := typeLayout{Size: t.Size(), Align: t.Align()}
	if t.Kind() == reflect.Struct {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			l.Fields = append(l.Fields, fieldLayout{f.Name, f.Offset, f.Type.Size()})
		}
	}
	return l
}
