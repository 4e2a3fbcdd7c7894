package main

// The generic runner: one instantiation per supported map[K]V runs a scenario's operations on a
// real Go 1.26 map and prints its state after each one. Each operation is the plain Go statement
// (m[k] = v, delete, clear, a lookup), so the compiler picks the runtime entry point it picks for
// hand-written code of that type: fast32/fast64/faststr or the generic path.

import (
	"fmt"
	"strconv"
	"strings"
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

// collide gives up after this many candidates (about G tries are needed per key found).
const collideSearchLimit = 1 << 24

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
		before := r.h.used
		if before > 0 { // delete on an empty map returns before hashing
			r.noteHash(rec, k)
		}
		delete(r.m, k)
		if before > 0 && r.h.used == 0 {
			r.noteReseed(rec) // a delete that empties the map draws a new seed
		}
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
		if r.h.used > 0 {
			r.noteHash(rec, k)
		}
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
		seq := r.h.clearSeq
		clear(r.m) // runtime.mapclear for every key type
		if r.h.clearSeq != seq {
			r.noteReseed(rec) // a clear that did not return early draws a new seed
		}
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
			return fmt.Errorf("the oracle reports the iteration's draws; they cannot be pinned")
		}
		r.iter, r.iterDone = r.startIter(rec), false
		rec.Keys = &[]string{}
		r.take(rec, r.iter)
		r.advance(rec, 0)
		if len(*rec.Keys) == 1 && !r.iterDone {
			rec.Result = &(*rec.Keys)[0]
		}
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
		rec.Keys = &[]string{}
		r.advance(rec, n)
	case "iter":
		if len(args) != 0 {
			return fmt.Errorf("the oracle reports the iteration's draws; they cannot be pinned")
		}
		it := r.startIter(rec)
		rec.Keys = &[]string{}
		for r.take(rec, it) {
			mapiternext(it)
		}
		end := "end"
		rec.Result = &end
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
	if len(args) != 2 {
		return fmt.Errorf("usage: collide G N")
	}
	g, err := parseUint(args[0], 64)
	if err != nil {
		return err
	}
	n, err := countArg(args[1:], "collide G N")
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
	for found := 0; found < n; {
		if r.collideNext >= collideSearchLimit {
			return fmt.Errorf("collide: no more candidates")
		}
		r.collideNext++
		k, err := r.kc.gen("c", r.collideNext)
		if err != nil {
			return err
		}
		if _, present := r.m[k]; present || !qualifies(hashOf(r.t, r.h, k)) {
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
