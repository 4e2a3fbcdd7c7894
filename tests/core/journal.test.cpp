// The write journal: winding a traced operation back to any of its steps
// restores the heap exactly, allocations included (spec 2.2: a grow
// allocates the new array in the middle of an insert). And the names the
// traced steps carry (core/enum_names.h tables): one of its own for every
// kind and function of both models.
#include <catch2/catch.hpp>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "go_map.h"
#include "map_type.h"
#include "swiss/swiss_trace.h"
#include "trace.h"

using namespace gomap;
using namespace gomap::swiss;

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

namespace {

// Names of the enum's values 0..last: each present and none repeated.
template <class Enum>
void requireDistinctNames(Enum last, const char* (*name)(Enum)) {
  std::set<std::string> seen;
  for (size_t i = 0; i <= size_t(last); ++i) {
    const std::string n = name(Enum(i));
    INFO("value " << i);
    REQUIRE(n != "?");
    REQUIRE(seen.insert(n).second);
  }
  REQUIRE(std::string(name(Enum(size_t(last) + 1))) == "?");
}

}  // namespace

TEST_CASE("every trace kind and function has a name of its own") {
  requireDistinctNames(TraceKind::Reseed, traceKindName);
  requireDistinctNames(TraceFunc::mapiternext, traceFuncName);
  requireDistinctNames(SwissTraceKind::IterEnd, swissTraceKindName);
  requireDistinctNames(SwissTraceFunc::IterNext, swissTraceFuncName);
}

TEST_CASE("trace names sit at their enum values") {
  CHECK(std::string(traceKindName(TraceKind::HashKey)) == "hashKey");
  CHECK(std::string(traceKindName(TraceKind::EvacuateEntry)) == "evacuateEntry");
  CHECK(std::string(traceKindName(TraceKind::Reseed)) == "reseed");
  CHECK(std::string(traceFuncName(TraceFunc::mapaccess)) == "mapaccess2");
  CHECK(std::string(traceFuncName(TraceFunc::newoverflow)) == "newoverflow");
  CHECK(std::string(swissTraceKindName(SwissTraceKind::Hash)) == "hash");
  CHECK(std::string(swissTraceKindName(SwissTraceKind::RememberTombstone)) == "rememberTombstone");
  CHECK(std::string(swissTraceKindName(SwissTraceKind::IterEnd)) == "iterEnd");
  CHECK(std::string(swissTraceFuncName(SwissTraceFunc::Get)) == "getWithKey");
  CHECK(std::string(swissTraceFuncName(SwissTraceFunc::IterNext)) == "Iter.Next");
}
