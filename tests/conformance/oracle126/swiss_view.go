package main

// Mirrors of Go 1.26.11's map structures (internal/runtime/maps, internal/abi) on amd64, read
// with unsafe (docs/go-map-swiss-1.26.md §A.1.3-A.1.5, §A.3). The package cannot be
// imported, so the layouts are declared again here and checked at start-up (checkLayout): a
// mirror that has gone stale must stop the oracle, never make it print wrong states.

import (
	"fmt"
	"runtime"
	"strings"
	"unsafe"
)

// swissMap is maps.Map, the header a map value points to (48 bytes).
type swissMap struct {
	used              uint64
	seed              uintptr
	dirPtr            unsafe.Pointer // small map: the group; else [dirLen]*table
	dirLen            int
	globalDepth       uint8
	globalShift       uint8
	writing           uint8
	tombstonePossible bool
	clearSeq          uint64
}

// table is maps.table (32 bytes).
type table struct {
	used       uint16
	capacity   uint16
	growthLeft uint16
	localDepth uint8
	index      int
	groupsData unsafe.Pointer
	lengthMask uint64
}

// mapType is abi.MapType (112 bytes): abi.Type, then the map-specific fields.
type mapType struct {
	typ       [48]byte
	key       unsafe.Pointer
	elem      unsafe.Pointer
	group     unsafe.Pointer
	hasher    func(unsafe.Pointer, uintptr) uintptr
	groupSize uintptr
	slotSize  uintptr
	elemOff   uintptr
	flags     uint32
}

// Map type flags (internal/abi/map.go).
const (
	flagIndirectKey  = 4
	flagIndirectElem = 8
)

const (
	slotsPerGroup = 8
	ctrlEmpty     = 0x80
	ctrlDeleted   = 0xfe
)

// iterState is maps.Iter (96 bytes): the real iterator, with the draws it made at Init.
type iterState struct {
	key, elem   unsafe.Pointer
	typ         *mapType
	m           *swissMap
	entryOffset uint64
	dirOffset   uint64
	clearSeq    uint64
	globalDepth uint8
	dirIdx      int
	tab         *table
	group       unsafe.Pointer
	entryIdx    uint64
}

// linknameIter is the runtime's legacy iterator shape that mapiterinit/mapiternext take.
type linknameIter struct {
	key, elem unsafe.Pointer // nil key: the iteration has ended
	typ       *mapType
	it        *iterState
}

// The runtime keeps these two entry points for old linkname users ("push" linknames), so the
// linker lets us pull them: they run the same maps.Iter a for-range loop runs, on the live map.
//
//go:linkname mapiterinit runtime.mapiterinit
func mapiterinit(t *mapType, m *swissMap, it *linknameIter)

//go:linkname mapiternext runtime.mapiternext
func mapiternext(it *linknameIter)

// The process-wide hash key of the portable hash (zero while the AES hash is in use). The linker
// refuses these pulls unless the oracle is built with -ldflags=-checklinkname=0.
//
//go:linkname hashkey runtime.hashkey
var hashkey [4]uintptr

//go:linkname useAeshash runtime.useAeshash
var useAeshash bool

func headerOf[K comparable, V any](m map[K]V) *swissMap {
	return *(**swissMap)(unsafe.Pointer(&m))
}

// typeOf returns the map's type descriptor: the type word of the map as an interface.
func typeOf[K comparable, V any](m map[K]V) *mapType {
	var e any = m
	return *(**mapType)(unsafe.Pointer(&e))
}

// hashOf hashes k as the map does: the type's hasher with the map's current seed.
func hashOf[K comparable](t *mapType, h *swissMap, k K) uint64 {
	return uint64(t.hasher(unsafe.Pointer(&k), h.seed))
}

// directory returns the map's table pointers (nil for a small map).
func directory(h *swissMap) []*table {
	if h.dirLen == 0 {
		return nil
	}
	return unsafe.Slice((**table)(h.dirPtr), h.dirLen)
}

// groupAt is the address of group g of a table.
func groupAt(t *mapType, tab *table, g uint64) unsafe.Pointer {
	return unsafe.Add(tab.groupsData, uintptr(g)*t.groupSize)
}

