// The raw path (the untraced instantiation of core/map_fast*.cpp) against the traced path: the same
// operations on twin maps, one watched by a trace (so it takes the code the
// conformance suite checks against Go) and one not, must give the same
// answers and statuses and leave the simulated heaps identical byte for byte.
#include <catch2/catch.hpp>
#include <cstring>
#include <deque>
#include <random>
#include <string>

#include "go_map.h"

using namespace gomap;

namespace {

struct Twin {
  GoMap raw, traced;
  Trace trace;
};

void makeTwin(const std::string& type, HasherKind hasher, GoVersion version, Twin* t,
              uint64_t maxStringKeyBytes = Limits().maxStringKeyBytes) {
  MapConfig cfg;
  REQUIRE(parseMapType(type, &cfg.type).ok());
  cfg.hasher = hasher;
  cfg.version = version;
  cfg.limits.maxStringKeyBytes = maxStringKeyBytes;
  REQUIRE(GoMap::create(cfg, &t->raw).ok());
  REQUIRE(GoMap::create(cfg, &t->traced).ok());
  t->traced.setTrace(&t->trace);
}

// String lengths that reach every branch of the short-key hash and compare
// (0, 1-3, 4-7, 8-16, 17-32, over 32); short lengths repeat keys, which is fine.
const size_t kLengths[] = {0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64};

std::string keyBytesFor(const MapType& type, uint32_t n) {
  if (type.key == KeyKind::String) {
    const size_t len = kLengths[n % (sizeof kLengths / sizeof kLengths[0])];
    std::string digits = std::to_string(n) + "|";
    std::string s;
    while (s.size() < len) s += digits;
    s.resize(len);
    return s;
  }
  uint64_t v = uint64_t(n) * 0x9E3779B97F4A7C15ull;
  return std::string(reinterpret_cast<const char*>(&v), 8);
}

void requireSame(const Twin& t) {
  REQUIRE(t.raw.count() == t.traced.count());
  REQUIRE(t.raw.B() == t.traced.B());
  REQUIRE(t.raw.heap().bytes() == t.traced.heap().bytes());
}

void set(Twin& t, const std::string& key) {
  const std::string elem(t.raw.type().elemTypeSize, '\x5a');
  t.trace.clear();
  Status a = t.raw.set(key, elem), b = t.traced.set(key, elem);
  REQUIRE(a.ok() == b.ok());
  REQUIRE(a.message() == b.message());
}

void get(Twin& t, const std::string& key) {
  t.trace.clear();
  Found a, b;
  Status sa = t.raw.get(key, &a), sb = t.traced.get(key, &b);
  REQUIRE(sa.ok() == sb.ok());
  REQUIRE(sa.message() == sb.message());
  REQUIRE(a.found == b.found);
  REQUIRE(a.key == b.key);
  REQUIRE(a.elem == b.elem);
}

void del(Twin& t, const std::string& key) {
  t.trace.clear();
  Status a = t.raw.del(key), b = t.traced.del(key);
  REQUIRE(a.ok() == b.ok());
  REQUIRE(a.message() == b.message());
}

// Inserts, hits, misses and deletes at random over a key space about twice
// the live set, so the map grows through several B, keeps an old array for
// a while, and deletes leave emptyOne and emptyRest runs.
void runRandom(Twin& t, uint32_t seed, int ops, uint32_t keySpace) {
  std::mt19937 rng(seed);
  for (int op = 0; op < ops; ++op) {
    std::string key = keyBytesFor(t.raw.type(), rng() % keySpace);
    switch (rng() % 4) {
      case 0:
      case 1: set(t, key); break;
      case 2: get(t, key); break;
      default: del(t, key);
    }
    if (op % 64 == 0) requireSame(t);
  }
  requireSame(t);
}

}  // namespace

TEST_CASE("the raw path answers and writes exactly as the traced path", "[raw-path]") {
  const char* type =
      GENERATE("map[int64]int64", "map[string]int64", "map[int64][16]byte", "map[string][100]byte");
  const int version = GENERATE(114, 119);
  INFO(type << " go" << version);
  Twin t;
  makeTwin(type, version == 119 ? HasherKind::Go119 : HasherKind::Go114,
           version == 119 ? GoVersion::Go119 : GoVersion::Go114, &t);
  REQUIRE(t.raw.onRawPath());
  REQUIRE_FALSE(t.traced.onRawPath());
  runRandom(t, 1234 + uint32_t(version), 60000, 24000);
  CHECK(t.raw.B() >= 11);  // past kCacheResidentB, so both int64 scans ran
}

