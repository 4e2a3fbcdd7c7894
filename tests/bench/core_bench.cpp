// Times the models' map operations with tracing off (impl core: Go 1.14's
// bucket map; impl swiss: Go 1.26's Swiss tables), and std::unordered_map
// as a familiar reference, printing one JSON line per measurement:
//   {"impl":"core","key":"int64","n":1000,"op":"insert","ns":12.3}
// scripts/bench.sh puts these beside the real Go map's numbers.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/prctl.h>
#endif

#include "go_map.h"
#include "key_text.h"
#include "swiss/swiss_map.h"

namespace {

// The benchmark's maps never refuse a key; a refusal would mean the numbers
// measure an error path, so it stops the run.
inline void must(const gomap::Status& s) {
  if (!s.ok()) {
    std::fprintf(stderr, "core_bench: %s\n", s.message().c_str());
    std::abort();
  }
}

using Clock = std::chrono::steady_clock;

// A small map is timed over many passes, so that each measurement covers
// about a million operations and is steady; a big one in one pass. The Go
// program (tests/bench/go) times the same way.
size_t passes(size_t n) { return n < 1000000 ? 1000000 / n : 1; }

constexpr int kReps = 5;  // as the Go program (tests/bench/go)

template <typename F>
double nsPerOp(size_t n, F&& body) {
  // Best of five: the machine is shared and noisy (a million random probes
  // vary by a third from one measurement to the next); the minimum is the
  // figure least disturbed by others.
  const size_t p = passes(n);
  double best = 1e300;
  for (int rep = 0; rep < kReps; ++rep) {
    auto t0 = Clock::now();
    for (size_t i = 0; i < p; ++i) body();
    double ns = std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / double(n * p);
    if (ns < best) best = ns;
  }
  return best;
}

// Deletes need a full map each pass; only the deletes are timed.
template <typename Fill, typename Drain>
double nsPerDelete(size_t n, Fill&& fill, Drain&& drain) {
  double best = 1e300;
  for (int rep = 0; rep < kReps; ++rep) {
    double spent = 0;
    for (size_t i = 0; i < passes(n); ++i) {
      auto full = fill();
      auto t0 = Clock::now();
      drain(full);
      spent += std::chrono::duration<double, std::nano>(Clock::now() - t0).count();
    }
    best = std::min(best, spent / double(n * passes(n)));
  }
  return best;
}

void print(const char* impl, const char* key, size_t n, const char* op, double ns) {
  std::printf("{\"impl\":\"%s\",\"key\":\"%s\",\"n\":%zu,\"op\":\"%s\",\"ns\":%.2f}\n", impl, key, n, op, ns);
}

// Keys packed in one buffer, as Go's []int64 is (and close to Go's []string
// of short strings), so the harness does not add cache misses of its own.
class KeySet {
 public:
  KeySet(bool strings, size_t n, size_t offset) {
    for (size_t i = 0; i < n; ++i) {
      starts_.push_back(uint32_t(bytes_.size()));
      if (strings) {
        bytes_ += "key" + std::to_string(i + offset);
      } else {
        int64_t v = int64_t(i + offset);
        bytes_.append(reinterpret_cast<const char*>(&v), 8);
      }
    }
    starts_.push_back(uint32_t(bytes_.size()));
  }
  size_t size() const { return starts_.size() - 1; }
  std::string_view operator[](size_t i) const {
    return std::string_view(bytes_.data() + starts_[i], starts_[i + 1] - starts_[i]);
  }
  template <typename F>
  void each(F&& f) const {
    for (size_t i = 0; i < size(); ++i) f((*this)[i]);
  }