// slotKey and slotElem are where slot i of a group keeps its key and element (following the
// pointer of an indirect one; nil when that pointer is nil).
func slotKey(t *mapType, group unsafe.Pointer, i int) unsafe.Pointer {
	p := unsafe.Add(group, 8+uintptr(i)*t.slotSize)
	if t.flags&flagIndirectKey != 0 {
		p = *(*unsafe.Pointer)(p)
	}
	return p
}

func slotElem(t *mapType, group unsafe.Pointer, i int) unsafe.Pointer {
	p := unsafe.Add(group, 8+uintptr(i)*t.slotSize+t.elemOff)
	if t.flags&flagIndirectElem != 0 {
		p = *(*unsafe.Pointer)(p)
	}
	return p
}

// layoutSink makes the probe map of checkLayout escape, as every map under test does.
var layoutSink any

// checkLayout verifies the mirrors against the running runtime before anything is read.
func checkLayout() error {
	if v := runtime.Version(); !strings.HasPrefix(v, "go1.26") {
		return fmt.Errorf("built with %s: the mirrored map layout is Go 1.26's", v)
	}
	if runtime.GOARCH != "amd64" {
		return fmt.Errorf("GOARCH %s: the mirrors are amd64's", runtime.GOARCH)
	}
	if s := unsafe.Sizeof(swissMap{}); s != 48 {
		return fmt.Errorf("swissMap mirror is %d bytes, want 48", s)
	}
	if s := unsafe.Sizeof(table{}); s != 32 {
		return fmt.Errorf("table mirror is %d bytes, want 32", s)
	}
	if s := unsafe.Sizeof(mapType{}); s != 112 {
		return fmt.Errorf("mapType mirror is %d bytes, want 112", s)
	}
	if s := unsafe.Sizeof(iterState{}); s != 96 {
		return fmt.Errorf("iterState mirror is %d bytes, want 96", s)
	}
	// A live map whose every field is known: 20 int64 entries from empty is one table of 32.
	m := map[int64]int64{}
	layoutSink = m
	for i := int64(0); i < 20; i++ {
		m[i] = i
	}
	h, t := headerOf(m), typeOf(m)
	if h.used != 20 || h.dirLen != 1 || h.globalDepth != 0 || h.globalShift != 64 || h.writing != 0 {
		return fmt.Errorf("map header mirror reads used=%d dirLen=%d depth=%d shift=%d",
			h.used, h.dirLen, h.globalDepth, h.globalShift)
	}
	if t.groupSize != 136 || t.slotSize != 16 || t.elemOff != 8 || t.flags != 0 {
		return fmt.Errorf("map type mirror reads groupSize=%d slotSize=%d elemOff=%d flags=%d",
			t.groupSize, t.slotSize, t.elemOff, t.flags)
	}
	tab := directory(h)[0]
	if tab.used != 20 || tab.capacity != 32 || tab.growthLeft != 28-20 || tab.index != 0 || tab.lengthMask != 3 {
		return fmt.Errorf("table mirror reads used=%d capacity=%d growthLeft=%d index=%d mask=%d",
			tab.used, tab.capacity, tab.growthLeft, tab.index, tab.lengthMask)
	}
	full := 0
	for g := uint64(0); g <= tab.lengthMask; g++ {
		grp := groupAt(t, tab, g)
		for i := 0; i < slotsPerGroup; i++ {
			ctrl := *(*uint8)(unsafe.Add(grp, i))
			if ctrl&0x80 != 0 {
				continue
			}
			full++
			k := *(*int64)(slotKey(t, grp, i))
			if m[k] != k || uint8(hashOf(t, h, k)&0x7f) != ctrl {
				return fmt.Errorf("slot mirror: key %d at group %d slot %d does not match its ctrl byte", k, g, i)
			}
		}
	}
	if full != 20 {
		return fmt.Errorf("group mirror finds %d full slots, want 20", full)
	}
	var it linknameIter
	mapiterinit(t, h, &it)
	if it.it == nil || it.it.m != h || it.it.typ != t || it.key == nil {
		return fmt.Errorf("iterator mirror does not point back at the map")
	}
	return nil
}