TEST_CASE("the raw path on maps filled and emptied again (go1.19 reseeds)", "[raw-path]") {
  const char* type = GENERATE("map[int64]int64", "map[string]int64");
  INFO(type);
  Twin t;
  makeTwin(type, HasherKind::Go119, GoVersion::Go119, &t);
  std::mt19937 rng(7);
  int reseeds = 0;
  for (int phase = 0; phase < 40; ++phase) {
    // Sizes from one bucket (B = 0) to a few grows.
    const uint32_t n = 1 + rng() % (phase % 2 ? 9 : 200);
    for (uint32_t i = 0; i < n; ++i) set(t, keyBytesFor(t.raw.type(), phase * 1000 + i));
    for (uint32_t i = 0; i < n + 3; ++i) get(t, keyBytesFor(t.raw.type(), phase * 1000 + i));
    const uint32_t seedBefore = t.raw.hash0();
    for (uint32_t i = 0; i < n; ++i) del(t, keyBytesFor(t.raw.type(), phase * 1000 + (i * 7) % n));
    for (uint32_t i = 0; i < n; ++i) del(t, keyBytesFor(t.raw.type(), phase * 1000 + i));
    REQUIRE(t.raw.count() == 0);
    if (t.raw.hash0() != seedBefore) ++reseeds;
    get(t, keyBytesFor(t.raw.type(), phase * 1000));  // a lookup in the emptied map
    requireSame(t);
  }
  CHECK(reseeds >= 35);  // each emptying draws a new hash0 (a draw may repeat)
}

TEST_CASE("the raw path during same-size grows from overflow churn", "[raw-path]") {
  // First in, first out over about 60 live keys: deletes leave holes in
  // overflow buckets until the map repacks itself without doubling.
  const char* type = GENERATE("map[int64]int64", "map[string]int64");
  INFO(type);
  Twin t;
  makeTwin(type, HasherKind::Go114, GoVersion::Go114, &t);
  std::deque<uint32_t> live;
  int sameSizeSteps = 0;
  for (uint32_t next = 0; next < 40000; ++next) {
    set(t, keyBytesFor(t.raw.type(), next));
    live.push_back(next);
    if (live.size() > 60) {
      del(t, keyBytesFor(t.raw.type(), live.front()));
      live.pop_front();
    }
    get(t, keyBytesFor(t.raw.type(), live[next % live.size()]));
    get(t, keyBytesFor(t.raw.type(), next + 1000000));  // a miss
    if (t.raw.oldbuckets() != 0 && t.raw.sameSizeGrow()) ++sameSizeSteps;
    if (next % 97 == 0) requireSame(t);
  }
  requireSame(t);
  CHECK(sameSizeSteps > 0);
}

TEST_CASE("the raw path closes and reopens as traces and hash logs come and go", "[raw-path]") {
  const char* type = GENERATE("map[int64]int64", "map[string]int64");
  INFO(type);
  Twin t;
  makeTwin(type, HasherKind::Go114, GoVersion::Go114, &t);
  Trace other;
  GoMap::HashLog log;
  std::mt19937 rng(11);
  bool sawOpen = false, sawClosed = false;
  for (int op = 0; op < 20000; ++op) {
    if (op % 50 == 0) {
      const unsigned watch = rng() % 3;
      t.raw.setTrace(watch == 1 ? &other : nullptr);
      t.raw.setHashLog(watch == 2 ? &log : nullptr);
      REQUIRE(t.raw.onRawPath() == (watch == 0));
      (watch == 0 ? sawOpen : sawClosed) = true;
    }
    other.clear();
    log.clear();
    std::string key = keyBytesFor(t.raw.type(), rng() % 3000);
    switch (rng() % 3) {
      case 0: set(t, key); break;
      case 1: get(t, key); break;
      default: del(t, key);
    }
  }
  requireSame(t);
  CHECK((sawOpen && sawClosed));
}

TEST_CASE("the raw path refuses an over-long string key as the traced path does", "[raw-path]") {
  Twin t;
  makeTwin("map[string]int64", HasherKind::Go114, GoVersion::Go114, &t, 16);
  set(t, std::string(16, 'a'));
  const std::vector<uint8_t> before = t.raw.heap().bytes();
  Found f;
  Status s = t.raw.get(std::string(17, 'a'), &f);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("17 bytes") != std::string::npos);
  CHECK_FALSE(t.raw.del(std::string(17, 'a')).ok());
  CHECK(t.raw.heap().bytes() == before);  // a refused request changes nothing
  get(t, std::string(17, 'a'));
  del(t, std::string(17, 'a'));
  get(t, std::string(16, 'a'));
  del(t, std::string(16, 'a'));
  requireSame(t);
}

TEST_CASE("pins or a float key keep a map off the raw path", "[raw-path]") {
  Twin t;
  makeTwin("map[int64]int64", HasherKind::Go114, GoVersion::Go114, &t);
  CHECK(t.raw.onRawPath());
  uint64_t one = 1;
  REQUIRE(t.raw.pinHash(std::string(reinterpret_cast<const char*>(&one), 8), 42).ok());
  CHECK_FALSE(t.raw.onRawPath());
  t.raw.setTrace(nullptr);
  t.raw.setHashLog(nullptr);
  CHECK_FALSE(t.raw.onRawPath());  // pins are never removed

  MapConfig generic;
  REQUIRE(parseMapType("map[float64]int64", &generic.type).ok());
  GoMap floats;
  REQUIRE(GoMap::create(generic, &floats).ok());
  CHECK_FALSE(floats.onRawPath());  // floats are never a fast variant
}
