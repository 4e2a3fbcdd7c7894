package main

// The JSON line printed after every operation, in the shape of gomap's state dump
// (docs/scenario-format.md, "State dump"), plus oracle-only fields the driver uses to
// pin the model (start, offset, expanded) and to explain a run (reseeded, done).

type slotJSON struct {
	T uint8   `json:"t"`
	K *string `json:"k,omitempty"`
	V any     `json:"v,omitempty"`
}

type bucketJSON struct {
	S     [bucketCnt]slotJSON `json:"s"`
	Spare *int                `json:"spare,omitempty"` // index in its array when taken from the preallocated spares
}

type record struct {
	Line         int               `json:"line"`
	Op           string            `json:"op"`
	Result       *string           `json:"result,omitempty"`
	Count        int               `json:"count"`
	Flags        uint8             `json:"flags"`
	B            uint8             `json:"B"`
	Noverflow    uint16            `json:"noverflow"`
	Hash0        uint32            `json:"hash0"`
	Nevacuate    uint64            `json:"nevacuate"`
	NextOverflow *int              `json:"nextOverflow,omitempty"` // index of the next unused spare bucket
	Buckets      [][]bucketJSON    `json:"buckets,omitempty"`
	Oldbuckets   [][]bucketJSON    `json:"oldbuckets,omitempty"`
	Hashes       map[string]string `json:"hashes,omitempty"`
	Keys         []string          `json:"keys,omitempty"`
	// Oracle-only fields.
	Start    *uint64           `json:"start,omitempty"`    // iteration: runtime hiter.startBucket
	Offset   *uint8            `json:"offset,omitempty"`   // iteration: runtime hiter.offset
	Done     bool              `json:"done,omitempty"`     // iteration: the iterator is exhausted
	Reseeded *uint32           `json:"reseeded,omitempty"` // the hash0 Go 1.19 drew, overwritten by the 1.14 one
	Expanded []string          `json:"expanded,omitempty"` // the same operation in plain commands (collide, @N)
	HashLits map[string]string `json:"hashLits,omitempty"` // printed key → its literal token, for keys of Go's other types
	Error    string            `json:"error,omitempty"`
}
