// The Swiss invariant checker catches each kind of damage (so a passing
// check after every command means something), and a traced operation can be
// wound back micro-step by micro-step through the heap journal.
#include <catch2/catch.hpp>
#include <cstring>
#include <string>
#include <vector>

#include "swiss/swiss_invariants.h"
#include "swiss/swiss_scenario.h"

using namespace gomap;
using namespace gomap::swiss;
using namespace gomap::test;

namespace {

std::string breakAndCheck(const char* setup, const char* ops, void (*damage)(SwissMap&)) {
  SwissScenario s(setup);
  s.ok(ops);
  damage(s.map());
  return checkSwissInvariants(s.map());
}

uint64_t firstTable(SwissMap& m) { return m.directoryAt(0); }

int firstFull(SwissMap& m, uint64_t g) {
  for (int i = 0; i < kGroupSlots; ++i) {
    if ((m.ctrlAt(g, i) & kCtrlEmpty) == 0) return i;
  }
  return -1;
}

}  // namespace

TEST_CASE("the checker names the invariant each kind of damage breaks", "[swiss][invariants]") {
  CHECK(breakAndCheck("map[int64]int64", "fill 3", [](SwissMap& m) {
          rawBytes(m, m.mapAddress())[0] = 7;  // used
        }).rfind("S1:", 0) == 0);
  CHECK(breakAndCheck("map[int64]int64", "fill 3", [](SwissMap& m) {
          rawBytes(m, m.dirPtr())[0] ^= 1;  // a control byte no longer h2
        }).rfind("S5:", 0) == 0);
  CHECK(breakAndCheck("map[int64]int64", "fill 3", [](SwissMap& m) {
          rawBytes(m, m.dirPtr())[5] = kCtrlDeleted;  // deleted next to empty slots
        }).rfind("S8:", 0) == 0);
  CHECK(breakAndCheck("map[int64]int64", "fill 8", [](SwissMap& m) {
          rawBytes(m, m.dirPtr())[5] = kCtrlDeleted;  // a tombstone in a small map
        }).rfind("S2:", 0) == 0);
  CHECK(breakAndCheck("map[int64]int64", "fill 20", [](SwissMap& m) {
          uint64_t t = firstTable(m);
          rawBytes(m, t + tablef::growthLeft)[0] += 1;
        }).rfind("S4:", 0) == 0);
  CHECK(breakAndCheck("map[int64]int64", "fill 20", [](SwissMap& m) {
          uint64_t g = m.groupAt(firstTable(m), 0);
          int i = firstFull(m, g);
          uint64_t k;  // the same key as the next full slot: stored twice
          std::memcpy(&k, m.heap().at(m.keySlot(g, i)), 8);
          std::memcpy(rawBytes(m, m.keySlot(g, i)), &k, 8);
          rawBytes(m, g)[i] = 0x55;
        }).rfind("S5:", 0) == 0);
  CHECK(breakAndCheck("map[int64]int64", "fill 20", [](SwissMap& m) {
          rawBytes(m, m.groupAt(firstTable(m), 0))[7] = 0x81;
        }).rfind("S11:", 0) == 0);
  CHECK(breakAndCheck("map[int64]int64", "fill 2000", [](SwissMap& m) {
          uint64_t t = m.directoryAt(m.dirLen() - 1);
          rawBytes(m, t + tablef::index)[0] ^= 1;
        }).rfind("S3:", 0) == 0);
}

TEST_CASE("a traced insert that grows can be wound back step by step to the bytes before it",
          "[swiss][journal][trace]") {
  SwissScenario s("map[string]int64");
  s.ok("fill 14");
  s.recordTrace();
  s.journal();
  SwissMap& m = s.map();
  const std::vector<uint8_t> before = m.heap().bytes();
  SwissStep step = s.one("set k15 15");  // the 15th key: table of 16 grows to 32
  REQUIRE(m.tCapacity(m.directoryAt(0)) == 32);
  bool sawMove = false, sawRehash = false, sawHash = false;
  for (const SwissTraceEvent& e : step.trace) {
    sawMove = sawMove || e.kind == SwissTraceKind::MoveEntry;
    sawRehash = sawRehash || e.kind == SwissTraceKind::Rehash;
    sawHash = sawHash || e.kind == SwissTraceKind::Hash;
  }
  CHECK(sawHash);
  CHECK(sawRehash);
  CHECK(sawMove);
  uint64_t lastUsed = m.heap().used();
  for (size_t i = step.trace.size(); i-- > 0;) {
    m.rollbackTo(step.trace[i].writes);
    CHECK(m.heap().used() <= lastUsed);
    lastUsed = m.heap().used();
  }
  m.rollbackTo(0);
  CHECK(m.heap().bytes() == before);
}
