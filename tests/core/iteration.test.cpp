// for range: order from a pinned start (spec 5.2), the random start (5.1,
// 8.1), flags, iteration started during a grow, a grow started during
// iteration, and NaN keys (5.2, 7.3, 11.12 - 11.15).
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "hashing.h"
#include "support/checked_scenario.h"

using namespace gomap;
using namespace gomap::test;

namespace {

using Keys = std::vector<std::string>;

Keys keysOf(std::initializer_list<int> ks) {
  Keys out;
  for (int k : ks) out.push_back(std::to_string(k));
  return out;
}

std::string pin(const std::string& key, uint8_t top, uint64_t bucket) {
  return "hash " + key + " " + std::to_string(pinnedHash(top, bucket)) + "\n";
}

// B=2, with pinned hashes: bucket 0 holds 1..8 and its overflow 9, 10;
// bucket 1 holds 11, 12; bucket 2 is empty; bucket 3 holds 31, 32, 33.
std::string chainsAtB2() {
  std::string text = "map[int64]int64\nhint 14\n";
  std::string sets;
  int top = 10;
  auto add = [&](int k, uint64_t b) {
    text += pin(std::to_string(k), uint8_t(top++), b);
    sets += "set " + std::to_string(k) + " " + std::to_string(k) + "\n";
  };
  for (int k = 1; k <= 10; ++k) add(k, 0);
  add(11, 1);
  add(12, 1);
  for (int k = 31; k <= 33; ++k) add(k, 3);
  return text + sets;
}

// 26 keys at B=2 whose hashes carry a third bit, so the grow to B=3 splits
// every old bucket: key k gets low bits (k-1)%4 + 4*(((k-1)/4)%2). Key 27
// (low bits 2) is pinned but not inserted.
std::string splitKeysAtB2() {
  std::string text = "map[int64]int64\nhint 14\n";
  for (int k = 1; k <= 26; ++k) {
    uint64_t low = uint64_t((k - 1) % 4 + 4 * (((k - 1) / 4) % 2));
    text += pin(std::to_string(k), uint8_t(0x20 + k), low);
  }
  text += pin("27", 0x20 + 27, 2);
  for (int k = 1; k <= 26; ++k) text += "set " + std::to_string(k) + " " + std::to_string(k) + "\n";
  return text;
}

}  // namespace

TEST_CASE(
    "iteration visits buckets from start with wrap then chains in link order then slots rotated by offset",
    "[iter][order]") {
  struct Case {
    const char* pinned;
    Keys expected;
  };
  const Case cases[] = {
      // bucket 3 from slot 6 (6, 7 empty; 0, 1, 2); wrap; bucket 0 from slot 6,
      // then its overflow bucket from slot 6 (0 and 1 live); bucket 1; bucket 2 empty.
      {"start=3 offset=6", keysOf({31, 32, 33, 7, 8, 1, 2, 3, 4, 5, 6, 9, 10, 11, 12})},
      {"start=1 offset=1", keysOf({12, 11, 32, 33, 31, 2, 3, 4, 5, 6, 7, 8, 1, 10, 9})},
      {"start=0 offset=0", keysOf({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 31, 32, 33})},
  };
  for (const Case& c : cases) {
    INFO(c.pinned);
    CheckedScenario s(chainsAtB2());
    REQUIRE(s.map().B() == 2);
    Step whole = s.one(std::string("iter ") + c.pinned);
    CHECK(*whole.keys == c.expected);
    CHECK(*whole.result == "end");

    // The same, one step at a time.
    Keys stepped = *s.one(std::string("range ") + c.pinned).keys;
    for (size_t i = 1; i < c.expected.size(); ++i) {
      Step n = s.one("next");
      REQUIRE(n.keys->size() == 1);
      stepped.push_back((*n.keys)[0]);
    }
    CHECK(stepped == c.expected);
    Step end = s.one("next");
    CHECK(end.keys->empty());
    CHECK(*end.result == "end");
  }
}

