// How big a map is made (hint -> B, spec 3.2) and when it grows (load
// factor 6.5, spec 3.1 and 4.3).
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "invariants.h"
#include "support/checked_scenario.h"

using namespace gomap;
using namespace gomap::test;

namespace {

uint8_t bForHint(int64_t hint) {
  CheckedScenario s("map[int64]int64\nhint " + std::to_string(hint) + "\ndump");
  return s.map().B();
}

}  // namespace

TEST_CASE("make with a hint picks B at every boundary up to B 10", "[make][hint]") {
  // Spec 3.2: 0-8 -> 0; 9-13 -> 1; 14-26 -> 2; 27-52 -> 3; 53-104 -> 4;
  // 105-208 -> 5; 209-416 -> 6; 417-832 -> 7; 833-1664 -> 8; and on with
  // hint <= 6.5 * 2^B (3328 for B 9, 6656 for B 10).
  const std::vector<std::pair<int64_t, int64_t>> ranges = {
      {0, 8},     {9, 13},    {14, 26},    {27, 52},     {53, 104},    {105, 208},
      {209, 416}, {417, 832}, {833, 1664}, {1665, 3328}, {3329, 6656},
  };
  for (size_t b = 0; b < ranges.size(); ++b) {
    INFO("B " << b);
    CHECK(int(bForHint(ranges[b].first)) == int(b));
    CHECK(int(bForHint(ranges[b].second)) == int(b));
  }
  CHECK(int(bForHint(6657)) == 11);
}

TEST_CASE("make with a hint of 0 or 8 allocates no bucket until the first insert", "[make][hint]") {
  CheckedScenario s("map[int64]int64\nhint 8\ndump");
  CHECK(s.map().buckets() == 0);
  s.ok("set 1");
  CHECK(s.map().buckets() != 0);
  CHECK(s.map().B() == 0);
}

TEST_CASE("a negative hint or one too big for wasm memory is treated as 0", "[make][hint]") {
  CHECK(int(bForHint(-1)) == 0);
  // 2^32 / 144 = 29826161.7: for map[int64]int64 a larger hint overflows
  // maxAlloc on GOARCH=wasm and becomes 0 (spec 3.2 step 1).
  CHECK(int(bForHint(29826162)) == 0);
  // 29826161 itself is honoured (B 23) and is more than the simulated heap
  // allows, so the operation that would create the map is refused.
  CheckedScenario s;
  Step st = s.run("map[int64]int64\nhint 29826161\nset 1")[2];
  CHECK_THAT(st.error, Catch::StartsWith("line 3: hint 29826161 needs more memory"));
  CHECK_FALSE(s.hasMap());
}

// Spec 3.1: the largest count not over the load factor is 8, 13, 26, 52,
// 104, 208, 416, 832, 1664, 3328, 6656, so the next new key grows the map.
const std::vector<std::pair<int, int>> kGrowthPoints = {
    {9, 1},   {14, 2},  {27, 3},   {53, 4},    {105, 5},   {209, 6},
    {417, 7}, {833, 8}, {1665, 9}, {3329, 10}, {6657, 11},
};

TEST_CASE("inserting 7000 keys one by one grows exactly at the load factor points", "[grow][load-factor]") {
  // Through GoMap's API, watching B after every single insert. (As scenario
  // text with the invariant checker after each of the 7000 inserts this
  // takes over 30 s in a debug build; the invariants are checked here at
  // every growth point, and the next test replays the same points through
  // the checked scenario helper.)
  for (const char* type : {"map[int64]int64", "map[string]int64"}) {
    INFO(type);
    CheckedScenario s(std::string(type) + "\nseed 1\ndump");
    GoMap& m = s.map();
    const bool isString = std::string(type) == "map[string]int64";
    std::vector<std::pair<int, int>> grows;
    for (int n = 1; n <= 7000; ++n) {
      const uint8_t before = m.B();
      REQUIRE(m.set(isString ? "k" + std::to_string(n) : i64(n), i64(n)).ok());
      if (m.B() != before) {
        grows.emplace_back(n, m.B());
        REQUIRE(checkInvariants(m) == "");
      }
    }
    CHECK(grows == kGrowthPoints);
    CHECK(m.count() == 7000);
    CHECK(checkInvariants(m) == "");
  }
}

