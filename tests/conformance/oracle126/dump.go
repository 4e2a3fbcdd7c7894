package main

// The JSON line printed after every operation: the Swiss state dump of contract version 2
// (docs/scenario-format.md, "Go 1.26's map"), read from the live map, plus oracle-only
// fields the driver uses to pin the model (entry, dir, reseed, expanded) and to explain a run.

import "unsafe"

// slotJSON is a slot: key and element for a full slot; for any other slot, nothing, except the
// oracle's extra "stale": the key bytes a delete or clear left behind, when they are not zero.
type slotJSON struct {
	K     *string `json:"k,omitempty"`
	V     any     `json:"v,omitempty"`
	Stale *string `json:"stale,omitempty"`
}

type groupJSON struct {
	Ctrl [slotsPerGroup]uint8    `json:"ctrl"`
	S    [slotsPerGroup]slotJSON `json:"s"`
}

type tableJSON struct {
	Index      int         `json:"index"`
	LocalDepth uint8       `json:"localDepth"`
	Capacity   uint16      `json:"capacity"`
	Used       uint16      `json:"used"`
	GrowthLeft uint16      `json:"growthLeft"`
	Groups     []groupJSON `json:"groups"`
}

type record struct {
	Line              int               `json:"line"`
	Op                string            `json:"op"`
	Result            *string           `json:"result,omitempty"`
	Model             string            `json:"model"`
	Count             uint64            `json:"count"`
	Seed              string            `json:"seed"`
	DirLen            int               `json:"dirLen"`
	GlobalDepth       uint8             `json:"globalDepth"`
	TombstonePossible bool              `json:"tombstonePossible"`
	ClearSeq          uint64            `json:"clearSeq"`
	Small             *groupJSON        `json:"small,omitempty"`
	Directory         []int             `json:"directory,omitempty"`
	Tables            []tableJSON       `json:"tables,omitempty"`
	Hashes            map[string]string `json:"hashes,omitempty"`
	Keys              *[]string         `json:"keys,omitempty"` // a pointer: an iteration that yields nothing prints []
	// Oracle-only fields. 64-bit draws travel as decimal text: JSON numbers lose bits in node.
	Entry    *string  `json:"entry,omitempty"`    // iteration: the runtime's entryOffset
	Dir      *string  `json:"dir,omitempty"`      // iteration: the runtime's dirOffset
	Reseed   *string  `json:"reseed,omitempty"`   // the seed a delete that emptied the map, or a clear, drew
	Done     bool     `json:"done,omitempty"`     // iteration: the iterator is exhausted
	Expanded []string `json:"expanded,omitempty"` // the same operation in plain commands (collide, @N)
	Error    string   `json:"error,omitempty"`
}

// snapshot reads the whole live map into rec.
func (r *runner[K, V]) snapshot(rec *record) {
	h := r.h
	rec.Model = "swiss"
	rec.Count, rec.Seed, rec.DirLen, rec.GlobalDepth = h.used, hex16(uint64(h.seed)), h.dirLen, h.globalDepth
	rec.TombstonePossible, rec.ClearSeq = h.tombstonePossible, h.clearSeq
	if h.dirLen == 0 {
		if h.dirPtr != nil {
			g := r.groupJSON(h.dirPtr)
			rec.Small = &g
		}
		return
	}
	position := map[*table]int{}
	rec.Directory = make([]int, h.dirLen)
	for i, tab := range directory(h) {
		p, seen := position[tab]
		if !seen {
			p = len(rec.Tables)
			position[tab] = p
			tj := tableJSON{Index: tab.index, LocalDepth: tab.localDepth, Capacity: tab.capacity,
				Used: tab.used, GrowthLeft: tab.growthLeft}
			for g := uint64(0); g <= tab.lengthMask; g++ {
				tj.Groups = append(tj.Groups, r.groupJSON(groupAt(r.t, tab, g)))
			}
			rec.Tables = append(rec.Tables, tj)
		}
		rec.Directory[i] = p
	}
}

func (r *runner[K, V]) groupJSON(grp unsafe.Pointer) groupJSON {
	var g groupJSON
	for i := 0; i < slotsPerGroup; i++ {
		ctrl := *(*uint8)(unsafe.Add(grp, i))
		g.Ctrl[i] = ctrl
		kp := slotKey(r.t, grp, i)
		if ctrl&0x80 == 0 {
			k := r.kc.format(*(*K)(kp))
			g.S[i].K, g.S[i].V = &k, r.ec.toJSON(*(*V)(slotElem(r.t, grp, i)))
		} else if kp != nil && !allZero(kp, unsafe.Sizeof(*new(K))) && !zeroButPadding[K](kp) {
			k := r.kc.format(*(*K)(kp))
			g.S[i].Stale = &k
		}
	}
	return g
}

func allZero(p unsafe.Pointer, n uintptr) bool {
	for _, b := range unsafe.Slice((*byte)(p), n) {
		if b != 0 {
			return false
		}
	}
	return true
}
