// Iteration: the order two pinned draws give, and what a loop sees while
// the map changes under it (spec A.1.13).
#include <catch2/catch.hpp>
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "key_text.h"
#include "swiss/swiss_scenario.h"

using namespace gomap;
using namespace gomap::swiss;
using namespace gomap::test;

namespace {

std::vector<std::string> keysOf(const SwissStep& s) { return s.keys ? *s.keys : std::vector<std::string>{}; }

std::vector<std::string> drain(SwissScenario& s, std::vector<std::string> keys) {
  for (;;) {
    SwissStep n = s.one("next 100000");
    for (const std::string& k : keysOf(n)) keys.push_back(k);
    if (n.result == std::string("end")) return keys;
  }
}

}  // namespace

TEST_CASE("a small map iterates slot (e + entryOffset) mod 8", "[swiss][iter]") {
  SwissScenario s("map[int64]int64");
  s.ok("fill 8");  // key i in slot i-1
  CHECK(keysOf(s.one("iter entry=3 dir=99")) ==
        std::vector<std::string>{"4", "5", "6", "7", "8", "1", "2", "3"});
  s.ok("del 5");
  CHECK(keysOf(s.one("iter entry=11 dir=0")) == std::vector<std::string>{"4", "6", "7", "8", "1", "2", "3"});
}

TEST_CASE("a table iterates flat slots from entryOffset, the directory from dirOffset", "[swiss][iter]") {
  SwissScenario s("map[int64]int64");
  s.ok("fill 100");
  SwissMap& m = s.map();
  const uint64_t t = m.directoryAt(0);
  const uint64_t cap = m.tCapacity(t);
  for (uint64_t entry : {uint64_t(0), uint64_t(5), uint64_t(77), ~uint64_t(0)}) {
    std::vector<std::string> want;
    for (uint64_t e = 0; e < cap; ++e) {
      const uint64_t flat = (e + entry) & (cap - 1);
      const uint64_t g = m.groupAt(t, flat / 8);
      if ((m.ctrlAt(g, int(flat % 8)) & kCtrlEmpty) == 0) {
        want.push_back(formatKey(m.type(), m.keyBytes(m.keyAt(g, int(flat % 8)))));
      }
    }
    INFO("entry " << entry);
    CHECK(keysOf(s.one("iter entry=" + std::to_string(entry) + " dir=3")) == want);
  }
  // Many tables: every key exactly once, whatever the offsets.
  s.ok("fill 5000");
  REQUIRE(m.dirLen() >= 4);
  for (uint64_t dir : {uint64_t(0), uint64_t(1), uint64_t(6), uint64_t(12345)}) {
    std::vector<std::string> keys = keysOf(s.one("iter entry=9 dir=" + std::to_string(dir)));
    std::set<std::string> distinct(keys.begin(), keys.end());
    CHECK(keys.size() == 5100);
    CHECK(distinct.size() == 5100);
  }
}

TEST_CASE("a loop over a map that grows sees each old key once and no key of the new tables",
          "[swiss][iter][mutation]") {
  SwissScenario s("map[int64]int64");
  s.ok("fill 112");  // a table of 128 slots with no growthLeft: the next insert rehashes it
  SwissStep first = s.one("range entry=3 dir=1");
  s.ok("fill 2000;set 50 5000;del 60");  // grows and splits every table; updates one key, deletes one
  std::vector<std::string> keys = drain(s, keysOf(first));
  std::set<std::string> distinct(keys.begin(), keys.end());
  CHECK(distinct.size() == keys.size());
  for (const std::string& k : keys) {
    int n = std::stoi(k);
    CHECK(n >= 1);
    CHECK(n <= 112);  // nothing inserted after the loop began
  }
  CHECK(distinct.count("60") == (keysOf(first) == std::vector<std::string>{"60"} ? 1u : 0u));
  CHECK(keys.size() >= 111);
}

TEST_CASE("a loop across directory doublings returns every old key exactly once", "[swiss][iter][mutation]") {
  SwissScenario s("map[int64]int64");
  s.ok("fill 3000");
  const uint8_t depthBefore = s.map().globalDepth();
  SwissStep first = s.one("range entry=100 dir=2");
  std::vector<std::string> keys = keysOf(first);
  for (const std::string& k : keysOf(s.one("next 500"))) keys.push_back(k);
  s.ok("fill 20000");
  REQUIRE(s.map().globalDepth() > depthBefore);
  keys = drain(s, keys);
  std::set<std::string> distinct(keys.begin(), keys.end());
  CHECK(distinct.size() == keys.size());
  for (int i = 1; i <= 3000; ++i) CHECK(distinct.count(std::to_string(i)) == 1);
}

TEST_CASE("a clear during a loop ends what the loop can see", "[swiss][iter][clear]") {
  SwissScenario s("map[int64]int64");
  s.ok("fill 50");
  s.one("range entry=0 dir=0");
  s.ok("clear");
  SwissStep n = s.one("next 100");
  CHECK(keysOf(n).empty());
  CHECK(n.result == std::string("end"));
}

TEST_CASE("range on an empty map draws nothing and ignores its pins", "[swiss][iter]") {
  SwissScenario s("map[int64]int64");
  s.ok("set 1 1;del 1");
  SwissMap& m = s.map();
  const SwissRand before = m.randState();
  SwissStep r = s.one("range entry=5 dir=6");
  CHECK(r.result == std::string("end"));
  CHECK(!r.draws);
  CHECK(m.randState().r.a == before.r.a);
  s.ok("set 2 2");
  SwissStep drawn = s.one("iter");
  REQUIRE(drawn.draws);
  CHECK(m.randState().r.a != before.r.a);
}
