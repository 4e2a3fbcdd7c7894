// Command livebytes measures how many heap bytes a Go map of n keys keeps alive: the heap in use
// after a collection with the map reachable, minus the same without it (the keys themselves are
// made beforehand and not counted). The same source is built with Go 1.19 (bucket map) and with
// Go 1.26 (Swiss tables), so scripts/bench-report.mjs can put memory per entry side by side.
//
// Usage: livebytes IMPL   (IMPL names the toolchain in the output, e.g. go119, go126)
// Output: one JSON line per key kind and n:
//   {"impl":"go126","key":"int64","n":1000,"op":"live-bytes","bytes":…}
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
)

var keep any // the map under measurement stays reachable through this

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var s runtime.MemStats
	runtime.ReadMemStats(&s)
	return s.HeapAlloc
}

func measure(impl, key string, n int, build func() any) {
	keep = nil
	before := heapInUse()
	keep = build()
	after := heapInUse()
	fmt.Printf("{\"impl\":\"%s\",\"key\":\"%s\",\"n\":%d,\"op\":\"live-bytes\",\"bytes\":%d}\n", impl, key, n, after-before)
	keep = nil
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: livebytes IMPL")
		os.Exit(2)
	}
	impl := os.Args[1]
	for _, n := range []int{1000, 100000, 1000000} {
		// The same keys as fill N in a scenario: 1..n and k1..kn.
		strs := make([]string, n)
		for i := range strs {
			strs[i] = "k" + strconv.Itoa(i+1)
		}
		measure(impl, "int64", n, func() any {
			m := make(map[int64]int64)
			for i := 1; i <= n; i++ {
				m[int64(i)] = int64(i)
			}
			return m
		})
		measure(impl, "string", n, func() any {
			m := make(map[string]int64)
			for i, k := range strs {
				m[k] = int64(i + 1)
			}
			return m
		})
		runtime.KeepAlive(strs)
	}
}