TEST_CASE("an unpinned iteration draws its start and offset from one fastrand", "[iter][fastrand]") {
  CheckedScenario s("map[int64]int64\nrand 0x12345678 0x9abcdef0\nseed 7\nhint 14\nfill 5");
  // make drew 0xbfc27988 (even with the seed pinned); the first iteration
  // draws 0x271d7368: start = r & 3 = 0, offset = (r >> 2) & 7 = 2.
  FastRand expected = s.map().randState();
  expected.next();
  Step first = s.one("iter");
  CHECK(first.start->startBucket == 0);
  CHECK(int(first.start->offset) == 2);
  CHECK(s.map().randState().a == expected.a);
  CHECK(s.map().randState().b == expected.b);
  // The second draws 0x141a043a: start 2, offset (0x3a >> 2) & 7 = 6.
  Step second = s.one("iter");
  CHECK(second.start->startBucket == 2);
  CHECK(int(second.start->offset) == 6);
}

TEST_CASE("iterating an empty map draws no randomness and sets no flags", "[iter][fastrand][flags]") {
  for (const char* setup :
       {"map[int64]int64\ndump", "map[int64]int64\nset 1\ndel 1", "map[string]int64\nhint 100\ndump"}) {
    INFO(setup);
    CheckedScenario s(setup);
    const FastRand before = s.map().randState();
    const std::string state = s.state();
    Step st = s.one("iter");
    CHECK(st.keys->empty());
    CHECK(*st.result == "end");
    CHECK(s.map().randState().a == before.a);
    CHECK(s.map().randState().b == before.b);
    CHECK(s.map().flags() == 0);
    CHECK(s.state() == state);
  }
}

TEST_CASE("iteration sets flags 3 for good and a later grow turns them into 2", "[iter][flags][I12]") {
  CheckedScenario s("map[int64]int64\nfill 8");
  CHECK(s.map().flags() == 0);
  s.ok("iter");
  CHECK(s.map().flags() == 3);  // iterator | oldIterator, not cleared at the end
  s.ok("iter\nget 3\nset 3 3\ndel 3\nset 3 3");
  CHECK(s.map().flags() == 3);
  s.ok("set 9 9");  // B 0 -> 1
  CHECK(s.map().B() == 1);
  CHECK(s.map().flags() == 2);  // iterator became oldIterator
}

TEST_CASE("an old iterator keeps a string map's evacuated buckets readable", "[iter][grow][pointers]") {
  // Spec 4.11: the old bucket is only zeroed when no iterator may still be
  // reading the old array (oldIterator clear).
  for (bool iterate : {false, true}) {
    INFO("iterated before the grow: " << iterate);
    CheckedScenario s("map[string]int64\nfill 26");
    if (iterate) s.ok("iter");
    s.ok("set k27 27");
    GoMap& m = s.map();
    REQUIRE(m.growing());
    bool sawZeroed = false, sawKept = false;
    for (uint64_t i = 0; i < m.noldbuckets(); ++i) {
      uint64_t b = m.bucketAddress(m.oldbuckets(), i);
      if (m.tophashAt(b, 0) < kEvacuatedX || m.tophashAt(b, 0) > kEvacuatedEmpty) continue;
      const uint64_t len = load64(m, b + m.type().keyOffset(0) + 8);
      (len == 0 ? sawZeroed : sawKept) = true;
    }
    CHECK(sawZeroed == !iterate);
    CHECK(sawKept == iterate);
  }
}

