// mapdelete: emptyOne vs emptyRest and its back-propagation across overflow
// buckets (spec 4.4, worked example), hole reuse (11.8), and how lookups use
// emptyRest (4.1 vs 6.2/6.5).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "support/checked_scenario.h"

using namespace gomap;
using namespace gomap::test;

namespace {

using Chain = std::vector<std::vector<int>>;

// Spec 4.4's nine keys, all in bucket 0 at B=2, with the tophash bytes of
// the verified run: eight fill bucket 0, the ninth opens an overflow bucket.
const int kTops[9] = {252, 101, 255, 153, 38, 180, 125, 122, 180};

std::string nineKeysInBucket0(const std::string& type) {
  std::string text = type + "\nhint 14\n";
  for (int k = 1; k <= 9; ++k) {
    text += "hash " + std::to_string(k) + " " + std::to_string(pinnedHash(uint8_t(kTops[k - 1]), 0)) + "\n";
  }
  for (int k = 1; k <= 9; ++k) text += "set " + std::to_string(k) + "\n";
  return text;
}

Chain bucket0(CheckedScenario& s) { return chainTophashes(s.map(), s.map().buckets(), 0); }

const char* const kTypes[] = {"map[int64]int64", "map[int32][4]byte", "map[string]int64", "map[float64]int64",
                              "map[[200]byte][200]byte"};

}  // namespace

TEST_CASE("deleting the spec's nine keys reproduces its tophash arrays exactly", "[delete][emptyRest][I2]") {
  // Same bytes whatever the variant (fast64, fast32, faststr, generic,
  // generic with indirect slots): the emptyRest logic is shared.
  const std::string type = GENERATE(from_range(std::begin(kTypes), std::end(kTypes)));
  INFO(type);
  CheckedScenario s(nineKeysInBucket0(type));
  REQUIRE(s.map().B() == 2);
  CHECK(show(bucket0(s)) == "[252 101 255 153 38 180 125 122] -> [180 0 0 0 0 0 0 0]");
  CHECK(s.map().noverflow() == 1);

  s.ok("del 9");  // the overflow key
  CHECK(show(bucket0(s)) == "[252 101 255 153 38 180 125 122] -> [0 0 0 0 0 0 0 0]");

  s.ok("del 8");  // slot 7: the overflow bucket starts with emptyRest, so 7 is emptyRest
  CHECK(show(bucket0(s)) == "[252 101 255 153 38 180 125 0] -> [0 0 0 0 0 0 0 0]");
  s.ok("del 6");  // slot 5: slot 6 is live, so only emptyOne
  CHECK(show(bucket0(s)) == "[252 101 255 153 38 1 125 0] -> [0 0 0 0 0 0 0 0]");

  s.ok("del 7");  // slot 6 -> emptyRest, and the emptyOne at 5 before it too
  CHECK(show(bucket0(s)) == "[252 101 255 153 38 0 0 0] -> [0 0 0 0 0 0 0 0]");

  // Deleting never frees the overflow bucket nor lowers noverflow.
  CHECK(chainLength(s.map(), s.map().buckets(), 0) == 2);
  CHECK(s.map().noverflow() == 1);
  CHECK(s.map().count() == 5);
}

TEST_CASE("emptyRest propagates back from an overflow bucket into the primary bucket",
          "[delete][emptyRest][I2]") {
  const std::string type = GENERATE(from_range(std::begin(kTypes), std::end(kTypes)));
  INFO(type);
  CheckedScenario s(nineKeysInBucket0(type));
  s.ok("del 6\ndel 7\ndel 8");  // slots 5..7: the overflow key still lives after them
  CHECK(show(bucket0(s)) == "[252 101 255 153 38 1 1 1] -> [180 0 0 0 0 0 0 0]");
  s.ok("del 9");  // now the run of emptyOne before it becomes emptyRest, across the link
  CHECK(show(bucket0(s)) == "[252 101 255 153 38 0 0 0] -> [0 0 0 0 0 0 0 0]");
  s.ok("del 1");  // slot 0 with live slots after it: emptyOne
  CHECK(show(bucket0(s)) == "[1 101 255 153 38 0 0 0] -> [0 0 0 0 0 0 0 0]");
  s.ok("del 5\ndel 4\ndel 3\ndel 2");  // ... until the whole chain is emptyRest
  CHECK(show(bucket0(s)) == "[0 0 0 0 0 0 0 0] -> [0 0 0 0 0 0 0 0]");
  CHECK(s.map().count() == 0);
}

