package main

// The generic runner: one instantiation per supported map[K]V runs a scenario's operations on a
// real Go map and prints its state after each one.

import (
	"fmt"
	"reflect"
	"unsafe"
)

// setup holds the set-up commands the oracle honours.
type setup struct {
	hint    int
	seed    uint32
	hasSeed bool
}

type runner[K comparable, V any] struct {
	kc keyCodec[K]
	ec elemCodec[V]

	m    map[K]V
	t    *maptype
	h    *hmap
	seed uint32 // the Go 1.14 hash0: Go 1.19 reseeds, the oracle writes this back

	generated   []K // keys made by fill and collide, addressable as @1, @2, …
	fillCount   int // fill's own counter: "continuing after keys already generated"
	collideNext int // next collide candidate; candidates are never reused

	iter     *reflect.MapIter // the open `range` iterator, if any
	iterDone bool
}

// Offsets inside *reflect.MapIter (Go 1.19): a 24-byte reflect.Value, then the runtime hiter
// (spec §2.4, §10.4).
const (
	mapIterHiter     = 24
	hiterT           = 16
	hiterStartBucket = 64
	hiterOffset      = 72
)

func runScenario[K comparable, V any](kc keyCodec[K], ec elemCodec[V], su setup, cmds []command) {
	r := &runner[K, V]{kc: kc, ec: ec}
	// A non-constant hint: the compiler lowers this to runtime.makemap for every hint, which
	// behaves like makemap_small for hints ≤ 8 (B = 0, no bucket array yet).
	r.m = make(map[K]V, su.hint)
	r.t, r.h = typeOf(r.m), headerOf(r.m)
	if su.hasSeed {
		r.h.hash0 = su.seed // safe: the map is empty
	}
	r.seed = r.h.hash0
	for _, c := range cmds {
		rec := record{Line: c.line, Op: c.text}
		if err := r.do(c, &rec); err != nil {
			rec.Error = fmt.Sprintf("line %d: %v", c.line, err)
		}
		r.snapshot(&rec)
		emit(&rec)
	}
}

// pinRefusal is the error for a pinned iteration (range/iter with arguments).
const pinRefusal = "the oracle reports the iteration start; it cannot be pinned"

func (r *runner[K, V]) deleteKey(rec *record, k K) {
	r.noteHash(rec, k)
	delete(r.m, k)
	r.restoreSeed(rec)
}

func (r *runner[K, V]) lookupHash(rec *record, k K) { r.noteHash(rec, k) }

func (r *runner[K, V]) startRange(rec *record) error {
	r.iter, r.iterDone = reflect.ValueOf(r.m).MapRange(), false
	rec.Keys = []string{}
	r.advance(rec, 1)
	if len(rec.Keys) == 1 {
		rec.Result = &rec.Keys[0]
	}
	return r.noteStart(rec, r.iter)
}

func (r *runner[K, V]) next(rec *record, n int) {
	rec.Keys = []string{}
	r.advance(rec, n)
}

func (r *runner[K, V]) iterate(rec *record) error {
	// reflect.MapRange runs the same runtime mapiterinit/mapiternext as a for-range loop.
	it := reflect.ValueOf(r.m).MapRange()
	rec.Keys = []string{}
	for it.Next() {
		rec.Keys = append(rec.Keys, r.kc.format(it.Key().Interface().(K)))
	}
	return r.noteStart(rec, it)
}

func (r *runner[K, V]) noteHash(rec *record, k K) {
	if rec.Hashes == nil {
		rec.Hashes = map[string]string{}
	}
	rec.Hashes[r.kc.format(k)] = hex16(hashOf(r.t, r.h, k))
	if r.kc.lit != nil {
		// The printed form ({1 a}) is not a literal: tell the driver how to write the key.
		if rec.HashLits == nil {
			rec.HashLits = map[string]string{}
		}
		rec.HashLits[r.kc.format(k)] = r.kc.lit(k)
	}
}

// restoreSeed undoes Go 1.19's reseeding when the map becomes empty (spec §9 item 2): writing
// the old hash0 back is safe because no entry depends on it, and it makes the run a Go 1.14 run.
func (r *runner[K, V]) restoreSeed(rec *record) {
	if r.h.count == 0 && r.h.hash0 != r.seed {
		drawn := r.h.hash0
		rec.Reseeded = &drawn
		r.h.hash0 = r.seed
	}
}

