package main

// The generic runner: one instantiation per supported map[K]V runs a scenario's operations on a
// real Go map and prints its state after each one.

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
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

// collide gives up after this many candidates (about 2^B tries are needed per key found).
const collideSearchLimit = 1 << 24

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

func (r *runner[K, V]) do(c command, rec *record) error {
	name, args := c.args[0], c.args[1:]
	switch name {
	case parseErrorCmd:
		return fmt.Errorf("%s", args[0])
	case "set":
		if len(args) < 1 || len(args) > 2 {
			return fmt.Errorf("usage: set K [V]")
		}
		k, expanded, err := r.key(args[0], c.quoted[1])
		if err != nil {
			return err
		}
		var v V
		if len(args) == 2 {
			if v, err = r.ec.parse(args[1]); err != nil {
				return err
			}
		}
		r.noteHash(rec, k)
		r.m[k] = v
		if expanded {
			line := "set " + keyToken(r.kc, k)
			if len(args) == 2 {
				line += " " + rawToken(args[1])
			}
			rec.Expanded = []string{line}
		}
	case "del":
		if len(args) != 1 {
			return fmt.Errorf("usage: del K")
		}
		k, expanded, err := r.key(args[0], c.quoted[1])
		if err != nil {
			return err
		}
		r.noteHash(rec, k)
		delete(r.m, k)
		r.restoreSeed(rec)
		if expanded {
			rec.Expanded = []string{"del " + keyToken(r.kc, k)}
		}
	case "get":
		if len(args) != 1 {
			return fmt.Errorf("usage: get K")
		}
		k, expanded, err := r.key(args[0], c.quoted[1])
		if err != nil {
			return err
		}
		r.noteHash(rec, k)
		v, ok := r.m[k]
		res := r.ec.text(v) + " " + strconv.FormatBool(ok)
		rec.Result = &res
		if expanded {
			rec.Expanded = []string{"get " + keyToken(r.kc, k)}
		}
	case "clear":
		if len(args) != 0 {
			return fmt.Errorf("usage: clear")
		}
		return r.clear(rec)
	case "fill":
		n, err := countArg(args, "fill N")
		if err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			k, err := r.kc.gen("k", r.fillCount+1)
			if err != nil {
				return err
			}
			r.fillCount++
			r.noteHash(rec, k)
			r.m[k] = r.ec.fillValue(r.fillCount)
			r.generated = append(r.generated, k)
		}
	case "collide":
		return r.collide(args, rec)
	case "range":
		if len(args) != 0 {
			return fmt.Errorf("the oracle reports the iteration start; it cannot be pinned")
		}
		r.iter, r.iterDone = reflect.ValueOf(r.m).MapRange(), false
		rec.Keys = []string{}
		r.advance(rec, 1)
		if len(rec.Keys) == 1 {
			rec.Result = &rec.Keys[0]
		}
		return r.noteStart(rec, r.iter)
	case "next":
		n := 1
		if len(args) > 0 {
			var err error
			if n, err = countArg(args, "next [N]"); err != nil {
				return err
			}
		}
		if r.iter == nil {
			return fmt.Errorf("next with no open iterator")
		}
		rec.Keys = []string{}
		r.advance(rec, n)
	case "iter":
		if len(args) != 0 {
			return fmt.Errorf("the oracle reports the iteration start; it cannot be pinned")
		}
		// reflect.MapRange runs the same runtime mapiterinit/mapiternext as a for-range loop.
		it := reflect.ValueOf(r.m).MapRange()
		rec.Keys = []string{}
		for it.Next() {
			rec.Keys = append(rec.Keys, r.kc.format(it.Key().Interface().(K)))
		}
		return r.noteStart(rec, it)
	case "dump":
		if len(args) != 0 {
			return fmt.Errorf("usage: dump")
		}
	default:
		if isSetup(name) {
			return fmt.Errorf("set-up command %q after the first operation", name)
		}
		return fmt.Errorf("unknown or unsupported command %q", name)
	}
	return nil
}

// key reads a key token; an unquoted @N names the N-th generated key. expanded tells whether the
// command must be rewritten with the real key for the model.
func (r *runner[K, V]) key(tok string, quoted bool) (K, bool, error) {
	if !quoted && strings.HasPrefix(tok, "@") {
		var zero K
		n, err := strconv.Atoi(tok[1:])
		if err != nil || n < 1 || n > len(r.generated) {
			return zero, false, fmt.Errorf("%s: no such generated key (have %d)", tok, len(r.generated))
		}
		return r.generated[n-1], true, nil
	}
	k, err := r.kc.parse(tok)
	return k, false, err
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

func (r *runner[K, V]) collide(args []string, rec *record) error {
	if len(args) != 2 {
		return fmt.Errorf("usage: collide I N")
	}
	idx, err := parseUint(args[0], 64)
	if err != nil {
		return err
	}
	n, err := countArg(args[1:], "collide I N")
	if err != nil {
		return err
	}
	mask := uint64(1)<<r.h.B - 1 // the bucket count when the command starts
	if idx > mask {
		return fmt.Errorf("bucket %d does not exist at B=%d", idx, r.h.B)
	}
	for found := 0; found < n; {
		if r.collideNext >= collideSearchLimit {
			return fmt.Errorf("collide: no more candidates")
		}
		r.collideNext++
		k, err := r.kc.gen("c", r.collideNext)
		if err != nil {
			return err
		}
		if _, present := r.m[k]; present || hashOf(r.t, r.h, k)&mask != idx {
			continue
		}
		r.generated = append(r.generated, k)
		v := r.ec.collideValue(len(r.generated))
		r.noteHash(rec, k)
		r.m[k] = v
		rec.Expanded = append(rec.Expanded, "set "+keyToken(r.kc, k)+" "+elemToken(r.ec, v))
		found++
	}
	return nil
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