TEST_CASE("a new key takes the first hole of its chain", "[delete][insert][holes]") {
  const std::string type = GENERATE(from_range(std::begin(kTypes), std::end(kTypes)));
  INFO(type);
  CheckedScenario s(nineKeysInBucket0(type));
  s.ok("del 9\ndel 8\ndel 6");
  REQUIRE(show(bucket0(s)) == "[252 101 255 153 38 1 125 0] -> [0 0 0 0 0 0 0 0]");
  s.ok("hash 10 " + std::to_string(pinnedHash(77, 0)) + "\nhash 11 " + std::to_string(pinnedHash(78, 0)) +
       "\nhash 12 " + std::to_string(pinnedHash(79, 0)));
  s.ok("set 10");  // the emptyOne hole at slot 5, not the end
  CHECK(show(bucket0(s)) == "[252 101 255 153 38 77 125 0] -> [0 0 0 0 0 0 0 0]");
  s.ok("set 11");
  CHECK(show(bucket0(s)) == "[252 101 255 153 38 77 125 78] -> [0 0 0 0 0 0 0 0]");
  s.ok("set 12");  // the old overflow bucket is reused, no new one
  CHECK(show(bucket0(s)) == "[252 101 255 153 38 77 125 78] -> [79 0 0 0 0 0 0 0]");
  CHECK(s.map().noverflow() == 1);
}

TEST_CASE("only the generic lookup stops at emptyRest", "[delete][lookup][emptyRest]") {
  // Spec 4.1 step 5 (generic stops), 6.2 and 6.5 (fast paths scan the chain).
  struct Case {
    const char* type;
    int stops;
  };
  const Case cases[] = {{"map[float64]int64", 1}, {"map[int64]int64", 0}, {"map[string]int64", 0}};
  for (const Case& c : cases) {
    INFO(c.type);
    CheckedScenario s(nineKeysInBucket0(c.type));
    s.ok("del 9\ndel 8\ndel 6\ndel 7\nhash 99 " + std::to_string(pinnedHash(99, 0)));
    s.recordTrace();
    Step st = s.one("get 99");
    CHECK(*st.result == "0 false");
    int stops = 0, stopSlot = -1;
    for (const TraceEvent& e : st.trace) {
      if (e.kind == TraceKind::StopAtEmptyRest) ++stops, stopSlot = e.slot;
    }
    CHECK(stops == c.stops);
    if (c.stops) CHECK(stopSlot == 5);
  }
}

TEST_CASE("deleting from an empty map hashes nothing and changes nothing", "[delete]") {
  CheckedScenario s("map[float64]int64\nset 1\ndel 1");
  const std::string before = s.state();
  const FastRand r = s.map().randState();
  Step st = s.one("del NaN");  // a NaN would draw a random number if it were hashed
  CHECK(st.error == "");
  CHECK(st.hashes.empty());
  CHECK(s.state() == before);
  CHECK(s.map().randState().a == r.a);
  CHECK(s.map().randState().b == r.b);
}

TEST_CASE("deleting an absent key changes no byte when not growing", "[delete]") {
  CheckedScenario s(nineKeysInBucket0("map[int64]int64"));
  const std::string before = s.state();
  s.ok("del 1000\ndel -5");
  CHECK(s.state() == before);
}
