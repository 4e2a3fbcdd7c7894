// The same-size grow: overflow churn without load, then a compaction that
// keeps B (spec 4.9 - 4.12 and the verified trace at the end of 4.12).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "support/checked_scenario.h"

using namespace gomap;
using namespace gomap::test;

namespace {

std::string key(int round, int i) { return std::to_string(100 * (round + 1) + i); }
uint8_t top(int round, int i) { return uint8_t(0x40 + 16 * round + i); }

// Keeper key 1000 in bucket 3 so count never reaches 0; key(j, i) for
// i = 1..9 in bucket j. All hashes pinned.
std::string pinnedSetup(const std::string& type) {
  std::string text = type + "\nhint 14\nhash 1000 " + std::to_string(pinnedHash(0x30, 3)) + "\n";
  for (int j = 0; j < 4; ++j) {
    for (int i = 1; i <= 9; ++i) {
      text += "hash " + key(j, i) + " " + std::to_string(pinnedHash(top(j, i), uint64_t(j))) + "\n";
    }
  }
  return text + "set 1000 1000\n";
}

std::string roundOps(int j, const char* op, int from, int to) {
  std::string text;
  for (int i = from; i <= to; ++i) text += std::string(op) + " " + key(j, i) + "\n";
  return text;
}

}  // namespace

TEST_CASE("overflow churn triggers a same-size grow exactly as in the spec's trace",
          "[grow][same-size][I6][I7][I8]") {
  CheckedScenario s(pinnedSetup("map[int64]int64"));
  GoMap& m = s.map();
  REQUIRE(m.B() == 2);

  // Rounds 0..2: nine keys into bucket j (one overflow bucket), then deleted.
  for (int j = 0; j < 3; ++j) {
    s.ok(roundOps(j, "set", 1, 9) + roundOps(j, "del", 1, 9));
    CHECK(int(m.noverflow()) == j + 1);
    CHECK(m.count() == 1);
    CHECK_FALSE(m.growing());
  }

  // Round 3: the keeper has slot 0 of bucket 3; seven keys fill it...
  s.ok(roundOps(3, "set", 1, 7));
  CHECK(m.noverflow() == 3);
  // ...the 8th needs an overflow bucket: 3 < 2^2, so no grow yet.
  s.ok("set " + key(3, 8));
  CHECK(m.noverflow() == 4);
  CHECK_FALSE(m.growing());
  CHECK(m.flags() == 0);

  // The 9th sees noverflow 4 >= 2^2: a same-size grow, B stays 2.
  s.ok("set " + key(3, 9));
  CHECK(m.growing());
  CHECK(m.flags() == 8);
  CHECK(m.B() == 2);
  CHECK(m.count() == 10);
  CHECK(m.noldbuckets() == 4);
  // growWork evacuated old bucket 3 (its 9 entries packed into new b3 and
  // one overflow bucket, tophash unchanged) and old bucket 0 (all empty).
  CHECK(show(chainTophashes(m, m.oldbuckets(), 3)) == "[2 2 2 2 2 2 2 2] -> [2 4 4 4 4 4 4 4]");
  CHECK(show(chainTophashes(m, m.oldbuckets(), 0)) == "[4 4 4 4 4 4 4 4] -> [4 4 4 4 4 4 4 4]");
  CHECK(m.nevacuate() == 1);
  CHECK(m.noverflow() == 1);  // the new array's one overflow bucket
  const std::vector<int> round3{0x30,      top(3, 1), top(3, 2), top(3, 3),
                                top(3, 4), top(3, 5), top(3, 6), top(3, 7)};
  CHECK(chainTophashes(m, m.buckets(), 3) ==
        std::vector<std::vector<int>>{round3, {top(3, 8), top(3, 9), 0, 0, 0, 0, 0, 0}});
  CHECK(chainKeys(m, m.buckets(), 3) ==
        std::vector<std::string>{"1000", "401", "402", "403", "404", "405", "406", "407", "408", "409"});
  // Old buckets 1 and 2 are untouched: still all emptyRest, chains intact.
  CHECK(show(chainTophashes(m, m.oldbuckets(), 1)) == "[0 0 0 0 0 0 0 0] -> [0 0 0 0 0 0 0 0]");

  // The next delete evacuates old bucket 1...
  s.ok("del " + key(3, 1));
  CHECK(m.growing());
  CHECK(m.nevacuate() == 2);
  // ...and the second write after the grow finishes it (old 3 was already done).
  s.ok("del " + key(3, 2));
  CHECK_FALSE(m.growing());
  CHECK(m.flags() == 0);
  CHECK(m.oldbuckets() == 0);
  CHECK(m.count() == 8);
  // Compacted: the churned chains of buckets 0..2 are gone.
  for (int b = 0; b < 3; ++b) CHECK(chainLength(m, m.buckets(), b) == 1);
}

