// Command oracle126 runs a Go Map Playground scenario (`version 1.26`) on a real Go 1.26 map and
// prints, after every operation, the Swiss-table state read from the live runtime structures —
// the truth the C++ model of Go 1.26's map is compared against (tests/conformance/run.mjs).
//
// Build with -ldflags=-checklinkname=0 (to read runtime.hashkey) and run with
// GODEBUG=cpu.aes=off, so the runtime uses the portable hash the model can compute.
//
// Usage: oracle126 [--dumps-only] [FILE|-]
//
// --dumps-only (as gomap's): only `dump` commands and failed commands print the map; every other
// operation prints a short line with what the driver needs to pin the model (entry, dir, reseed,
// expanded), so scenarios of tens of thousands of operations on big maps stay small.
//
// Output: a first line {"hashkey": [4 × 16 hex digits], "aeshash": …, "go": …, "seed": the fresh
// map's seed}, then one JSON
// line per operation. Set-up commands that would change Go itself (hasher, hashkey, rand) and
// pinned draws (range/iter entry= dir=, reseed=) are refused: the oracle reports the draws
// instead (entry, dir, reseed). It adds `collide G N` and @N key references, both reported back
// as plain commands in "expanded".
package main

import (
	"fmt"
	"os"
	"runtime"
)

const oracleName = "oracle126"

func main() {
	exitOnError(checkLayout())
	args := os.Args[1:]
	if len(args) == 1 && args[0] == "--layout" {
		printLayouts()
		return
	}
	dumpsOnly := len(args) > 0 && args[0] == "--dumps-only"
	if dumpsOnly {
		args = args[1:]
	}
	src, err := readInput(args)
	exitOnError(err)
	cmds := parseScenario(src)
	mapType, su, ops, errs, seen := readSetup(cmds)
	if !seen["version"] {
		errs = append(errs, setupError(command{line: 1, text: "version"}, fmt.Errorf("the scenario does not say version 1.26")))
	}
	// The errors print after the first line (emitHead), which needs the map's seed.
	su.errors = errs
	failed := len(errs) > 0
	su.dumpsOnly = dumpsOnly
	run, ok := runnerFor(mapType)
	if !ok {
		emitHead(nil)
		for _, e := range su.errors {
			emit(e)
		}
		emit(record{Line: 1, Op: mapType, Error: fmt.Sprintf("map type %s is not supported by the oracle", mapType)})
		os.Exit(1)
	}
	run(su, ops)
	if failed {
		os.Exit(1)
	}
}

// emitHead prints the first line: the process's hash key, whether the AES hash is in use (then
// the model cannot reproduce the hashes), and the seed of the fresh map (nil before one exists).
func emitHead(seed *uint64) {
	var words []string
	for _, w := range hashkey {
		words = append(words, hex16(uint64(w)))
	}
	head := map[string]any{"hashkey": words, "aeshash": useAeshash, "go": runtime.Version()}
	if seed != nil {
		head["seed"] = hex16(*seed)
	}
	emit(head)
}

// readSeed reads `seed S`: the map's 64-bit seed.
func (su *setup) readSeed(tok string) (err error) {
	su.seed, err = parseUint(tok, 64)
	su.hasSeed = err == nil
	return err
}

// checkVersion accepts `version 1.26` only: this oracle runs nothing else.
func checkVersion(args []string) error {
	if len(args) == 2 && args[1] == "1.26" {
		return nil
	}
	return fmt.Errorf("this oracle runs Go 1.26's map only (version 1.26)")
}
