// Writes the hash vectors of go126_hash_vectors.h: run with Go 1.26 as
//   GODEBUG=cpu.aes=off go run -ldflags=-checklinkname=0 gen_hash_vectors.go
// (the AES hash must be off so the runtime uses hashkey; writing hashkey needs
// the linkname check off). Each line: kind, key set, value, seed, hash; a
// small script turns them into the header.

package main

import (
	"fmt"
	"unsafe"
	_ "unsafe"
)

//go:linkname hashkey runtime.hashkey
var hashkey [4]uintptr

type mapType struct {
	typ                        [48]byte
	key, elem, group           unsafe.Pointer
	hasher                     func(unsafe.Pointer, uintptr) uintptr
	groupSize, slotSize, elemOff uintptr
	flags                      uint32
}
type eface struct {
	typ  *mapType
	data unsafe.Pointer
}

func hasherOf(m any) func(unsafe.Pointer, uintptr) uintptr {
	return (*eface)(unsafe.Pointer(&m)).typ.hasher
}

func main() {
	keys := [][4]uintptr{{0x9e3779b97f4a7c15, 0xbf58476d1ce4e5b9, 0x94d049bb133111eb, 0x2545f4914f6cdd1d}, {1, 2, 3, 4}, {0x0123456789abcdef, 0xfedcba9876543210, 0x1111111111111111, 0x8000000000000000}}
	seeds := []uintptr{0, 1, 0xdeadbeefcafef00d, 0x9c0f1e2d3b4a5968}
	hi64 := hasherOf(map[int64]int64{})
	hi32 := hasherOf(map[int32]int64{})
	hs := hasherOf(map[string]int64{})
	hf := hasherOf(map[float64]int64{})
	hb := hasherOf(map[[16]byte]int64{})
	for ki, k := range keys {
		hashkey = k
		for _, s := range seeds {
			for _, v := range []int64{0, 1, -1, 42, 1 << 40, -9223372036854775808} {
				x := v
				fmt.Printf("I64 %d %d %#x %#x\n", ki, v, s, hi64(unsafe.Pointer(&x), s))
			}
			for _, v := range []int32{0, 1, -1, 123456} {
				x := v
				fmt.Printf("I32 %d %d %#x %#x\n", ki, v, s, hi32(unsafe.Pointer(&x), s))
			}
			for n := 0; n <= 120; n += 1 {
				if s != seeds[2] && n%7 != 0 { continue }
				b := make([]byte, n)
				for i := range b { b[i] = byte('a' + i%26) }
				str := string(b)
				fmt.Printf("STR %d %d %#x %#x\n", ki, n, s, hs(unsafe.Pointer(&str), s))
			}
			for _, f := range []float64{0, 1.5, -2.25, 1e300} {
				x := f
				fmt.Printf("F64 %d %v %#x %#x\n", ki, f, s, hf(unsafe.Pointer(&x), s))
			}
			nz := -0.0
			nz = nz * -1
			nz = -nz
			fmt.Printf("F64NZ %d %#x %#x\n", ki, s, hf(unsafe.Pointer(&nz), s))
			var a [16]byte
			copy(a[:], "k12345")
			fmt.Printf("B16 %d %#x %#x\n", ki, s, hb(unsafe.Pointer(&a), s))
		}
	}
}
