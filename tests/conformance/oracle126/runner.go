package main

// The generic runner: one instantiation per supported map[K]V runs a scenario's operations on a
// real Go 1.26 map and prints its state after each one. Each operation is the plain Go statement
// (m[k] = v, delete, clear, a lookup), so the compiler picks the runtime entry point it picks for
// hand-written code of that type: fast32/fast64/faststr or the generic path.

import (
	"fmt"
	"strconv"
)

// setup holds the set-up commands the oracle honours.
type setup struct {
	hint    int
	seed    uint64
	hasSeed bool
	errors  []record // set-up commands that failed, printed after the first line
	// dumpsOnly: print the state only for `dump` and failed commands (see main.go).
	dumpsOnly bool
}

// pinRecord is what --dumps-only prints for an operation that is not a dump: no state, only the
// draws and expansions the model must be given.
type pinRecord struct {
	Line     int      `json:"line"`
	Op       string   `json:"op"`
	Entry    *string  `json:"entry,omitempty"`
	Dir      *string  `json:"dir,omitempty"`
	Reseed   *string  `json:"reseed,omitempty"`
	Expanded []string `json:"expanded,omitempty"`
}

type runner[K comparable, V any] struct {
	kc keyCodec[K]
	ec elemCodec[V]

	m map[K]V
	t *mapType
	h *swissMap

	generated   []K // keys made by fill and collide, addressable as @1, @2, …
	fillCount   int // fill's own counter: "continuing after keys already generated"
	collideNext int // next collide candidate; candidates are never reused

	iter     *linknameIter // the open `range` iterator, if any
	iterDone bool
}

// mapSink makes every map under test escape: a map kept on the stack would get its header and
// first group from the compiler, not from the runtime paths the model follows.
var mapSink any

func runScenario[K comparable, V any](kc keyCodec[K], ec elemCodec[V], su setup, cmds []command) {
	r := &runner[K, V]{kc: kc, ec: ec}
	// A non-constant hint: the compiler lowers this to runtime.makemap for every hint.
	r.m = make(map[K]V, su.hint)
	mapSink = r.m
	r.t, r.h = typeOf(r.m), headerOf(r.m)
	if su.hasSeed {
		r.h.seed = uintptr(su.seed) // safe: the map is empty, nothing was hashed with the old one
	}
	seed := uint64(r.h.seed)
	emitHead(&seed)
	for _, e := range su.errors {
		emit(e)
	}
	for _, c := range cmds {
		rec := record{Line: c.line, Op: c.text}
		err := r.do(c, &rec)
		if err == nil {
			if bad := r.selfCheck(); bad != nil {
				err = fmt.Errorf("oracle bug: the map read does not hold together: %v", bad)
			}
		}
		if err != nil {
			rec.Error = fmt.Sprintf("line %d: %v", c.line, err)
		}
		if su.dumpsOnly && err == nil && c.args[0] != "dump" {
			emit(pinRecord{Line: rec.Line, Op: rec.Op, Entry: rec.Entry, Dir: rec.Dir, Reseed: rec.Reseed, Expanded: rec.Expanded})
			continue
		}
		r.snapshot(&rec)
		emit(&rec)
	}
}

// pinRefusal is the error for pinned draws (range/iter with arguments).
const pinRefusal = "the oracle reports the iteration's draws; they cannot be pinned"

func (r *runner[K, V]) deleteKey(rec *record, k K) {
	before := r.h.used
	if before > 0 { // delete on an empty map returns before hashing
		r.noteHash(rec, k)
	}
	delete(r.m, k)
	if before > 0 && r.h.used == 0 {
		r.noteReseed(rec) // a delete that empties the map draws a new seed
	}
}

// lookupHash notes the hash a lookup computes: none on an empty map.
func (r *runner[K, V]) lookupHash(rec *record, k K) {
	if r.h.used > 0 {
		r.noteHash(rec, k)
	}
}

