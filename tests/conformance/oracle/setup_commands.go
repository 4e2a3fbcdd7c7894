package main

// The set-up commands at the head of a scenario, read alike by both oracles (../oracle126 links
// this file). What depends on the oracle's Go — the seed's width and which `version` it runs —
// is each oracle's readSeed and checkVersion (main.go).

import (
	"fmt"
	"strings"
)

// readSetup consumes the leading set-up commands. A bad one gives an error record (set-up lines
// print nothing otherwise) and the run goes on with the default; seen names the commands given.
func readSetup(cmds []command) (mapType string, su setup, ops []command, errs []record, seen map[string]bool) {
	mapType, seen = "map[string]int64", map[string]bool{}
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
			err = su.readSeed(c.args[1])
		case name == "hint" && len(c.args) == 2:
			var n int64
			n, err = parseInt(c.args[1], 64)
			if n < 0 {
				err = fmt.Errorf("hint must not be negative")
			}
			su.hint = int(n)
		case name == "version":
			err = checkVersion(c.args)
		case name == "seed" || name == "hint":
			err = fmt.Errorf("usage: %s VALUE", name)
		default:
			err = fmt.Errorf("%s cannot be honoured by the real Go runtime", name)
		}
		seen[name] = true
		if err != nil {
			errs = append(errs, setupError(c, err))
		}
	}
	return mapType, su, cmds[i:], errs, seen
}

func setupError(c command, err error) record {
	return record{Line: c.line, Op: c.text, Error: fmt.Sprintf("line %d: %v", c.line, err)}
}