TEST_CASE("a same-size grow of a string map unlinks and zeroes each evacuated old bucket",
          "[grow][same-size][pointers]") {
  // Spec 4.11: buckets with pointers and no old iterator have everything
  // but the tophash bytes of the old primary bucket zeroed, overflow link
  // included. Keys come from `collide` here (real hashes) instead of pins.
  CheckedScenario s("map[string]int64\nhint 14\ncollide 3 1");
  GoMap& m = s.map();
  for (int j = 0; j < 3; ++j) {
    Step st = s.one("collide " + std::to_string(j) + " 9");
    REQUIRE(st.hashes.size() == 9);
    std::string dels;
    for (const auto& [k, h] : st.hashes) {
      REQUIRE((h & 3) == uint64_t(j));
      dels += "del " + k + "\n";
    }
    s.ok(dels);
    CHECK(int(m.noverflow()) == j + 1);
  }
  s.ok("collide 3 8");
  CHECK(m.noverflow() == 4);
  CHECK_FALSE(m.growing());
  s.ok("collide 3 1");
  REQUIRE(m.growing());
  CHECK(m.flags() == 8);
  CHECK(m.nevacuate() == 1);

  for (int b : {0, 3}) {
    INFO("old bucket " << b);
    const uint64_t old = m.bucketAddress(m.oldbuckets(), b);
    CHECK(chainLength(m, m.oldbuckets(), b) == 1);  // link zeroed
    CHECK(bytesAt(m, old + 8, m.type().bucketsize - 8) == std::string(m.type().bucketsize - 8, '\0'));
  }
  CHECK(show(tophashes(m, m.bucketAddress(m.oldbuckets(), 3))) == "[2 2 2 2 2 2 2 2]");
  // Unevacuated old buckets keep their (churned, now empty) chains.
  CHECK(chainLength(m, m.oldbuckets(), 1) == 2);
  CHECK(chainKeys(m, m.buckets(), 3).size() == 10);
}

TEST_CASE("an int64 map keeps the bytes and links of its evacuated old buckets", "[grow][pointers]") {
  // Spec 4.11: pointer-free buckets only get their tophash rewritten.
  CheckedScenario s(pinnedSetup("map[int64]int64"));
  for (int j = 0; j < 3; ++j) s.ok(roundOps(j, "set", 1, 9) + roundOps(j, "del", 1, 9));
  s.ok(roundOps(3, "set", 1, 9));
  GoMap& m = s.map();
  REQUIRE(m.sameSizeGrow());
  const uint64_t old3 = m.bucketAddress(m.oldbuckets(), 3);
  CHECK(load64(m, m.keyAt(old3, 0)) == 1000);
  CHECK(load64(m, m.elemAt(old3, 0)) == 1000);
  CHECK(load64(m, m.keyAt(old3, 1)) == 401);
  CHECK(chainLength(m, m.oldbuckets(), 3) == 2);
}
