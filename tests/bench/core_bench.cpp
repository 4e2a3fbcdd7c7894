// Times the model's map operations with tracing off, and std::unordered_map
// as a familiar reference, printing one JSON line per measurement:
//   {"impl":"core","key":"int64","n":1000,"op":"insert","ns":12.3}
// scripts/bench.sh puts these beside the real Go map's numbers.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "go_map.h"

namespace {

using Clock = std::chrono::steady_clock;

template <typename F>
double nsPerOp(size_t n, F&& body) {
  // Best of three: the machine is shared and noisy; the minimum is the
  // figure least disturbed by others.
  double best = 1e300;
  for (int rep = 0; rep < 3; ++rep) {
    auto t0 = Clock::now();
    body();
    double ns = std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / double(n);
    if (ns < best) best = ns;
  }
  return best;
}

void print(const char* impl, const char* key, size_t n, const char* op, double ns) {
  std::printf("{\"impl\":\"%s\",\"key\":\"%s\",\"n\":%zu,\"op\":\"%s\",\"ns\":%.2f}\n", impl, key, n, op, ns);
}

std::vector<std::string> makeKeys(bool strings, size_t n, size_t offset) {
  std::vector<std::string> keys(n);
  for (size_t i = 0; i < n; ++i) {
    if (strings) {
      keys[i] = "key" + std::to_string(i + offset);
    } else {
      int64_t v = int64_t(i + offset);
      keys[i].assign(reinterpret_cast<const char*>(&v), 8);
    }
  }
  return keys;
}

gomap::GoMap newMap(bool strings) {
  gomap::MapConfig cfg;
  gomap::parseMapType(strings ? "map[string]int64" : "map[int64]int64", &cfg.type);
  cfg.limits.maxHeapBytes = 4ull << 30;
  gomap::GoMap m;
  gomap::GoMap::create(cfg, &m);
  return m;
}

void benchCore(bool strings, size_t n) {
  const char* key = strings ? "string" : "int64";
  auto keys = makeKeys(strings, n, 0);
  auto absent = makeKeys(strings, n, n * 4);
  std::string elem(8, '\1');
  print("core", key, n, "insert", nsPerOp(n, [&] {
          gomap::GoMap m = newMap(strings);
          for (auto& k : keys) m.setUnchecked(k, elem);
        }));
  // The same inserts with a trace recording every micro-step, cleared per
  // operation as the scenario runner does.
  print("core-traced", key, n, "insert", nsPerOp(n, [&] {
          gomap::GoMap m = newMap(strings);
          gomap::Trace trace;
          m.setTrace(&trace);
          for (auto& k : keys) {
            trace.clear();
            m.setUnchecked(k, elem);
          }
        }));
  gomap::GoMap m = newMap(strings);
  for (auto& k : keys) m.setUnchecked(k, elem);
  volatile uint64_t sink = 0;
  print("core", key, n, "hit", nsPerOp(n, [&] {
          gomap::Found f;
          for (auto& k : keys) { m.get(k, &f); sink = sink + f.elem; }
        }));
  print("core", key, n, "miss", nsPerOp(n, [&] {
          gomap::Found f;
          for (auto& k : absent) { m.get(k, &f); sink = sink + f.found; }
        }));
  print("core", key, n, "iterate", nsPerOp(n, [&] {
          gomap::Hiter it;
          m.iterInit(&it, std::nullopt);
          while (it.key != 0) { sink = sink + it.key; m.iterNext(&it); }
        }));
  // Deleting needs a full map each round; time only the deletes.
  double best = 1e300;
  for (int rep = 0; rep < 3; ++rep) {
    gomap::GoMap d = newMap(strings);
    for (auto& k : keys) d.setUnchecked(k, elem);
    auto t0 = Clock::now();
    for (auto& k : keys) d.del(k);
    double ns = std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / double(n);
    if (ns < best) best = ns;
  }
  print("core", key, n, "delete", best);
  std::printf("{\"impl\":\"core\",\"key\":\"%s\",\"n\":%zu,\"op\":\"memory\",\"bytes\":%llu,\"heap\":%llu}\n", key, n,
              (unsigned long long)(m.arrayBuckets(m.B()) * m.type().bucketsize +
                                   gomap::hmap::size),
              (unsigned long long)m.heap().used());
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
  print("std", key, n, "hit", nsPerOp(n, [&] { for (auto& k : keys) sink = sink + m.find(k)->second; }));
  print("std", key, n, "miss", nsPerOp(n, [&] { for (auto& k : absent) sink = sink + (m.find(k) == m.end()); }));
  print("std", key, n, "iterate", nsPerOp(n, [&] { for (auto& kv : m) sink = sink + kv.second; }));
  double best = 1e300;
  for (int rep = 0; rep < 3; ++rep) {
    std::unordered_map<K, int64_t> d;
    for (auto& k : keys) d[k] = 1;
    auto t0 = Clock::now();
    for (auto& k : keys) d.erase(k);
    double ns = std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / double(n);
    if (ns < best) best = ns;
  }
  print("std", key, n, "delete", best);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<size_t> sizes = {1000, 100000, 1000000};
  if (argc > 1 && !std::strcmp(argv[1], "--quick")) sizes = {1000, 100000};
  for (size_t n : sizes) {
    for (bool strings : {false, true}) benchCore(strings, n);
    std::vector<int64_t> ik(n), ia(n);
    for (size_t i = 0; i < n; ++i) ik[i] = int64_t(i), ia[i] = int64_t(i + 4 * n);
    benchStd("int64", ik, ia);
    benchStd("string", makeKeys(true, n, 0), makeKeys(true, n, 4 * n));
  }
}
