// The write journal: winding a traced operation back to any of its steps
// restores the heap exactly, allocations included (spec 2.2: a grow
// allocates the new array in the middle of an insert).
#include <catch2/catch.hpp>
#include <cstring>
#include <string>
#include <vector>

#include "go_map.h"
#include "map_type.h"
#include "trace.h"

using namespace gomap;

namespace {

GoMap int64Map() {
  MapConfig cfg;
  REQUIRE(parseMapType("map[int64]int64", &cfg.type).ok());
  GoMap m;
  REQUIRE(GoMap::create(cfg, &m).ok());
  return m;
}

std::string word(int64_t v) {
  std::string s(8, '\0');
  std::memcpy(s.data(), &v, 8);
  return s;
}

}  // namespace

TEST_CASE("rolling back a traced grow restores the bytes and the heap's size", "[journal][grow]") {
  GoMap m = int64Map();
  for (int64_t k = 1; k <= 8; ++k) REQUIRE(m.set(word(k), word(k)).ok());
  const std::vector<uint8_t> before = m.heap().bytes();

  Trace trace;
  m.setTrace(&trace);
  m.startJournal();
  REQUIRE(m.set(word(9), word(9)).ok());  // the ninth key: B 0 -> 1
  m.stopJournal();
  m.setTrace(nullptr);
  REQUIRE(m.B() == 1);
  const uint64_t after = m.heap().used();
  REQUIRE(after > before.size());  // the new array, at least

  // Winding back step by step, latest first: the heap never grows, and
  // somewhere it shrinks back to before the new array was allocated.
  uint64_t previous = after;
  bool shrank = false;
  for (auto e = trace.events.rbegin(); e != trace.events.rend(); ++e) {
    m.rollbackTo(e->writes);
    CHECK(m.heap().used() <= previous);
    shrank = shrank || m.heap().used() < previous;
    previous = m.heap().used();
  }
  CHECK(shrank);
  m.rollbackTo(0);
  CHECK(m.heap().used() == before.size());
  CHECK(m.heap().bytes() == before);
  CHECK(m.B() == 0);
  CHECK(m.count() == 8);
}