 private:
  std::string bytes_;
  std::vector<uint32_t> starts_;
};

std::vector<std::string> makeKeys(bool strings, size_t n, size_t offset) {
  KeySet set(strings, n, offset);
  std::vector<std::string> keys;
  set.each([&](std::string_view k) { keys.emplace_back(k); });
  return keys;
}

// An empty map[int64]int64 or map[string]int64 of either model, with room for the largest run.
template <class Map, class Config>
Map newBenchMap(bool strings) {
  Config cfg;
  must(gomap::parseMapType(strings ? "map[string]int64" : "map[int64]int64", &cfg.type));
  cfg.limits.maxHeapBytes = 4ull << 30;
  Map m;
  must(Map::create(cfg, &m));
  return m;
}

// The insert row: every key into a fresh map, untraced.
template <class Map, class Config>
void benchInserts(const char* impl, const char* key, size_t n, const KeySet& keys, const std::string& elem,
                  bool strings) {
  print(impl, key, n, "insert", nsPerOp(n, [&] {
          Map m = newBenchMap<Map, Config>(strings);
          keys.each([&](std::string_view k) { m.setUnchecked(k, elem); });
        }));
}

gomap::GoMap newMap(bool strings) { return newBenchMap<gomap::GoMap, gomap::MapConfig>(strings); }

void benchCore(bool strings, size_t n) {
  const char* key = strings ? "string" : "int64";
  KeySet keys(strings, n, 0);
  KeySet absent(strings, n, n * 4);
  std::string elem(8, '\1');
  benchInserts<gomap::GoMap, gomap::MapConfig>("core", key, n, keys, elem, strings);
  // The same inserts with a trace recording every micro-step, cleared per
  // operation as the scenario runner does.
  print("core-traced", key, n, "insert", nsPerOp(n, [&] {
          gomap::GoMap m = newMap(strings);
          gomap::Trace trace;
          m.setTrace(&trace);
          keys.each([&](std::string_view k) {
            trace.clear();
            m.setUnchecked(k, elem);
          });
        }));
  gomap::GoMap m = newMap(strings);
  keys.each([&](std::string_view k) { m.setUnchecked(k, elem); });
  volatile uint64_t sink = 0;
  print("core", key, n, "hit", nsPerOp(n, [&] {
          gomap::Found f;
          keys.each([&](std::string_view k) {
            must(m.get(k, &f));
            sink = sink + m.heap().load64(f.elem);  // the value, as Go's m[k] reads it
          });
        }));
  print("core", key, n, "miss", nsPerOp(n, [&] {
          gomap::Found f;
          absent.each([&](std::string_view k) {
            must(m.get(k, &f));
            sink = sink + f.found;
          });
        }));
  print("core", key, n, "iterate", nsPerOp(n, [&] {
          gomap::Hiter it;
          m.iterInit(&it, std::nullopt);
          while (it.key != 0) {
            sink = sink + it.key;
            m.iterNext(&it);
          }
        }));
  double best = nsPerDelete(
      n,
      [&] {
        gomap::GoMap d = newMap(strings);
        keys.each([&](std::string_view k) { d.setUnchecked(k, elem); });
        return d;
      },
      [&](gomap::GoMap& d) { keys.each([&](std::string_view k) { must(d.del(k)); }); });
  print("core", key, n, "delete", best);
  std::printf("{\"impl\":\"core\",\"key\":\"%s\",\"n\":%zu,\"op\":\"memory\",\"bytes\":%llu,\"heap\":%llu}\n",
              key, n, (unsigned long long)(m.arrayBuckets(m.B()) * m.type().bucketsize + gomap::hmap::size),
              (unsigned long long)m.heap().used());
}

gomap::swiss::SwissMap newSwiss(bool strings) {
  return newBenchMap<gomap::swiss::SwissMap, gomap::swiss::SwissConfig>(strings);
}

// The Swiss-table model (Go 1.26), tracing off: impl "swiss", beside the
// real Go 1.26 map's rows (tests/bench/go126, impl go126).
void benchSwiss(bool strings, size_t n) {
  const char* key = strings ? "string" : "int64";
  KeySet keys(strings, n, 0);
  KeySet absent(strings, n, n * 4);
  std::string elem(8, '\1');
  benchInserts<gomap::swiss::SwissMap, gomap::swiss::SwissConfig>("swiss", key, n, keys, elem, strings);
  gomap::swiss::SwissMap m = newSwiss(strings);
  keys.each([&](std::string_view k) { m.setUnchecked(k, elem); });
  volatile uint64_t sink = 0;
  print("swiss", key, n, "hit", nsPerOp(n, [&] {
          gomap::swiss::SwissFound f;
          keys.each([&](std::string_view k) {
            must(m.getBytes(k.data(), k.size(), &f));
            sink = sink + m.heap().load64(f.elem);
          });
        }));
  print("swiss", key, n, "miss", nsPerOp(n, [&] {
          gomap::swiss::SwissFound f;
          absent.each([&](std::string_view k) {
            must(m.getBytes(k.data(), k.size(), &f));
            sink = sink + f.found;
          });
        }));
  print("swiss", key, n, "iterate", nsPerOp(n, [&] {
          gomap::swiss::SwissIter it;
          m.iterInit(&it);
          m.iterNext(&it);
          while (it.key != 0) {
            sink = sink + it.key;
            m.iterNext(&it);
          }
        }));
  double best = nsPerDelete(
      n,
      [&] {
        gomap::swiss::SwissMap d = newSwiss(strings);
        keys.each([&](std::string_view k) { d.setUnchecked(k, elem); });
        return d;
      },
      [&](gomap::swiss::SwissMap& d) {
        keys.each([&](std::string_view k) { must(d.delBytes(k.data(), k.size())); });
      });
  print("swiss", key, n, "delete", best);
  // bytes: what the finished map keeps reachable (header, directory, tables
  // and groups; string characters not counted); heap: everything allocated.
  uint64_t live = gomap::swiss::mapf::size + 8 * m.dirLen();
  uint64_t last = 0;
  for (uint64_t i = 0; i < m.dirLen(); ++i) {
    uint64_t t = m.directoryAt(i);
    if (t == last) continue;
    last = t;
    live += gomap::swiss::tablef::size + (m.tLengthMask(t) + 1) * m.layout().groupSize;
  }
  std::printf(
      "{\"impl\":\"swiss\",\"key\":\"%s\",\"n\":%zu,\"op\":\"memory\",\"bytes\":%llu,\"heap\":%llu}\n", key,
      n, (unsigned long long)live, (unsigned long long)m.heap().used());
}

// Go's other types (issue 16): map[string]string and map[struct{X, Y int32}]bool, the model
// (impl core) beside the real Go map's rows of the same key names (tests/bench/go).
void benchTyped(const char* typeName, size_t n) {
  gomap::MapConfig cfg;
  must(gomap::parseMapType(typeName, &cfg.type));
  cfg.limits.maxHeapBytes = 4ull << 30;
  const bool strings = cfg.type.key == gomap::KeyKind::String;
  // Keys: "key<i>", or the 8 bytes of {X: i, Y: 3i}; elements: the string "value" or true.
  auto makeSet = [&](size_t offset) {
    std::vector<std::string> keys;
    for (size_t i = 0; i < n; ++i) {
      if (strings) {
        keys.push_back("key" + std::to_string(i + offset));
      } else {
        int32_t xy[2] = {int32_t(i + offset), int32_t(3 * (i + offset))};
        keys.emplace_back(reinterpret_cast<const char*>(xy), 8);
      }
    }
    return keys;
  };
  const std::vector<std::string> keys = makeSet(0), absent = makeSet(4 * n);
  std::string elem;
  must(gomap::parseElem(cfg.type, strings ? "value" : "true", &elem));
  auto fresh = [&] {
    gomap::GoMap m;
    must(gomap::GoMap::create(cfg, &m));
    return m;
  };
  print("core", typeName, n, "insert", nsPerOp(n, [&] {
          gomap::GoMap m = fresh();
          for (const std::string& k : keys) m.setUnchecked(k, elem);
        }));
  gomap::GoMap m = fresh();
  for (const std::string& k : keys) m.setUnchecked(k, elem);
  volatile uint64_t sink = 0;
  print("core", typeName, n, "hit", nsPerOp(n, [&] {
          gomap::Found f;
          for (const std::string& k : keys) {
            must(m.get(k, &f));
            sink = sink + m.heap().load8(f.elem);
          }
        }));
  print("core", typeName, n, "miss", nsPerOp(n, [&] {
          gomap::Found f;
          for (const std::string& k : absent) {
            must(m.get(k, &f));
            sink = sink + f.found;
          }
        }));
  print("core", typeName, n, "delete",
        nsPerDelete(
            n,
            [&] {
              gomap::GoMap d = fresh();
              for (const std::string& k : keys) d.setUnchecked(k, elem);
              return d;
            },
            [&](gomap::GoMap& d) {
              for (const std::string& k : keys) must(d.del(k));
            }));
}

template <typename K>
void benchStd(const char* key, const std::vector<K>& keys, const std::vector<K>& absent) {
  size_t n = keys.size();
  print("std", key, n, "insert", nsPerOp(n, [&] {
          std::unordered_map<K, int64_t> m;
          for (auto& k : keys) m[k] = 1;
        }));
  std::unordered_map<K, int64_t> m;
  for (auto& k : keys) m[k] = 1;
  volatile int64_t sink = 0;
  print("std", key, n, "hit", nsPerOp(n, [&] {
          for (auto& k : keys) sink = sink + m.find(k)->second;
        }));
  print("std", key, n, "miss", nsPerOp(n, [&] {
          for (auto& k : absent) sink = sink + (m.find(k) == m.end());
        }));
  print("std", key, n, "iterate", nsPerOp(n, [&] {
          for (auto& kv : m) sink = sink + kv.second;
        }));
  double best = nsPerDelete(
      n,
      [&] {
        std::unordered_map<K, int64_t> d;
        for (auto& k : keys) d[k] = 1;
        return d;
      },
      [&](std::unordered_map<K, int64_t>& d) {
        for (auto& k : keys) d.erase(k);
      });
  print("std", key, n, "delete", best);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<size_t> sizes = {1000, 100000, 1000000};
  bool typesOnly = false;  // --types: only Go's other types (scripts/bench-types.sh)
  for (int a = 1; a < argc; ++a) {
    if (!std::strcmp(argv[a], "--quick")) sizes = {1000, 100000};
    if (!std::strcmp(argv[a], "--types")) typesOnly = true;
    if (!std::strncmp(argv[a], "--size=", 7)) sizes = {size_t(std::strtoull(argv[a] + 7, nullptr, 10))};
    // The native model on 4 KiB pages, as wasm memory always is: how much
    // of the wasm/native gap is huge pages (README, performance).
    if (!std::strcmp(argv[a], "--no-huge-pages")) {
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
      if (prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0) != 0) std::perror("prctl(PR_SET_THP_DISABLE)");
#else
      std::fprintf(stderr, "--no-huge-pages: only for the native build on Linux\n");
#endif
    }
  }
  {
    // Warm up: a wasm engine first runs code from a quick baseline compiler
    // and swaps in optimised code per function later; measure the steady
    // state, as a page that has been used for a while sees it. Every timed
    // operation runs here first, for both key kinds.
    std::string elem(8, '\1');
    for (bool strings : {false, true}) {
      KeySet warm(strings, 100000, 0);
      KeySet absent(strings, 100000, 400000);
      for (int rep = 0; rep < 3; ++rep) {
        gomap::GoMap m = newMap(strings);
        warm.each([&](std::string_view k) { m.setUnchecked(k, elem); });
        gomap::Found f;
        warm.each([&](std::string_view k) { must(m.get(k, &f)); });
        absent.each([&](std::string_view k) { must(m.get(k, &f)); });
        gomap::Hiter it;
        m.iterInit(&it, std::nullopt);
        while (it.key != 0) m.iterNext(&it);
        warm.each([&](std::string_view k) { must(m.del(k)); });
        gomap::swiss::SwissMap sm = newSwiss(strings);
        warm.each([&](std::string_view k) { sm.setUnchecked(k, elem); });
        gomap::swiss::SwissFound sf;
        warm.each([&](std::string_view k) { must(sm.getBytes(k.data(), k.size(), &sf)); });
        absent.each([&](std::string_view k) { must(sm.getBytes(k.data(), k.size(), &sf)); });
        gomap::swiss::SwissIter sit;
        sm.iterInit(&sit);
        for (sm.iterNext(&sit); sit.key != 0;) sm.iterNext(&sit);
        warm.each([&](std::string_view k) { must(sm.delBytes(k.data(), k.size())); });
      }
    }
  }
  for (size_t n : sizes) {
    if (typesOnly) {
      for (const char* t : {"map[string]string", "map[struct{X, Y int32}]bool"}) benchTyped(t, n);
      continue;
    }
    for (bool strings : {false, true}) benchCore(strings, n);
    for (bool strings : {false, true}) benchSwiss(strings, n);
    for (const char* t : {"map[string]string", "map[struct{X, Y int32}]bool"}) benchTyped(t, n);
    std::vector<int64_t> ik(n), ia(n);
    for (size_t i = 0; i < n; ++i) ik[i] = int64_t(i), ia[i] = int64_t(i + 4 * n);
    benchStd("int64", ik, ia);
    benchStd("string", makeKeys(true, n, 0), makeKeys(true, n, 4 * n));
  }
}
