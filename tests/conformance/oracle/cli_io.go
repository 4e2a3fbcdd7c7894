package main

// Reading the scenario and writing JSON lines: shared by the Go 1.19 oracle and the Go 1.26
// oracle (../oracle126 links this file).

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
)

func readInput(args []string) (string, error) {
	if len(args) > 1 {
		return "", fmt.Errorf("usage: oracle [FILE|-]")
	}
	var b []byte
	var err error
	if len(args) == 0 || args[0] == "-" {
		b, err = io.ReadAll(os.Stdin)
	} else {
		b, err = os.ReadFile(args[0])
	}
	return string(b), err
}

// exitOnError ends the process with status 2 and err on stderr, named by the oracle (each
// oracle's main.go says its oracleName); nil goes on.
func exitOnError(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, oracleName+":", err)
		os.Exit(2)
	}
}

var out = json.NewEncoder(os.Stdout)

func emit(v any) {
	if err := out.Encode(v); err != nil {
		fmt.Fprintln(os.Stderr, "oracle: writing output:", err)
		os.Exit(2)
	}
}

// hex16 formats a 64-bit hash the way dumps carry it: 16 hex digits, no prefix.
func hex16(h uint64) string { return fmt.Sprintf("%016x", h) }
