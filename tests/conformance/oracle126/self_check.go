package main

// A check of every state the oracle prints against facts of the map that do not depend on the
// mirrors being right (docs/go-map-swiss-1.26.md §A.1): if a mirror went stale, these fail
// at once instead of the model being blamed for the oracle's misreading.

import (
	"fmt"
	"unsafe"
)

func (r *runner[K, V]) selfCheck() error {
	h := r.h
	if uint64(len(r.m)) != h.used {
		return fmt.Errorf("len(m)=%d but the header says used=%d", len(r.m), h.used)
	}
	if h.dirLen == 0 {
		if h.dirPtr == nil {
			return nil
		}
		full, err := r.checkGroup(h.dirPtr)
		if err == nil && uint64(full) != h.used {
			err = fmt.Errorf("the small group has %d full slots, used=%d", full, h.used)
		}
		return err
	}
	if h.dirLen != 1<<h.globalDepth || int(h.globalShift) != 64-int(h.globalDepth) {
		return fmt.Errorf("dirLen %d, globalDepth %d, globalShift %d disagree", h.dirLen, h.globalDepth, h.globalShift)
	}
	var total uint64
	dir := directory(h)
	for i := 0; i < len(dir); {
		tab := dir[i]
		run := 1 << (h.globalDepth - tab.localDepth)
		if tab.index != i || i%run != 0 {
			return fmt.Errorf("directory entry %d: table index %d, localDepth %d", i, tab.index, tab.localDepth)
		}
		for j := i; j < i+run; j++ {
			if dir[j] != tab {
				return fmt.Errorf("directory entry %d does not share table %d's run", j, i)
			}
		}
		full, deleted := 0, 0
		for g := uint64(0); g <= tab.lengthMask; g++ {
			n, err := r.checkGroup(groupAt(r.t, tab, g))
			if err != nil {
				return fmt.Errorf("table at entry %d group %d: %v", i, g, err)
			}
			full += n
			for s := 0; s < slotsPerGroup; s++ {
				if *(*uint8)(unsafe.Add(groupAt(r.t, tab, g), s)) == ctrlDeleted {
					deleted++
				}
			}
		}
		maxGrowth := int(tab.capacity) * 7 / 8
		if tab.capacity <= 8 {
			maxGrowth = int(tab.capacity) - 1
		}
		if (tab.lengthMask+1)*slotsPerGroup != uint64(tab.capacity) || full != int(tab.used) ||
			maxGrowth-int(tab.used)-int(tab.growthLeft) != deleted {
			return fmt.Errorf("table at entry %d: capacity %d, groups %d, used %d (full slots %d), growthLeft %d, tombstones %d",
				i, tab.capacity, tab.lengthMask+1, tab.used, full, tab.growthLeft, deleted)
		}
		total += uint64(tab.used)
		i += run
	}
	if total != h.used {
		return fmt.Errorf("tables hold %d entries, the header says %d", total, h.used)
	}
	return nil
}

// checkGroup counts a group's full slots and checks that each holds a key the map finds, whose
// hash has the slot's control byte as its low 7 bits.
func (r *runner[K, V]) checkGroup(grp unsafe.Pointer) (int, error) {
	full := 0
	for i := 0; i < slotsPerGroup; i++ {
		ctrl := *(*uint8)(unsafe.Add(grp, i))
		if ctrl&0x80 != 0 {
			if ctrl != ctrlEmpty && ctrl != ctrlDeleted {
				return 0, fmt.Errorf("slot %d: control byte %#x", i, ctrl)
			}
			continue
		}
		full++
		k := *(*K)(slotKey(r.t, grp, i))
		if _, ok := r.m[k]; !ok || uint8(hashOf(r.t, r.h, k)&0x7f) != ctrl {
			return 0, fmt.Errorf("slot %d: key %s is not found, or its hash does not end in %#x", i, r.kc.format(k), ctrl)
		}
	}
	return full, nil
}
