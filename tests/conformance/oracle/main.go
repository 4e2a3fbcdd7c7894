// Command oracle runs a Go Map Playground scenario on a real Go 1.19 map and prints, after every
// operation, the map's state read from its runtime structures — the truth the C++ model of Go
// 1.14's map is compared against (tests/conformance/run.mjs). Run it with GODEBUG=cpu.aes=off so
// the runtime uses its portable fallback hash.
//
// Usage: oracle [FILE|-]
//
// Output: a first line {"hashkey0": …, "aeshash": …}, then one JSON line per operation.
// Differences from gomap's scenario language: set-up commands that would change Go itself
// (hasher, hashkey, rand, version 1.19) and pinned iteration starts are refused; the oracle adds
// `collide I N` (new keys whose real hash selects bucket I) and @N key references (the N-th key
// made by fill or collide), both reported back as plain commands in "expanded".
package main

import (
	"fmt"
	"os"
)

const oracleName = "oracle"

func main() {
	exitOnError(checkLayout())
	if len(os.Args) == 2 && os.Args[1] == "--layout" {
		printLayouts()
		return
	}
	src, err := readInput(os.Args[1:])
	exitOnError(err)
	emit(map[string]any{"hashkey0": hex16(uint64(hashkey[0])), "aeshash": useAeshash})

	cmds := parseScenario(src)
	mapType, su, ops, errs, _ := readSetup(cmds)
	for _, e := range errs {
		emit(e)
	}
	failed := len(errs) > 0
	run, ok := runnerFor(mapType)
	if !ok {
		emit(record{Line: 1, Op: mapType, Error: fmt.Sprintf("map type %s is not supported by the oracle", mapType)})
		os.Exit(1)
	}
	run(su, ops)
	if failed {
		os.Exit(1)
	}
}

// readSeed reads `seed S`: Go 1.14's 32-bit hash0.
func (su *setup) readSeed(tok string) error {
	s, err := parseUint(tok, 32)
	su.seed, su.hasSeed = uint32(s), true
	return err
}

// checkVersion accepts `version 1.14`: the oracle always emulates 1.14 (it undoes 1.19's
// reseeding).
func checkVersion(args []string) error {
	if len(args) == 2 && args[1] == "1.14" {
		return nil
	}
	return fmt.Errorf("usage: version VALUE")
}