TEST_CASE("the growth points replay as scenario text with the invariants checked",
          "[grow][load-factor][scenario]") {
  // fill inserts one key at a time; stopping one key short of each point
  // shows the old B still holds there and the very next key changes it.
  CheckedScenario s("map[string]int64\nseed 1");
  int count = 0, B = 0;
  for (const auto& [n, newB] : kGrowthPoints) {
    INFO("key " << n);
    s.ok("fill " + std::to_string(n - 1 - count));
    CHECK(int(s.map().B()) == B);
    s.ok("fill 1");
    CHECK(int(s.map().B()) == newB);
    count = n;
    B = newB;
  }
  s.ok("fill " + std::to_string(7000 - count));
  CHECK(s.map().count() == 7000);
  CHECK(s.map().B() == 11);
}

TEST_CASE("grows from B 0 and B 1 finish within the insert but B 2 to 3 stays growing",
          "[grow][incremental]") {
  CheckedScenario s("map[int64]int64\nfill 9");
  CHECK(s.map().B() == 1);
  CHECK_FALSE(s.map().growing());
  s.ok("fill 5");  // 14 keys
  CHECK(s.map().B() == 2);
  CHECK_FALSE(s.map().growing());
  s.ok("fill 12");  // 26 keys: still B 2
  CHECK(s.map().B() == 2);

  s.ok("set 27 27");  // spec 4.3: "grow at insert #27: B 2->3, growing=true"
  CHECK(s.map().B() == 3);
  CHECK(s.map().growing());
  CHECK(s.map().oldbuckets() != 0);
  // Each write evacuates at most two of the four old buckets, and the first
  // one evacuated at least one, so the map is still growing after it...
  int writes = 0;
  while (s.map().growing()) {
    ++writes;
    REQUIRE(writes <= 3);
    s.ok("set " + std::to_string(100 + writes) + " 1");
  }
  // ...for at least one more write.
  CHECK(writes >= 1);
  CHECK(s.map().count() == uint64_t(27 + writes));
}

TEST_CASE(
    "a grow stays in progress across lookups and every write moves it on even an update or an absent delete",
    "[grow][incremental]") {
  CheckedScenario s;
  // Pins put key k in old bucket (k-1) % 4, so the 27th key lands in old
  // bucket 2: the grow's first growWork evacuates old 2 (its target) and
  // old 0 (nevacuate 0 -> 1; old 1 is not done yet).
  std::string text = "map[int64]int64\nhint 14\n";
  for (int k = 1; k <= 27; ++k) {
    text +=
        "hash " + std::to_string(k) + " " + std::to_string(pinnedHash(uint8_t(0x20 + k), (k - 1) % 4)) + "\n";
  }
  for (int k = 1; k <= 27; ++k) text += "set " + std::to_string(k) + " " + std::to_string(k) + "\n";
  s.ok(text);
  GoMap& m = s.map();
  REQUIRE(m.B() == 3);
  REQUIRE(m.growing());
  CHECK(m.nevacuate() == 1);
  // Lookups never help a grow (spec 4.1, 11.3).
  s.ok("get 2\nget 3\nget 4\nget 99");
  CHECK(m.nevacuate() == 1);
  CHECK(m.growing());
  // An update of an existing key is a write: growWork runs (spec 4.10).
  // Key 3 is in old bucket 2: evacuate 2, then nevacuate 1 -> 2 -> 3.
  s.ok("set 3 33");
  CHECK(m.nevacuate() == 3);
  CHECK(m.count() == 27);
  // A delete of an absent key still evacuates (spec 4.4 step 3, 11.21).
  s.ok("del 1000");
  CHECK_FALSE(m.growing());
  CHECK(m.count() == 27);
}