TEST_CASE("an iteration started mid-grow reads unevacuated old buckets filtered by checkBucket",
          "[iter][grow][checkBucket]") {
  CheckedScenario s(splitKeysAtB2() + "set 27 27");
  GoMap& m = s.map();
  // The 27th key grew the map to B=3 and evacuated old 2 (its bucket) and
  // old 0 (nevacuate); old 1 and 3 are still waiting.
  REQUIRE(m.B() == 3);
  REQUIRE(m.growing());
  REQUIRE(m.nevacuate() == 1);

  s.recordTrace();
  const std::string before = s.state();
  Step st = s.one("iter start=0 offset=0");
  // New buckets 0, 2, 4, 6 come from the new array; 1 and 5 both read old
  // bucket 1, 3 and 7 both read old bucket 3, each keeping only its half.
  CHECK(*st.keys == keysOf({1,  9, 17, 25, 2, 10, 18, 26, 3,  11, 19, 27, 4, 12,
                            20, 5, 13, 21, 6, 14, 22, 7,  15, 23, 8,  16, 24}));
  std::vector<uint64_t> oldReads;
  int otherHalf = 0;
  for (const TraceEvent& e : st.trace) {
    if (e.kind == TraceKind::IterBucket && e.old) oldReads.push_back(e.value);
    if (e.kind == TraceKind::IterSkip && e.value == 1) ++otherHalf;
  }
  CHECK(oldReads == std::vector<uint64_t>{1, 3, 5, 7});  // checkBucket of each old read
  CHECK(otherHalf == 13);                                // 7 + 6 entries, each skipped once by the wrong half
  // Iterating does no evacuation work: only the flags changed.
  CHECK(m.nevacuate() == 1);
  CHECK(m.flags() == 3);
  CHECK(s.state().substr(s.state().find(",\"B\"")) == before.substr(before.find(",\"B\"")));
}

TEST_CASE("a grow during iteration keeps the old order but honours deletes and updates", "[iter][grow]") {
  CheckedScenario s(splitKeysAtB2());
  GoMap& m = s.map();
  Keys got = *s.one("range start=0 offset=0").keys;
  for (int i = 0; i < 2; ++i) got.push_back((*s.one("next").keys)[0]);
  CHECK(got == keysOf({1, 5, 9}));

  s.ok("set 27 27");  // grows to B=3; the iterator keeps walking its (now old) array
  CHECK(m.B() == 3);
  CHECK(m.flags() == 2);  // iterator became oldIterator
  s.ok("del 4");          // evacuates the rest: the grow finishes
  CHECK_FALSE(m.growing());
  s.ok("set 6 600");  // an update in the new array

  for (;;) {
    Step n = s.one("next");
    if (n.keys->empty()) break;
    const std::string& k = (*n.keys)[0];
    got.push_back(k);
    const Hiter& it = s.runner().iterator();
    INFO("key " << k);
    CHECK(int64_t(load64(m, it.elem)) == (k == "6" ? 600 : std::stoll(k)));
    // Moved entries are re-looked-up: the yielded slot is the live one.
    CHECK(it.elem >= m.buckets());
  }
  // 4 was deleted before it was reached; 27 was added to the new array only.
  CHECK(got ==
        keysOf({1, 5, 9, 13, 17, 21, 25, 2, 6, 10, 14, 18, 22, 26, 3, 7, 11, 15, 19, 23, 8, 12, 16, 20, 24}));
}

TEST_CASE("without a grow a key deleted before it is reached is skipped and an updated value is seen",
          "[iter]") {
  CheckedScenario s("map[int64]int64\nfill 8");
  CHECK(*s.one("range start=0 offset=0").keys == keysOf({1}));
  s.ok("del 5\nset 3 33");
  Keys got;
  std::vector<int64_t> values;
  for (;;) {
    Step n = s.one("next");
    if (n.keys->empty()) break;
    got.push_back((*n.keys)[0]);
    values.push_back(int64_t(load64(s.map(), s.runner().iterator().elem)));
  }
  CHECK(got == keysOf({2, 3, 4, 6, 7, 8}));
  CHECK(values == std::vector<int64_t>{2, 33, 4, 6, 7, 8});
}

TEST_CASE("NaN keys are each a new entry that is never found but always iterated", "[iter][float][nan]") {
  CheckedScenario s("map[float64]int64\nset NaN 1\nset NaN 2\nset NaN 3\nset 1.5 4");
  GoMap& m = s.map();
  CHECK(m.count() == 4);
  CHECK(*s.one("get NaN").result == "0 false");
  s.ok("del NaN");
  CHECK(m.count() == 4);
  s.ok("set NaN 5");  // not an update: a fifth entry
  CHECK(m.count() == 5);
  Keys keys = *s.one("iter").keys;
  CHECK(std::count(keys.begin(), keys.end(), "NaN") == 4);
  CHECK(std::count(keys.begin(), keys.end(), "1.5") == 1);
}

