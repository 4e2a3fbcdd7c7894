// The real Go runtime map, timed the way tests/bench/core_bench.cpp times
// the model: same operations, same keys, best of five, one JSON line each.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"time"
)

// passes: a small map is timed over many passes, so that each measurement
// covers about a million operations and is steady; a big one in one pass.
// reps: each figure is the best of this many measurements (as in C++).
const reps = 5

func passes(n int) int {
	if p := 1000000 / n; p > 1 {
		return p
	}
	return 1
}

func best(n int, body func()) float64 {
	p := passes(n)
	bestNs := 1e300
	for rep := 0; rep < reps; rep++ {
		runtime.GC()
		t0 := time.Now()
		for i := 0; i < p; i++ {
			body()
		}
		ns := float64(time.Since(t0).Nanoseconds()) / float64(n*p)
		if ns < bestNs {
			bestNs = ns
		}
	}
	return bestNs
}

// bestDeletes times drain (the deletes) after each fill, best of reps, over
// passes(n) fills. The closures keep the map's concrete type, so Go still
// uses its fast64/faststr routines. The filled maps of earlier passes are
// garbage; a collection of them must not land inside the timed deletes
// (the model has none).
func bestDeletes(n int, fill, drain func()) float64 {
	bestNs := 1e300
	for rep := 0; rep < reps; rep++ {
		var spent time.Duration
		debug.SetGCPercent(-1)
		for pass := 0; pass < passes(n); pass++ {
			fill()
			t0 := time.Now()
			drain()
			spent += time.Since(t0)
		}
		debug.SetGCPercent(100)
		runtime.GC()
		if ns := float64(spent.Nanoseconds()) / float64(n*passes(n)); ns < bestNs {
			bestNs = ns
		}
	}
	return bestNs
}

func emit(key string, n int, op string, ns float64) {
	fmt.Printf("{\"impl\":\"go\",\"key\":\"%s\",\"n\":%d,\"op\":\"%s\",\"ns\":%.2f}\n", key, n, op, ns)
}

var sink int64

// benchInt and benchString are written out twice on purpose: in a generic
// function Go calls the generic map routines, not the fast64/faststr ones a
// concrete map[int64] or map[string] gets, and that is what we compare with.
func benchInt(n int) {
	keys := make([]int64, n)
	absent := make([]int64, n)
	for i := range keys {
		keys[i] = int64(i)
		absent[i] = int64(i + 4*n)
	}
	emit("int64", n, "insert", best(n, func() {
		m := make(map[int64]int64)
		for _, k := range keys {
			m[k] = 1
		}
		sink += int64(len(m))
	}))
	m := make(map[int64]int64)
	for _, k := range keys {
		m[k] = 1
	}
	emit("int64", n, "hit", best(n, func() {
		for _, k := range keys {
			sink += m[k]
		}
	}))
	emit("int64", n, "miss", best(n, func() {
		for _, k := range absent {
			sink += m[k]
		}
	}))
	emit("int64", n, "iterate", best(n, func() {
		for k, v := range m {
			sink += k + v
		}
	}))
	var d map[int64]int64
	emit("int64", n, "delete", bestDeletes(n, func() {
		d = make(map[int64]int64)
		for _, k := range keys {
			d[k] = 1
		}
	}, func() {
		for _, k := range keys {
			delete(d, k)
		}
	}))
}

func benchString(n int) {
	keys := make([]string, n)
	absent := make([]string, n)
	// The keys looked up and deleted are equal copies of the inserted ones,
	// as the model's are (it stores its own copy of each key): the same
	// string object would let Go skip comparing bytes on pointer identity.
	probes := make([]string, n)
	for i := range keys {
		keys[i] = "key" + strconv.Itoa(i)
		absent[i] = "key" + strconv.Itoa(i+4*n)
		probes[i] = string([]byte(keys[i]))
	}
	emit("string", n, "insert", best(n, func() {
		m := make(map[string]int64)
		for _, k := range keys {
			m[k] = 1
		}
		sink += int64(len(m))
	}))
	m := make(map[string]int64)
	for _, k := range keys {
		m[k] = 1
	}
	emit("string", n, "hit", best(n, func() {
		for _, k := range probes {
			sink += m[k]
		}
	}))
	emit("string", n, "miss", best(n, func() {
		for _, k := range absent {
			sink += m[k]
		}
	}))
	emit("string", n, "iterate", best(n, func() {
		for _, v := range m {
			sink += v
		}
	}))
	var d map[string]int64
	emit("string", n, "delete", bestDeletes(n, func() {
		d = make(map[string]int64)
		for _, k := range keys {
			d[k] = 1
		}
	}, func() {
		for _, k := range probes {
			delete(d, k)
		}
	}))
}

