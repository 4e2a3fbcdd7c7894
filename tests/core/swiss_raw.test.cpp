// The raw path (core/swiss/swiss_raw.cpp) against the general code: twin
// maps, one with a trace attached (which turns the raw path off), go
// through the same random operations; every answer and, at checkpoints,
// every heap byte must agree.
#include <catch2/catch.hpp>
#include <cstring>
#include <random>
#include <string>

#include "key_text.h"
#include "swiss/swiss_invariants.h"
#include "support/twin_maps.h"
#include "swiss/swiss_map.h"

using namespace gomap;
using namespace gomap::swiss;
using namespace gomap::test;

namespace {

void twins(const char* type, const char* prefix, int universe, int ops, uint32_t seed) {
  SwissConfig cfg;
  REQUIRE(parseMapType(type, &cfg.type).ok());
  TwinMaps<SwissMap, SwissTrace> twins(cfg);
  SwissMap &raw = twins.raw, &traced = twins.traced;
  SwissTrace& trace = twins.trace;
  std::mt19937 rng(seed);
  std::string elem(8, '\0');
  for (int op = 0; op < ops; ++op) {
    std::string key;
    REQUIRE(parseKey(cfg.type, prefix + std::to_string(rng() % universe), &key).ok());
    const uint32_t r = rng() % 100;
    trace.clear();
    if (r < 50) {
      std::memcpy(elem.data(), &op, 4);
      REQUIRE(raw.set(key, elem).ok());
      REQUIRE(traced.set(key, elem).ok());
    } else if (r < 85) {
      REQUIRE(raw.del(key).ok());
      REQUIRE(traced.del(key).ok());
    } else if (r < 99) {
      SwissFound a, b;
      REQUIRE(raw.get(key, &a).ok());
      REQUIRE(traced.get(key, &b).ok());
      REQUIRE(a.found == b.found);
      if (a.found) REQUIRE(raw.elemBytes(a.elem) == traced.elemBytes(b.elem));
    } else {
      raw.clear();
      traced.clear();
    }
    if (op % 5000 == 0 || op == ops - 1) {
      INFO("after op " << op);
      REQUIRE(raw.heap().bytes() == traced.heap().bytes());
      REQUIRE(checkSwissInvariants(raw) == "");
    }
  }
}

}  // namespace

TEST_CASE("the raw path leaves the same bytes and answers as the traced code", "[swiss][raw]") {
  twins("map[int64]int64", "", 30, 3000, 1);     // small map and first tables
  twins("map[int64]int64", "", 3000, 40000, 2);  // grows, splits, tombstones, prunes
  twins("map[[8]byte]int64", "k", 2000, 20000, 3);
  twins("map[string]int64", "k", 40, 3000, 4);
  twins("map[string]int64", "k", 3000, 40000, 5);
}
