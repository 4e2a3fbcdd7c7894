// Float keys: +0 and -0 are one key whose stored bytes follow the last
// assignment (need-key-update, spec 4.3 step 5, 7.3, 11.16); and the
// key-rewrite rules of the other variants (6.3, 6.5, 9 item 5).
#include <catch2/catch.hpp>
#include <cstring>
#include <string>
#include <vector>

#include "support/checked_scenario.h"

using namespace gomap;
using namespace gomap::test;

TEST_CASE("setting -0 over an existing 0 rewrites the stored key to -0", "[float][update][zero]") {
  CheckedScenario s;
  s.recordTrace();
  std::vector<Step> st = s.ok("map[float64]int64\nseed 1\nset 0 1\nset -0 2");
  GoMap& m = s.map();
  CHECK(m.count() == 1);
  const uint64_t b = m.buckets();
  CHECK(load64(m, m.keyAt(b, 0)) == 0x8000000000000000ULL);  // the bits of -0
  CHECK(load64(m, m.elemAt(b, 0)) == 2);
  // Same hash for both (spec 7.5: seed 1 -> 0x03ccf7ae04c451e0).
  REQUIRE(st[2].hashes.size() == 1);
  REQUIRE(st[3].hashes.size() == 1);
  CHECK(st[2].hashes[0].second == 0x03ccf7ae04c451e0ULL);
  CHECK(st[3].hashes[0].second == 0x03ccf7ae04c451e0ULL);
  bool updated = false;
  for (const TraceEvent& e : st[3].trace) updated = updated || e.kind == TraceKind::UpdateKey;
  CHECK(updated);
  CHECK(chainKeys(m, b, 0) == std::vector<std::string>{"-0"});

  CHECK(*s.one("get 0").result == "2 true");
  s.ok("set 0 3");
  CHECK(load64(m, m.keyAt(b, 0)) == 0);
  CHECK(chainKeys(m, b, 0) == std::vector<std::string>{"0"});
}

TEST_CASE("an iterator that re-looks-up a moved zero key yields the current -0",
          "[float][zero][iter][grow]") {
  CheckedScenario s;
  s.ok("map[float64]int64\nfill 7\nset 0 100");  // 0 sits in slot 7 of the one bucket
  CHECK(*s.one("range start=0 offset=0").keys == std::vector<std::string>{"1"});
  s.ok("set 8 8");   // grow B 0 -> 1, finished at once: the old bucket is all marks
  s.ok("set -0 5");  // update in the new array, key rewritten
  CHECK(*s.one("next 6").keys == std::vector<std::string>{"2", "3", "4", "5", "6", "7"});
  CHECK(*s.one("next").keys == std::vector<std::string>{"-0"});
  CHECK(int64_t(load64(s.map(), s.runner().iterator().elem)) == 5);
  CHECK(s.one("next").keys->empty());  // 8 lives only in the new array
}

TEST_CASE("infinities are ordinary keys written the way Go prints them", "[float]") {
  CheckedScenario s("map[float64]int64\nset +Inf 1\nset -Inf 2\nset Inf 3\nset 1e300 4\nset 0.000001 5");
  CHECK(s.map().count() == 4);
  CHECK(*s.one("get +Inf").result == "3 true");
  std::vector<std::string> keys = chainKeys(s.map(), s.map().buckets(), 0);
  CHECK(keys == std::vector<std::string>{"+Inf", "-Inf", "1e+300", "1e-06"});
}

TEST_CASE("a float literal beyond float64 is refused, not read as infinity; one below the smallest is 0",
          "[float][errors]") {
  CheckedScenario s("map[float64]int64\nset 1 1");
  for (const char* cmd : {"set 1e400 2", "set -1e309 2", "get 2e308", "del 1e999"}) {
    INFO(cmd);
    std::vector<Step> st = s.run(cmd);
    REQUIRE(st.size() == 1);
    CHECK(st[0].error.find("is too large for a float64; use +Inf or -Inf") != std::string::npos);
  }
  CHECK(s.map().count() == 1);  // nothing inserted
  s.ok("set 1e-400 3");         // as in Go source: underflow rounds to 0
  CHECK(*s.one("get 0").result == "3 true");
}

TEST_CASE("updating a string key rewrites its header only where the variant does",
          "[string][update][variant]") {
  struct Case {
    const char* setup;
    bool pointerChanges;
  };
  const Case cases[] = {
      {"map[string][200]byte", true},            // generic: need-key-update copies the header
      {"map[string]int64", false},               // 1.14 faststr keeps the stored header
      {"map[string]int64\nversion 1.19", true},  // 1.19 faststr stores the new data pointer
  };
  for (const Case& c : cases) {
    INFO(c.setup);
    CheckedScenario s(std::string(c.setup) + "\nset hello");
    GoMap& m = s.map();
    const uint64_t slot = m.keyAt(m.buckets(), 0);
    const uint64_t data = load64(m, slot);
    s.ok("set hello");
    CHECK((load64(m, slot) != data) == c.pointerChanges);
    CHECK(load64(m, slot + 8) == 5);
    CHECK(m.count() == 1);
  }
}

TEST_CASE("integer keys are never rewritten on update", "[update][variant]") {
  CheckedScenario s;
  s.recordTrace();
  std::vector<Step> st = s.ok("map[int64]int64\nset 7 1\nset 7 2");
  for (const TraceEvent& e : st[2].trace) CHECK(e.kind != TraceKind::UpdateKey);
  CHECK(load64(s.map(), s.map().elemAt(s.map().buckets(), 0)) == 2);
}
