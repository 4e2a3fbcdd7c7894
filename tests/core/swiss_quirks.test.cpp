// The three quirks issue 14 names, each shown on the bytes: pruning only on
// the fast assign paths, an update that grows a full small map, and stale
// key bytes that survive delete and clear. Plus the tombstone rule.
#include <catch2/catch.hpp>
#include <string>

#include "key_text.h"
#include "swiss/swiss_scenario.h"

using namespace gomap;
using namespace gomap::swiss;
using namespace gomap::test;

namespace {

// Churn: keep 600 live keys in one table of 1,024 slots; delete the
// oldest, insert a new one, many times. Tombstones pile up.
size_t tablesAfterChurn(const char* type, const char* prefix) {
  SwissScenario s(type);
  SwissMap& m = s.map();
  std::string elem(8, '\0');
  auto key = [&](int i) {
    std::string k;
    REQUIRE(parseKey(m.type(), prefix + std::to_string(i), &k).ok());
    return k;
  };
  for (int i = 0; i < 600; ++i) REQUIRE(m.set(key(i), elem).ok());
  for (int i = 600; i < 20000; ++i) {
    REQUIRE(m.del(key(i - 600)).ok());
    REQUIRE(m.set(key(i), elem).ok());
    if (i % 4000 == 0) REQUIRE(checkSwissInvariants(m) == "");
  }
  REQUIRE(m.used() == 600);
  REQUIRE(checkSwissInvariants(m) == "");
  return tableCount(m);
}

}  // namespace

TEST_CASE("pruning happens only on the fast paths: churn splits [16]byte, not int64", "[swiss][prune][S4]") {
  CHECK(tablesAfterChurn("map[int64]int64", "") == 1);      // fast64 prunes
  CHECK(tablesAfterChurn("map[[8]byte]int64", "k") == 1);   // [8]byte is fast64 too
  CHECK(tablesAfterChurn("map[string]int64", "k") == 1);    // faststr prunes
  CHECK(tablesAfterChurn("map[[16]byte]int64", "k") >= 2);  // generic: rehash, then split
  CHECK(tablesAfterChurn("map[float64]int64", "") >= 2);    // generic
}

TEST_CASE("any assign to a full small map grows it to a table of 16, even an update", "[swiss][small]") {
  SwissScenario s("map[int64]int64");
  s.ok("fill 8");
  REQUIRE(s.map().dirLen() == 0);
  s.ok("set 3 33");
  SwissMap& m = s.map();
  CHECK(m.dirLen() == 1);
  CHECK(m.used() == 8);
  CHECK(m.tCapacity(m.directoryAt(0)) == 16);
  CHECK(m.tGrowthLeft(m.directoryAt(0)) == 14 - 8);
  CHECK(s.one("get 3").result == std::string("33 true"));
  // Deleting everything does not make it small again.
  s.ok("del 1;del 2;del 3;del 4;del 5;del 6;del 7;del 8");
  CHECK(m.dirLen() == 1);
}

TEST_CASE("a delete leaves a tombstone only in a group with no empty slot, and the first tombstone is reused",
          "[swiss][delete][S8]") {
  // One table of 16 slots (2 groups); hashes pinned: group = bit 7, h2 = low bits.
  SwissScenario s("map[int64]int64\nhint 14");
  for (int i = 1; i <= 9; ++i) s.ok("hash " + std::to_string(i) + " " + std::to_string(i));  // all group 0
  s.ok("set 1;set 2;set 3;set 4;set 5;set 6;set 7;set 8;set 9");
  SwissMap& m = s.map();
  const uint64_t t = m.directoryAt(0);
  const uint64_t g0 = m.groupAt(t, 0), g1 = m.groupAt(t, 1);
  REQUIRE(m.ctrlAt(g1, 0) == 9);  // group 0 was full, so the probe went on
  CHECK(m.tGrowthLeft(t) == 14 - 9);
  s.ok("del 3");  // group 0 has no empty slot: tombstone
  CHECK(m.ctrlAt(g0, 2) == kCtrlDeleted);
  CHECK(m.tGrowthLeft(t) == 5);
  CHECK(m.tombstonePossible());
  s.ok("del 9");  // group 1 has empty slots: empty
  CHECK(m.ctrlAt(g1, 0) == kCtrlEmpty);
  CHECK(m.tGrowthLeft(t) == 6);
  s.ok("hash 10 0x8a\nset 10");    // h1 = 1: starts at group 1, which has an empty slot
  CHECK(m.ctrlAt(g1, 0) == 0x0a);  // group 1 had an empty slot before any tombstone was seen
  s.ok("hash 11 11\nset 11");      // starts at group 0: its tombstone is the first free slot
  CHECK(m.ctrlAt(g0, 2) == 11);
  CHECK(m.tGrowthLeft(t) == 5);  // reusing a tombstone costs no growthLeft
}

