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
	"strings"
)

func main() {
	if err := checkLayout(); err != nil {
		fmt.Fprintln(os.Stderr, "oracle:", err)
		os.Exit(2)
	}
	if len(os.Args) == 2 && os.Args[1] == "--layout" {
		printLayouts()
		return
	}
	src, err := readInput(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "oracle:", err)
		os.Exit(2)
	}
	emit(map[string]any{"hashkey0": hex16(uint64(hashkey[0])), "aeshash": useAeshash})

	cmds := parseScenario(src)
	mapType, su, ops, failed := readSetup(cmds)
	run, ok := mapTypes[mapType]
	if !ok {
		// Go's other types: the compiled instantiation of the same type, however it is spelt.
		run, ok = typedMapTypes[canonicalMapType(mapType)]
	}
	if !ok {
		emit(record{Line: 1, Op: mapType, Error: fmt.Sprintf("map type %s is not supported by the oracle", mapType)})
		os.Exit(1)
	}
	run(su, ops)
	if failed {
		os.Exit(1)
	}
}

// readSetup consumes the leading set-up commands. A bad one prints an error line (set-up lines
// print nothing otherwise) and the run goes on with the default.
func readSetup(cmds []command) (string, setup, []command, bool) {
	mapType, su, failed := "map[string]int64", setup{}, false
	seen := map[string]bool{}
	i := 0
	for ; i < len(cmds) && isSetup(cmds[i].args[0]); i++ {
		c := cmds[i]
		name := c.args[0]
		if strings.HasPrefix(name, "map[") {
			name = "map"
		}
		var err error
		switch {
		case seen[name]:
			err = fmt.Errorf("%s given twice", name)
		case name == "map":
			mapType = c.args[0]
			if len(c.args) != 1 {
				err = fmt.Errorf("usage: map[K]V")
			}
		case name == "seed" && len(c.args) == 2:
			var s uint64
			s, err = parseUint(c.args[1], 32)
			su.seed, su.hasSeed = uint32(s), true
		case name == "hint" && len(c.args) == 2:
			var n int64
			n, err = parseInt(c.args[1], 64)
			if n < 0 {
				err = fmt.Errorf("hint must not be negative")
			}
			su.hint = int(n)
		case name == "version" && len(c.args) == 2 && c.args[1] == "1.14":
			// The oracle always emulates 1.14 (it undoes 1.19's reseeding).
		case name == "seed" || name == "hint" || name == "version":
			err = fmt.Errorf("usage: %s VALUE", name)
		default:
			err = fmt.Errorf("%s cannot be honoured by the real Go runtime", name)
		}
		seen[name] = true
		if err != nil {
			emit(record{Line: c.line, Op: c.text, Error: fmt.Sprintf("line %d: %v", c.line, err)})
			failed = true
		}
	}
	return mapType, su, cmds[i:], failed
}
