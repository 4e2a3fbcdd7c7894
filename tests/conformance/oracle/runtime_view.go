package main

// A read-only window on the live Go 1.19 map: mirror declarations of the runtime's hmap and
// maptype (docs/go-map-1.14.md §10), a bucket walker, and the links into the runtime that
// the oracle needs. Layouts are amd64 Go 1.19; checkLayout refuses to run anywhere else.

import (
	"fmt"
	"runtime"
	"unsafe"
)

// hmap mirrors runtime.hmap (48 bytes).
type hmap struct {
	count      int
	flags      uint8
	B          uint8
	noverflow  uint16
	hash0      uint32
	buckets    unsafe.Pointer
	oldbuckets unsafe.Pointer
	nevacuate  uintptr
	extra      unsafe.Pointer
}

// maptype mirrors runtime.maptype (88 bytes); the 48-byte runtime._type header is opaque here.
type maptype struct {
	typ        [48]byte
	key        unsafe.Pointer
	elem       unsafe.Pointer
	bucket     unsafe.Pointer
	hasher     func(unsafe.Pointer, uintptr) uintptr
	keysize    uint8
	elemsize   uint8
	bucketsize uint16
	flags      uint32
}

const (
	flagIndirectKey  = 1
	flagIndirectElem = 2
	flagReflexiveKey = 4

	hmapSameSizeGrow = 8
	bucketCnt        = 8
	minTopHash       = 5
)

// The runtime's per-process hash key; with GODEBUG=cpu.aes=off only hashkey[0] feeds the
// fallback hash, and the C++ model's go119 hasher must reproduce it from that word.
//
//go:linkname hashkey runtime.hashkey
var hashkey [4]uintptr

//go:linkname useAeshash runtime.useAeshash
var useAeshash bool

// mapclear is what the compiler calls for `for k := range m { delete(m, k) }` with reflexive
// keys. For float keys the idiom stays a real loop, so the oracle calls the runtime function
// directly to give `clear` the meaning the scenario language defines (mapclear).
//
//go:linkname runtimeMapclear runtime.mapclear
func runtimeMapclear(t *maptype, h *hmap)

func checkLayout() error {
	if runtime.GOARCH != "amd64" || unsafe.Sizeof(hmap{}) != 48 || unsafe.Sizeof(maptype{}) != 88 {
		return fmt.Errorf("the oracle's runtime mirrors are for Go 1.19 on amd64 (have %s %s)",
			runtime.Version(), runtime.GOARCH)
	}
	return nil
}

// headerOf returns the hmap a map value points at (nil for a nil map).
func headerOf[K comparable, V any](m map[K]V) *hmap {
	return *(**hmap)(unsafe.Pointer(&m))
}

// typeOf returns the map's runtime type descriptor: the type word of an interface holding it.
func typeOf[K comparable, V any](m map[K]V) *maptype {
	var i any = m
	return (*maptype)((*[2]unsafe.Pointer)(unsafe.Pointer(&i))[0])
}

// hashOf hashes k exactly as the map does: the type's own hasher seeded with hash0.
func hashOf[K comparable](t *maptype, h *hmap, k K) uint64 {
	return uint64(t.hasher(unsafe.Pointer(&k), uintptr(h.hash0)))
}

// slotView is one slot as the dump shows it: its tophash and, when live, its key and elem.
type slotView[K comparable, V any] struct {
	top  uint8
	key  K
	elem V
}

// readChains walks n primary buckets of the array at base and their overflow links.
func readChains[K comparable, V any](t *maptype, base unsafe.Pointer, n int) ([][][bucketCnt]slotView[K, V], [][]uintptr) {
	chains := make([][][bucketCnt]slotView[K, V], n)
	addrs := make([][]uintptr, n)
	size := uintptr(t.bucketsize)
	for i := 0; i < n; i++ {
		for b := unsafe.Add(base, uintptr(i)*size); b != nil; b = *(*unsafe.Pointer)(unsafe.Add(b, size-8)) {
			addrs[i] = append(addrs[i], uintptr(b))
			var slots [bucketCnt]slotView[K, V]
			for j := 0; j < bucketCnt; j++ {
				s := &slots[j]
				s.top = *(*uint8)(unsafe.Add(b, j))
				if s.top < minTopHash {
					continue // empty or evacuated: key bytes may be stale or cleared
				}
				kp := unsafe.Add(b, 8+uintptr(j)*uintptr(t.keysize))
				if t.flags&flagIndirectKey != 0 {
					kp = *(*unsafe.Pointer)(kp)
				}
				ep := unsafe.Add(b, 8+bucketCnt*uintptr(t.keysize)+uintptr(j)*uintptr(t.elemsize))
				if t.flags&flagIndirectElem != 0 {
					ep = *(*unsafe.Pointer)(ep)
				}
				s.key, s.elem = *(*K)(kp), *(*V)(ep)
			}
			chains[i] = append(chains[i], slots)
		}
	}
	return chains, addrs
}

// The allocator's size classes below 32 KiB (Go 1.19's; its extra 24-byte class never
// matters for a bucket array), to know how many buckets, spares included, an array of
// 2^B buckets really holds — the same rule as the runtime's makeBucketArray.
var sizeClasses = []uintptr{8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224,
	240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280,
	1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912,
	8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576,
	27264, 28672, 32768}

func arrayBuckets(B uint8, bucketsize uintptr) uintptr {
	n := uintptr(1) << B
	if B < 4 {
		return n
	}
	n += uintptr(1) << (B - 4)
	bytes := n * bucketsize
	up := (bytes + 8191) / 8192 * 8192
	if bytes < 32768 {
		for _, c := range sizeClasses {
			if c >= bytes {
				up = c
				break
			}
		}
	}
	return up / bucketsize
}

// spareIndex is the index of bucket addr in the array at base (2^B primaries) when it is one
// of the array's preallocated spare buckets, else -1.
func spareIndex(addr, base uintptr, B uint8, bucketsize uintptr) int {
	lo := base + (uintptr(1)<<B)*bucketsize
	hi := base + arrayBuckets(B, bucketsize)*bucketsize
	if addr >= lo && addr < hi {
		return int((addr - base) / bucketsize)
	}
	return -1
}
