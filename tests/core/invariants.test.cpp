// The invariant checker itself: a healthy map passes, and each numbered
// invariant I1..I12 (core/invariants.h) is reported by number when a copy of
// a map is corrupted on purpose.
//
// GoMap exposes its heap read-only. These tests write through
// const_cast<SimHeap&>(copy.heap()): legal because the GoMap object itself
// is not const, and confined to copies made here, so no real map is touched.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "invariants.h"
#include "support/checked_scenario.h"

using namespace gomap;
using namespace gomap::test;

namespace {

// A private copy of the scenario's map that the test may scribble on.
GoMap corruptible(CheckedScenario& s) {
  GoMap copy = s.map();
  copy.setTrace(nullptr);
  copy.setHashLog(nullptr);
  return copy;
}

// The same, of the map a scenario leaves (every command must succeed).
GoMap corruptibleAfter(std::string_view text) {
  CheckedScenario s(text);
  return corruptible(s);
}

SimHeap& bytes(GoMap& m) { return const_cast<SimHeap&>(m.heap()); }

void expectBroken(GoMap& m, int number) {
  const std::string broken = checkInvariants(m);
  INFO(broken);
  CHECK_THAT(broken, Catch::StartsWith("I" + std::to_string(number) + ":"));
}

}  // namespace

TEST_CASE("a healthy map passes the checker and a copy passes too", "[invariants]") {
  CheckedScenario s("map[string]int64\nfill 30\ndel k3\niter");
  CHECK(checkInvariants(s.map()) == "");
  GoMap copy = corruptible(s);
  CHECK(checkInvariants(copy) == "");
}

TEST_CASE("I1 count must equal the live slots", "[invariants][I1]") {
  GoMap m = corruptibleAfter("map[int64]int64\nfill 5");
  bytes(m).store64(m.hmapAddress() + hmap::count, 6);
  expectBroken(m, 1);
}

TEST_CASE("I2 nothing may live after an emptyRest slot", "[invariants][I2]") {
  GoMap m = corruptibleAfter("map[int64]int64\nfill 4");
  bytes(m).store8(m.buckets() + 1, kEmptyRest);  // slots 2 and 3 still live
  expectBroken(m, 2);
}

TEST_CASE("I3 a live slot's tophash must be its key's", "[invariants][I3]") {
  GoMap m = corruptibleAfter("map[int64]int64\nfill 4");
  const uint8_t t = m.tophashAt(m.buckets(), 2);
  bytes(m).store8(m.buckets() + 2, uint8_t(t == 255 ? 254 : t + 1));
  expectBroken(m, 3);
}

TEST_CASE("I4 a live key must sit in the bucket its hash selects", "[invariants][I4]") {
  CheckedScenario s("map[int64]int64\nhint 14\nhash 5 " + std::to_string(pinnedHash(77, 1)) + "\nset 5");
  GoMap m = corruptible(s);
  // The slot moved, tophash and all, to another bucket of the array: only
  // the placement is wrong now. (pinHash refuses a stored key, so the
  // bytes are moved by hand.)
  REQUIRE(m.B() == 2);
  const uint64_t from = m.bucketAddress(m.buckets(), 1), to = m.bucketAddress(m.buckets(), 2);
  REQUIRE(m.tophashAt(from, 0) == 77);
  REQUIRE(m.tophashAt(to, 0) == kEmptyRest);
  const MapType& t = m.type();
  bytes(m).store8(to, 77);
  bytes(m).copy(to + t.keyOffset(0), from + t.keyOffset(0), t.keysize);
  bytes(m).copy(to + t.elemOffset(0), from + t.elemOffset(0), t.elemsize);
  bytes(m).zero(from + t.keyOffset(0), t.keysize);
  bytes(m).zero(from + t.elemOffset(0), t.elemsize);
  bytes(m).store8(from, kEmptyRest);
  expectBroken(m, 4);
}

TEST_CASE("I5 the current array holds no evacuation marks", "[invariants][I5]") {
  GoMap m = corruptibleAfter("map[int64]int64\nfill 3");
  bytes(m).store8(m.buckets() + 5, kEvacuatedEmpty);
  expectBroken(m, 5);
}

TEST_CASE("I6 an evacuated old chain holds only marks", "[invariants][I6]") {
  GoMap m = corruptibleAfter("map[int64]int64\nfill 27");
  REQUIRE(m.growing());
  const uint64_t old0 = m.bucketAddress(m.oldbuckets(), 0);
  REQUIRE(m.nevacuate() >= 1);  // old bucket 0 is evacuated
  bytes(m).store8(old0 + 3, 77);
  expectBroken(m, 6);
}

TEST_CASE("I7 nevacuate stays below the old bucket count while growing", "[invariants][I7]") {
  GoMap m = corruptibleAfter("map[int64]int64\nfill 27");
  REQUIRE(m.growing());
  bytes(m).store64(m.hmapAddress() + hmap::nevacuate, m.noldbuckets());
  expectBroken(m, 7);
}

TEST_CASE("I8 noverflow counts the linked overflow buckets below B 16", "[invariants][I8]") {
  CheckedScenario s;
  s.ok("map[int64]int64\nfill 8");  // one full bucket, no overflow
  GoMap m = corruptible(s);
  bytes(m).store8(m.hmapAddress() + hmap::noverflow, 1);
  expectBroken(m, 8);
}

TEST_CASE("I9 every live key is found by lookup at its own slot", "[invariants][I9]") {
  // +0 in slot 0; slot 1 rewritten to hold -0 with the same tophash: the
  // bytes differ (so I10 does not fire) but lookup of -0 finds slot 0.
  GoMap m = corruptibleAfter("map[float64]int64\nset 0 1\nset 5 2");
  const uint64_t b = m.buckets();
  bytes(m).store8(b + 1, m.tophashAt(b, 0));
  bytes(m).store64(m.keyAt(b, 1), 0x8000000000000000ULL);
  expectBroken(m, 9);
}

TEST_CASE("I10 no key is stored twice", "[invariants][I10]") {
  GoMap m = corruptibleAfter("map[int64]int64\nset 1\nset 2");
  const uint64_t b = m.buckets();
  bytes(m).store8(b + 1, m.tophashAt(b, 0));
  bytes(m).store64(m.keyAt(b, 1), 1);
  expectBroken(m, 10);
}

TEST_CASE("I11 the last spare bucket carries the sentinel while spares remain", "[invariants][I11]") {
  GoMap m = corruptibleAfter("map[int64]int64\nhint 53\nset 1");
  bytes(m).store64(m.bucketAddress(m.buckets(), 17) + m.type().overflowOffset(), 0);
  expectBroken(m, 11);
}

TEST_CASE("I12 hashWriting is never left set", "[invariants][I12]") {
  GoMap m = corruptibleAfter("map[int64]int64\nset 1");
  bytes(m).store8(m.hmapAddress() + hmap::flags, kFlagHashWriting);
  expectBroken(m, 12);
}
