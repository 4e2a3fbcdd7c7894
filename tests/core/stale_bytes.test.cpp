// What a delete leaves in bucket memory, per variant (spec 4.4 step 4a/4b,
// 6.4, 6.5, 11.9), read straight from the simulated heap.
#include <catch2/catch.hpp>
#include <string>

#include "support/checked_scenario.h"

using namespace gomap;
using namespace gomap::test;

TEST_CASE("a deleted int64 key keeps its bytes and its elem is zeroed", "[delete][stale-bytes][fast64]") {
  CheckedScenario s("map[int64]int64\nset 42 7\nset 43 8\ndel 42");
  GoMap& m = s.map();
  const uint64_t b = m.buckets();
  CHECK(m.tophashAt(b, 0) == kEmptyOne);
  CHECK(load64(m, b + 8) == 42);   // key slot 0: stale
  CHECK(load64(m, b + 72) == 0);   // elem slot 0: zeroed
  CHECK(load64(m, b + 16) == 43);  // the neighbour untouched
  CHECK(load64(m, b + 80) == 8);
  // The fast path ignores stale bytes: the slot is empty, so 42 is gone.
  CHECK(*s.one("get 42").result == "0 false");
}

TEST_CASE("a deleted float64 key keeps its bytes and its elem is zeroed", "[delete][stale-bytes][generic]") {
  CheckedScenario s("map[float64]int64\nset 1.5 7\ndel 1.5");
  GoMap& m = s.map();
  const uint64_t b = m.buckets();
  CHECK(m.tophashAt(b, 0) == kEmptyRest);
  CHECK(bytesAt(m, b + 8, 8) == f64(1.5));
  CHECK(load64(m, b + 72) == 0);
}

TEST_CASE("a deleted 4-byte array key keeps its bytes and its elem is zeroed",
          "[delete][stale-bytes][fast32]") {
  CheckedScenario s("map[[4]byte][4]byte\nset abcd wxyz\nset efgh 1\ndel abcd");
  GoMap& m = s.map();
  const uint64_t b = m.buckets();
  CHECK(bytesAt(m, b + 8, 4) == "abcd");
  CHECK(bytesAt(m, b + 8 + 32, 4) == std::string(4, '\0'));
}

TEST_CASE("faststr delete keeps the stored length and nils only the data pointer",
          "[delete][stale-bytes][faststr]") {
  CheckedScenario s("map[string]int64\nset hello 7\nset world 8");
  GoMap& m = s.map();
  const uint64_t b = m.buckets();
  REQUIRE(load64(m, b + 8) != 0);
  s.ok("del hello");
  CHECK(load64(m, b + 8) == 0);    // data pointer
  CHECK(load64(m, b + 16) == 5);   // length, left behind
  CHECK(load64(m, b + 136) == 0);  // elem 0 (elems start at 8 + 8*16)
  CHECK(load64(m, b + 144) == 8);
  CHECK(*s.one("get hello").result == "0 false");
}

TEST_CASE("generic string delete zeroes the whole 16-byte key", "[delete][stale-bytes][generic]") {
  // map[string][200]byte: the elem is over 128 bytes, so the compiler routes
  // every operation through the generic functions (spec 6.1).
  CheckedScenario s("map[string][200]byte\nset hello x\nset world y");
  GoMap& m = s.map();
  REQUIRE(m.type().variant == Variant::Generic);
  const uint64_t b = m.buckets();
  REQUIRE(load64(m, b + 16) == 5);
  s.ok("del hello");
  CHECK(bytesAt(m, b + 8, 16) == std::string(16, '\0'));
  CHECK(load64(m, b + 8 + 8 * 16) == 0);  // the elem pointer slot is nil
  CHECK(load64(m, b + 24 + 8) == 5);      // "world" still intact (slot 1 length)
}

TEST_CASE("stale key bytes survive a reinsert elsewhere and are overwritten by one in place",
          "[delete][stale-bytes][holes]") {
  CheckedScenario s("map[int64]int64\nset 42 7\nset 43 8\ndel 42");
  GoMap& m = s.map();
  const uint64_t b = m.buckets();
  s.ok("set 44 9");  // takes the hole at slot 0
  CHECK(load64(m, b + 8) == 44);
  CHECK(load64(m, b + 72) == 9);
}