// Go's other types (issue 16), timed as core_bench.cpp's benchTyped times the model: keys
// "key<i>" with the element "value", and {X: i, Y: 3i} with true.
type point32 struct{ X, Y int32 }

func benchStringString(n int) {
	const name = "map[string]string"
	keys, absent, probes := make([]string, n), make([]string, n), make([]string, n)
	for i := range keys {
		keys[i] = "key" + strconv.Itoa(i)
		absent[i] = "key" + strconv.Itoa(i+4*n)
		probes[i] = string([]byte(keys[i]))
	}
	emit(name, n, "insert", best(n, func() {
		m := make(map[string]string)
		for _, k := range keys {
			m[k] = "value"
		}
		sink += int64(len(m))
	}))
	m := make(map[string]string)
	for _, k := range keys {
		m[k] = "value"
	}
	emit(name, n, "hit", best(n, func() {
		for _, k := range probes {
			sink += int64(len(m[k]))
		}
	}))
	emit(name, n, "miss", best(n, func() {
		for _, k := range absent {
			sink += int64(len(m[k]))
		}
	}))
	var d map[string]string
	emit(name, n, "delete", bestDeletes(n, func() {
		d = make(map[string]string)
		for _, k := range keys {
			d[k] = "value"
		}
	}, func() {
		for _, k := range probes {
			delete(d, k)
		}
	}))
}

func benchPoint(n int) {
	const name = "map[struct{X, Y int32}]bool"
	keys, absent := make([]point32, n), make([]point32, n)
	for i := range keys {
		keys[i] = point32{int32(i), int32(3 * i)}
		absent[i] = point32{int32(i + 4*n), int32(3 * (i + 4*n))}
	}
	emit(name, n, "insert", best(n, func() {
		m := make(map[point32]bool)
		for _, k := range keys {
			m[k] = true
		}
		sink += int64(len(m))
	}))
	m := make(map[point32]bool)
	for _, k := range keys {
		m[k] = true
	}
	emit(name, n, "hit", best(n, func() {
		for _, k := range keys {
			if m[k] {
				sink++
			}
		}
	}))
	emit(name, n, "miss", best(n, func() {
		for _, k := range absent {
			if m[k] {
				sink++
			}
		}
	}))
	var d map[point32]bool
	emit(name, n, "delete", bestDeletes(n, func() {
		d = make(map[point32]bool)
		for _, k := range keys {
			d[k] = true
		}
	}, func() {
		for _, k := range keys {
			delete(d, k)
		}
	}))
}

func main() {
	sizes := []int{1000, 100000, 1000000}
	// --types: only Go's other types (scripts/bench-types.sh), as core_bench --types.
	typesOnly := false
	for _, a := range os.Args[1:] {
		switch a {
		case "--quick":
			sizes = []int{1000, 100000}
		case "--types":
			typesOnly = true
		}
	}
	for _, n := range sizes {
		if !typesOnly {
			benchInt(n)
			benchString(n)
		}
		benchStringString(n)
		benchPoint(n)
	}
	if typesOnly {
		return
	}
	// Memory: what the runtime allocates for a map of n int64 keys.
	for _, n := range sizes {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		m := make(map[int64]int64)
		for i := 0; i < n; i++ {
			m[int64(i)] = 1
		}
		runtime.ReadMemStats(&after)
		fmt.Printf("{\"impl\":\"go\",\"key\":\"int64\",\"n\":%d,\"op\":\"memory\",\"allocated\":%d}\n", n, after.TotalAlloc-before.TotalAlloc)
		sink += int64(len(m))
	}
	if sink == 42 {
		fmt.Fprintln(os.Stderr, "")
	}
}