TEST_CASE("stale key bytes: plain keys keep theirs after delete, strings do not", "[swiss][stale]") {
  SwissScenario ints2("map[int64]int64");
  ints2.ok("fill 3;del 2");
  SwissMap& m2 = ints2.map();
  CHECK(m2.ctrlAt(m2.dirPtr(), 1) == kCtrlEmpty);
  CHECK(formatKey(m2.type(), m2.keyBytes(m2.keySlot(m2.dirPtr(), 1))) == "2");     // stale
  CHECK(formatElem(m2.type(), m2.elemBytes(m2.elemSlot(m2.dirPtr(), 1))) == "0");  // elem cleared
  CHECK(ints2.one("dump").dump.find("{\"stale\":\"2\"}") != std::string::npos);

  SwissScenario strs("map[string]int64");
  strs.ok("fill 3;del k2");
  SwissMap& ms = strs.map();
  CHECK(ms.heap().load64(ms.keySlot(ms.dirPtr(), 1)) == 0);      // data pointer cleared
  CHECK(ms.heap().load64(ms.keySlot(ms.dirPtr(), 1) + 8) == 0);  // and length
}

TEST_CASE("clear of a sparse table zeroes only groups with a live entry: stale bytes survive",
          "[swiss][clear][stale]") {
  SwissScenario s("map[int64]int64\nhint 100");  // one table of 128 slots, 16 groups
  s.ok("fill 3;del 2");
  SwissMap& m = s.map();
  const uint64_t t = m.directoryAt(0);
  int staleBefore = 0;
  for (uint64_t g = 0; g <= m.tLengthMask(t); ++g) {
    for (int i = 0; i < kGroupSlots; ++i) {
      uint64_t v = m.heap().load64(m.keySlot(m.groupAt(t, g), i));
      if (m.ctrlAt(m.groupAt(t, g), i) == kCtrlEmpty && v == 2) ++staleBefore;
    }
  }
  REQUIRE(staleBefore == 1);
  const uint64_t seqBefore = m.clearSeq();
  s.ok("clear reseed=0x1234");
  CHECK(m.clearSeq() == seqBefore + 1);
  CHECK(m.seed() == 0x1234);
  CHECK(m.used() == 0);
  // used*4 <= lengthMask: fullTest. Key 2's group had no live entry (keys 1
  // and 3 hash elsewhere unless they share it); count surviving stale bytes.
  int staleAfter = 0;
  for (uint64_t g = 0; g <= m.tLengthMask(t); ++g) {
    for (int i = 0; i < kGroupSlots; ++i) {
      if (m.heap().load64(m.keySlot(m.groupAt(t, g), i)) == 2) ++staleAfter;
    }
  }
  const std::string keys = s.one("dump").dump;
  CHECK(staleAfter <= 1);
  CHECK((staleAfter == 1) == (keys.find("{\"stale\":\"2\"}") != std::string::npos));
}

TEST_CASE("clear with nothing to clear returns early: no clearSeq, no reseed, no draw", "[swiss][clear]") {
  SwissScenario s("map[int64]int64\nseed 9");
  s.ok("set 1 1;del 1 reseed=5");  // the delete that empties the map reseeds (pinned)
  SwissMap& m = s.map();
  CHECK(m.seed() == 5);
  const SwissRand before = m.randState();
  s.ok("clear reseed=77");
  CHECK(m.seed() == 5);
  CHECK(m.clearSeq() == 0);
  CHECK(m.randState().r.a == before.r.a);
  CHECK(m.randState().r.b == before.r.b);
  s.ok("set 2 2;del 3 reseed=8");  // not emptied: the pin is ignored
  CHECK(m.seed() == 5);
}

TEST_CASE("fast32/fast64 lookups of a small map do not hash, the generic path does", "[swiss][small][hash]") {
  SwissScenario fast("map[int64]int64");
  fast.ok("set 1 1");
  CHECK(fast.one("get 1").hashes.empty());
  SwissScenario generic("map[float64]int64");
  generic.ok("set 1 1");
  CHECK(generic.one("get 1").hashes.size() == 1);
  SwissScenario str("map[string]int64");
  str.ok("set a 1");
  CHECK(str.one("get a").hashes.size() == 1);                    // faststr hashes keys of 64 bytes or less
  CHECK(str.one("get " + std::string(70, 'x')).hashes.empty());  // a long key with no candidate
}

TEST_CASE("NaN keys: every insert is a new entry, never found, kept by clear-free iteration",
          "[swiss][nan]") {
  SwissScenario s("map[float64]int64");
  s.ok("set NaN 1;set NaN 2;set 0 3;set -0 4");
  SwissMap& m = s.map();
  CHECK(m.used() == 3);  // two NaNs, one zero (updated, key now -0)
  CHECK(s.one("get NaN").result == std::string("0 false"));
  CHECK(s.one("get 0").result == std::string("4 true"));
  SwissStep it = s.one("iter");
  REQUIRE(it.keys);
  CHECK(it.keys->size() == 3);
  s.ok("fill 20");  // grows to a table: the NaNs are re-hashed with fresh randomness
  CHECK(m.used() == 23);
}