func (r *runner[K, V]) clear(rec *record) error {
	seq := r.h.clearSeq
	clear(r.m) // runtime.mapclear for every key type
	if r.h.clearSeq != seq {
		r.noteReseed(rec) // a clear that did not return early draws a new seed
	}
	return nil
}

func (r *runner[K, V]) startRange(rec *record) error {
	r.iter, r.iterDone = r.startIter(rec), false
	rec.Keys = &[]string{}
	r.take(rec, r.iter)
	r.advance(rec, 0)
	if len(*rec.Keys) == 1 && !r.iterDone {
		rec.Result = &(*rec.Keys)[0]
	}
	return nil
}

func (r *runner[K, V]) next(rec *record, n int) {
	rec.Keys = &[]string{}
	r.advance(rec, n)
}

func (r *runner[K, V]) iterate(rec *record) error {
	it := r.startIter(rec)
	rec.Keys = &[]string{}
	for r.take(rec, it) {
		mapiternext(it)
	}
	end := "end"
	rec.Result = &end
	return nil
}

func (r *runner[K, V]) noteHash(rec *record, k K) {
	if rec.Hashes == nil {
		rec.Hashes = map[string]string{}
	}
	rec.Hashes[r.kc.format(k)] = hex16(hashOf(r.t, r.h, k))
}

func (r *runner[K, V]) noteReseed(rec *record) {
	s := hex16(uint64(r.h.seed))
	rec.Reseed = &s
}

// startIter begins a for-range iteration the way the runtime does (Init, then the first Next)
// and reports the two draws Init made, which only happen on a non-empty map.
func (r *runner[K, V]) startIter(rec *record) *linknameIter {
	nonEmpty := r.h.used > 0
	it := &linknameIter{}
	mapiterinit(r.t, r.h, it)
	if nonEmpty {
		e := strconv.FormatUint(it.it.entryOffset, 10)
		d := strconv.FormatUint(it.it.dirOffset, 10)
		rec.Entry, rec.Dir = &e, &d
	}
	return it
}

// take notes the key the iterator stands on; false once it has ended.
func (r *runner[K, V]) take(rec *record, it *linknameIter) bool {
	if it.key == nil {
		return false
	}
	*rec.Keys = append(*rec.Keys, r.kc.format(*(*K)(it.key)))
	return true
}

// advance moves the open iterator up to n more keys. The iterator already stands on the key it
// yielded last, so each step is one mapiternext; ending sets result "end".
func (r *runner[K, V]) advance(rec *record, n int) {
	if r.iter.key == nil {
		r.iterDone = true
	}
	for i := 0; i < n && !r.iterDone; i++ {
		mapiternext(r.iter)
		if !r.take(rec, r.iter) {
			r.iterDone = true
		}
	}
	rec.Done = r.iterDone
	if r.iterDone {
		end := "end"
		rec.Result = &end
	}
}

// collide inserts n new keys whose probe sequence starts at group g of the table directory
// entry 0 points to, at the state the command starts in: the key must select that table (its
// top globalDepth bits fall in the table's run of entries) and h1 & lengthMask must be g. On a
// small map (one group, no probing) g must be 0 and every new key qualifies.
func (r *runner[K, V]) collide(args []string, rec *record) error {
	g, n, err := collideArgs(args, "collide G N")
	if err != nil {
		return err
	}
	qualifies := func(uint64) bool { return true }
	if r.h.dirLen == 0 {
		if g != 0 {
			return fmt.Errorf("group %d does not exist: the map is small (one group, 0)", g)
		}
	} else {
		tab := directory(r.h)[0]
		if g > tab.lengthMask {
			return fmt.Errorf("group %d does not exist: table 0 has %d groups", g, tab.lengthMask+1)
		}
		mask, depth, run := tab.lengthMask, r.h.globalDepth, uint64(1)<<(r.h.globalDepth-tab.localDepth)
		qualifies = func(hash uint64) bool {
			return (hash>>7)&mask == g && (depth == 0 || hash>>(64-depth) < run)
		}
	}
	return r.collideInto(n, qualifies, rec)
}