func (r *runner[K, V]) clear(rec *record) error {
	before := *r.h
	if isReflexive[K]() {
		clearIdiom(r.m)
	} else {
		runtimeMapclear(r.t, r.h)
	}
	r.restoreSeed(rec)
	if before.count == 0 {
		return nil // mapclear returns at once on an empty map
	}
	// Proof that the idiom became mapclear and not a loop of deletes: a loop would have set
	// the iterator flags and kept the overflow count and any grow in progress.
	h := r.h
	if h.flags != before.flags&^hmapSameSizeGrow || h.noverflow != 0 || h.oldbuckets != nil ||
		h.nevacuate != 0 || h.B != before.B || h.count != 0 {
		return fmt.Errorf("oracle bug: clear did not run runtime.mapclear (flags %d→%d, noverflow %d)",
			before.flags, h.flags, h.noverflow)
	}
	return nil
}

// clearIdiom is the loop the compiler replaces by one runtime.mapclear call when the key type is
// reflexive (verified for these instantiations by clear()'s check and by objdump, see README).
//
//go:noinline
func clearIdiom[K comparable, V any](m map[K]V) {
	for k := range m {
		delete(m, k)
	}
}

// collide inserts n new keys whose real hash selects bucket idx at the B the command starts at.
func (r *runner[K, V]) collide(args []string, rec *record) error {
	idx, n, err := collideArgs(args, "collide I N")
	if err != nil {
		return err
	}
	mask := uint64(1)<<r.h.B - 1 // the bucket count when the command starts
	if idx > mask {
		return fmt.Errorf("bucket %d does not exist at B=%d", idx, r.h.B)
	}
	return r.collideInto(n, func(hash uint64) bool { return hash&mask == idx }, rec)
}

// advance moves the open iterator up to n keys, noting each key yielded.
func (r *runner[K, V]) advance(rec *record, n int) {
	for i := 0; i < n && !r.iterDone; i++ {
		if !r.iter.Next() {
			r.iterDone = true
			break
		}
		rec.Keys = append(rec.Keys, r.kc.format(r.iter.Key().Interface().(K)))
	}
	rec.Done = r.iterDone
}

// noteStart reports the random start the runtime drew for an iterator (valid after its first
// Next), after checking that the hiter really is where it is expected to be.
func (r *runner[K, V]) noteStart(rec *record, it *reflect.MapIter) error {
	hi := unsafe.Add(unsafe.Pointer(it), mapIterHiter)
	if *(*unsafe.Pointer)(unsafe.Add(hi, hiterT)) != unsafe.Pointer(r.t) {
		return fmt.Errorf("oracle bug: reflect.MapIter layout is not the expected one")
	}
	start := uint64(*(*uintptr)(unsafe.Add(hi, hiterStartBucket)))
	offset := *(*uint8)(unsafe.Add(hi, hiterOffset))
	rec.Start, rec.Offset = &start, &offset
	return nil
}

func (r *runner[K, V]) snapshot(rec *record) {
	h := r.h
	rec.Count, rec.Flags, rec.B, rec.Noverflow, rec.Hash0, rec.Nevacuate =
		h.count, h.flags, h.B, h.noverflow, h.hash0, uint64(h.nevacuate)
	if h.extra != nil {
		if next := *(*uintptr)(unsafe.Add(h.extra, 16)); next != 0 { // mapextra.nextOverflow
			i := int((next - uintptr(h.buckets)) / uintptr(r.t.bucketsize))
			rec.NextOverflow = &i
		}
	}
	if h.buckets != nil {
		rec.Buckets = r.chainsJSON(h.buckets, h.B)
	}
	if h.oldbuckets != nil {
		oldB := h.B
		if h.flags&hmapSameSizeGrow == 0 {
			oldB--
		}
		rec.Oldbuckets = r.chainsJSON(h.oldbuckets, oldB)
	}
}

func (r *runner[K, V]) chainsJSON(base unsafe.Pointer, B uint8) [][]bucketJSON {
	n := 1 << B
	chains, addrs := readChains[K, V](r.t, base, n)
	js := make([][]bucketJSON, n)
	for i, chain := range chains {
		js[i] = make([]bucketJSON, len(chain))
		for j := range chain {
			if idx := spareIndex(addrs[i][j], uintptr(base), B, uintptr(r.t.bucketsize)); idx >= 0 {
				js[i][j].Spare = &idx
			}
			for s, slot := range chain[j] {
				js[i][j].S[s].T = slot.top
				if slot.top >= minTopHash {
					k := r.kc.format(slot.key)
					js[i][j].S[s].K, js[i][j].S[s].V = &k, r.ec.toJSON(slot.elem)
				}
			}
		}
	}
	return js
}
