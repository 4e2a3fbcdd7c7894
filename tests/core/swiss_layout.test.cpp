// The Swiss map's bytes where they are decided once: slot geometry per map
// type (spec A.1.5, measured on Go 1.26), the tables a hint makes (A.1.7)
// and the insert counts at which an empty map grows (A.1.12).
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "support/checked_scenario.h"
#include "swiss/swiss_scenario.h"

using namespace gomap;
using namespace gomap::swiss;
using namespace gomap::test;

TEST_CASE("slot size, elem offset, group size and flags follow Go 1.26's compiler", "[swiss][layout]") {
  struct Row {
    const char* type;
    uint32_t groupSize, slotSize, elemOff, flags;
  };
  const Row rows[] = {
      {"map[int64]int64", 136, 16, 8, 0},     {"map[int32]int64", 136, 16, 8, 0},
      {"map[string]int64", 200, 24, 16, 1},   {"map[float64]int64", 136, 16, 8, 1},
      {"map[[16]byte]int64", 200, 24, 16, 0}, {"map[[128]byte]int64", 1096, 136, 128, 0},
      {"map[[129]byte]int64", 136, 16, 8, 4}, {"map[int64][128]byte", 1096, 136, 8, 0},
      {"map[int64][129]byte", 136, 16, 8, 8}, {"map[int32][4]byte", 72, 8, 4, 0},
      {"map[[3]byte][3]byte", 56, 6, 3, 0},
  };
  for (const Row& r : rows) {
    INFO(r.type);
    MapType t = typeOf(r.type);
    SwissLayout l = SwissLayout::of(t);
    CHECK(l.groupSize == r.groupSize);
    CHECK(l.slotSize == r.slotSize);
    CHECK(l.elemOff == r.elemOff);
    CHECK(l.flags == r.flags);
  }
}

TEST_CASE("a hint sizes the directory and its tables as NewMap does", "[swiss][layout][hint]") {
  struct Row {
    int hint;
    uint64_t dirLen, capacity;
  };
  const Row rows[] = {{9, 1, 16},     {14, 1, 16},   {15, 1, 32},     {100, 1, 128},
                      {896, 1, 1024}, {897, 2, 512}, {1000, 2, 1024}, {5000, 8, 1024}};
  for (const Row& r : rows) {
    INFO("hint " << r.hint);
    SwissScenario s("map[int64]int64\nhint " + std::to_string(r.hint));
    SwissMap& m = s.map();
    REQUIRE(m.dirLen() == r.dirLen);
    CHECK(tableCount(m) == r.dirLen);
    for (uint64_t i = 0; i < m.dirLen(); ++i) {
      CHECK(m.tCapacity(m.directoryAt(i)) == r.capacity);
      CHECK(m.tIndex(m.directoryAt(i)) == int64_t(i));
      CHECK(m.tGrowthLeft(m.directoryAt(i)) == maxGrowthLeft(uint16_t(r.capacity)));
    }
  }
  SwissScenario small("map[int64]int64\nhint 8");
  CHECK(small.map().dirLen() == 0);
  CHECK(small.map().dirPtr() == 0);  // the group comes with the first write
  small.ok("set 1 1");
  CHECK(small.map().dirPtr() != 0);
}

TEST_CASE("an empty map grows at inserts 9, 15, 29, 57, 113, 225, 449 and splits at 897",
          "[swiss][layout][grow]") {
  SwissScenario s("map[int64]int64");
  std::vector<std::pair<int, int>> changes;  // (insert number, capacity of entry 0's table; -1 split)
  int last = 0;
  for (int n = 1; n <= 897; ++n) {
    s.ok("fill 1");
    SwissMap& m = s.map();
    int now = m.dirLen() == 0 ? 8 : m.dirLen() > 1 ? -1 : m.tCapacity(m.directoryAt(0));
    if (now != last) changes.emplace_back(n, now);
    last = now;
  }
  const std::vector<std::pair<int, int>> want = {{1, 8},     {9, 16},    {15, 32},    {29, 64}, {57, 128},
                                                 {113, 256}, {225, 512}, {449, 1024}, {897, -1}};
  CHECK(changes == want);
  SwissMap& m = s.map();
  CHECK(m.globalDepth() == 1);
  CHECK(tableCount(m) == 2);
  CHECK(m.tLocalDepth(m.directoryAt(0)) == 1);
  CHECK(m.tCapacity(m.directoryAt(1)) == 1024);
}