TEST_CASE("a grow after iteration ended evacuates NaN keys by their fresh random hash",
          "[iter][grow][float][nan][fastrand]") {
  // hashGrow turns the iterator flag into oldIterator, so evacuate's NaN
  // rule (which tests the iterator flag, spec 4.11) does not apply: the NaN
  // is hashed again (one fastrand each, slot order), goes by that hash's
  // new bit, and keeps its old tophash.
  CheckedScenario s(
      "map[float64]int64\nseed 0\nset NaN\nset NaN\nset NaN\nset NaN\nset NaN\nset 1\nset 2\nset 3\niter");
  GoMap& m = s.map();
  REQUIRE(m.flags() == 3);
  const std::vector<int> oldTops = tophashes(m, m.buckets());
  FastRand r = m.randState();
  s.recordTrace();
  const std::vector<TraceEvent> trace = s.one("set 4").trace;  // the 9th key: B 0 -> 1, finished at once
  REQUIRE(m.B() == 1);
  REQUIRE_FALSE(m.growing());
  int nans = 0, others = 0;
  for (const TraceEvent& e : trace) {
    if (e.kind != TraceKind::EvacuateEntry) continue;
    const int useY = int(e.value2 >> 8) & 1;
    INFO("old slot " << int(e.slot));
    CHECK(int(e.tophash) == oldTops[e.slot]);
    if (e.slot < 5) {  // the NaNs sit in slots 0..4
      ++nans;
      CHECK(useY == int(floatNaNHash(0, r.next()) & 1));
    } else {  // 1, 2, 3 go by their own hash's new bit (newbit = 1)
      ++others;
      CHECK(useY == int(m.hashOf(f64(double(e.slot - 4))) & 1));
    }
  }
  CHECK(nans == 5);
  CHECK(others == 3);
  CHECK(m.randState().a == r.a);
  CHECK(m.randState().b == r.b);
}

TEST_CASE(
    "with an iterator started mid-grow NaN keys follow their old tophash's low bit and get a fresh tophash",
    "[iter][grow][float][nan][fastrand]") {
  CheckedScenario s;
  std::string text = "map[float64]int64\nseed 0\n";
  for (int i = 0; i < 10; ++i) text += "set NaN " + std::to_string(100 + i) + "\n";
  s.ok(text + "fill 16\nset 17");  // 26 entries at B=2, then the 27th grows to B=3
  GoMap& m = s.map();
  REQUIRE(m.growing());
  s.ok("iter start=0 offset=0");  // sets the iterator flag again, during the grow
  REQUIRE((m.flags() & kFlagIterator) != 0);

  // Old tophash of every still unevacuated old slot, by address.
  std::vector<std::pair<uint64_t, int>> oldTop;
  for (uint64_t i = 0; i < m.noldbuckets(); ++i) {
    for (uint64_t b = m.bucketAddress(m.oldbuckets(), i); b != 0; b = m.overflowOf(b)) {
      for (int k = 0; k < 8; ++k) oldTop.emplace_back(b + uint64_t(k), m.tophashAt(b, k));
    }
  }
  auto topAt = [&](uint64_t addr) {
    for (const auto& [a, t] : oldTop) {
      if (a == addr) return t;
    }
    FAIL("no recorded tophash at that address");
    return -1;
  };

  FastRand r = m.randState();
  s.recordTrace();
  int nans = 0;
  for (int k = 18; m.growing(); ++k) {
    REQUIRE(k < 30);
    for (const TraceEvent& e : s.one("set " + std::to_string(k)).trace) {
      if (e.kind != TraceKind::EvacuateEntry) continue;
      double key;
      std::memcpy(&key, m.heap().at(m.keyAt(e.address, e.slot)), 8);  // old bytes stay (no pointers)
      if (!std::isnan(key)) continue;
      ++nans;
      const int before = topAt(e.address + e.slot);
      CHECK((int(e.value2 >> 8) & 1) == (before & 1));
      CHECK(int(e.tophash) == int(tophash(floatNaNHash(0, r.next()))));
    }
  }
  CHECK(nans >= 1);
  CHECK(m.randState().a == r.a);
  CHECK(m.randState().b == r.b);
}
