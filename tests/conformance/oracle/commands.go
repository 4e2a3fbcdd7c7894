package main

// The scenario commands as both oracles run them (../oracle126 links this file): reading each
// command's arguments, resolving @N, generating keys for fill and collide, and saying what the
// model must be told (expanded). What differs between Go 1.19's and Go 1.26's runtime — when a
// lookup hashes, what a delete or clear draws, how an iteration is read — is each runner's own
// (runner.go): deleteKey, lookupHash, clear, collide, startRange, next and iterate.

import (
	"fmt"
	"strconv"
	"strings"
)

// collide gives up after this many candidates (the bucket or group count of tries are needed
// per key found).
const collideSearchLimit = 1 << 24

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
		k, expanded, err := r.onlyKey(c, "del K")
		if err != nil {
			return err
		}
		r.deleteKey(rec, k)
		if expanded {
			rec.Expanded = []string{"del " + keyToken(r.kc, k)}
		}
	case "get":
		k, expanded, err := r.onlyKey(c, "get K")
		if err != nil {
			return err
		}
		r.lookupHash(rec, k)
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
			return fmt.Errorf("%s", pinRefusal)
		}
		return r.startRange(rec)
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
		r.next(rec, n)
	case "iter":
		if len(args) != 0 {
			return fmt.Errorf("%s", pinRefusal)
		}
		return r.iterate(rec)
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

// onlyKey reads the one key argument of a command that takes nothing else (del, get).
func (r *runner[K, V]) onlyKey(c command, usage string) (K, bool, error) {
	if len(c.args) != 2 {
		var zero K
		return zero, false, fmt.Errorf("usage: %s", usage)
	}
	return r.key(c.args[1], c.quoted[1])
}

// collideArgs reads `collide WHERE N` (usage names WHERE: a bucket or a group).
func collideArgs(args []string, usage string) (uint64, int, error) {
	if len(args) != 2 {
		return 0, 0, fmt.Errorf("usage: %s", usage)
	}
	where, err := parseUint(args[0], 64)
	if err != nil {
		return 0, 0, err
	}
	n, err := countArg(args[1:], usage)
	return where, n, err
}

// collideInto inserts n new keys from collide's own candidates whose real hash qualifies, as the
// runtime reads it at the state the command starts in.
func (r *runner[K, V]) collideInto(n int, qualifies func(hash uint64) bool, rec *record) error {
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
