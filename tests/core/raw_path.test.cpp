// The raw path (core/map_fastpath.cpp) against the traced path: the same
// random operations on twin maps, one watched by a trace (so it takes the
// code the conformance suite checks against Go) and one not, must give the
// same answers and leave the simulated heaps identical byte for byte.
#include <catch2/catch.hpp>
#include <cstring>
#include <random>
#include <string>

#include "go_map.h"

using namespace gomap;

namespace {

struct Twin {
  GoMap raw, traced;
  Trace trace;
};

void makeTwin(const std::string& type, HasherKind hasher, GoVersion version, Twin* t) {
  MapConfig cfg;
  REQUIRE(parseMapType(type, &cfg.type));
  cfg.hasher = hasher;
  cfg.version = version;
  REQUIRE(GoMap::create(cfg, &t->raw));
  REQUIRE(GoMap::create(cfg, &t->traced));
  t->traced.setTrace(&t->trace);
}

std::string keyBytesFor(const MapType& type, uint32_t n) {
  if (type.key == KeyKind::String) {
    // Mostly short keys, some long enough for memhash's 32-byte rounds.
    std::string s = "k" + std::to_string(n);
    if (n % 7 == 0) s += std::string(40, char('a' + n % 26));
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

// Inserts, hits, misses and deletes at random over a key space about twice
// the live set, so the map grows through several B, keeps an old array for
// a while, and deletes leave emptyOne and emptyRest runs.
void runRandom(Twin& t, uint32_t seed, int ops, uint32_t keySpace) {
  std::mt19937 rng(seed);
  const MapType& type = t.raw.type();
  const std::string elem(type.elemTypeSize, '\x5a');
  for (int op = 0; op < ops; ++op) {
    std::string key = keyBytesFor(type, rng() % keySpace);
    t.trace.clear();
    switch (rng() % 4) {
      case 0:
      case 1:
        REQUIRE(t.raw.set(key, elem));
        REQUIRE(t.traced.set(key, elem));
        break;
      case 2: {
        Found a, b;
        REQUIRE(t.raw.get(key, &a));
        REQUIRE(t.traced.get(key, &b));
        REQUIRE(a.found == b.found);
        REQUIRE(a.key == b.key);
        REQUIRE(a.elem == b.elem);
        break;
      }
      default:
        REQUIRE(t.raw.del(key));
        REQUIRE(t.traced.del(key));
    }
    if (op % 64 == 0) requireSame(t);
  }
  requireSame(t);
}

}  // namespace

TEST_CASE("the raw path answers and writes exactly as the traced path", "[raw-path]") {
  const char* type = GENERATE("map[int64]int64", "map[string]int64", "map[int64][16]byte",
                              "map[string][100]byte");
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

TEST_CASE("the raw path on one-bucket maps and a map emptied by deletes", "[raw-path]") {
  const char* type = GENERATE("map[int64]int64", "map[string]int64");
  INFO(type);
  Twin t;
  makeTwin(type, HasherKind::Go119, GoVersion::Go119, &t);
  REQUIRE(t.raw.onRawPath());
  // A key space of 12 keeps the map at B = 0 or 1, and often empty (where
  // go1.19 reseeds on the last delete).
  runRandom(t, 99, 4000, 12);
}

TEST_CASE("pins, a hash log or a trace close the raw path", "[raw-path]") {
  Twin t;
  makeTwin("map[int64]int64", HasherKind::Go114, GoVersion::Go114, &t);
  CHECK(t.raw.onRawPath());
  GoMap::HashLog log;
  t.raw.setHashLog(&log);
  CHECK_FALSE(t.raw.onRawPath());
  t.raw.setHashLog(nullptr);
  uint64_t one = 1;
  REQUIRE(t.raw.pinHash(std::string(reinterpret_cast<const char*>(&one), 8), 42));
  CHECK_FALSE(t.raw.onRawPath());

  MapConfig generic;
  REQUIRE(parseMapType("map[float64]int64", &generic.type));
  GoMap floats;
  REQUIRE(GoMap::create(generic, &floats));
  CHECK_FALSE(floats.onRawPath());  // floats are never a fast variant
}
