// Memory as a budget (issue 18): every buffer of the model takes its room
// from MemoryBudget (core/sim_heap.h) before it grows, a request that does
// not fit is a clear error with the map exactly as it was, and everything
// taken is given back when a map goes away.
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "go_map.h"
#include "invariants.h"
#include "sim_heap.h"
#include "support/checked_scenario.h"

using namespace gomap;
using namespace gomap::test;

namespace {

// A lower ceiling for one test, so reaching it costs megabytes, not a gigabyte.
class CeilingForTest {
 public:
  explicit CeilingForTest(uint64_t bytes) : old_(MemoryBudget::setCeilingForTests(bytes)) {}
  ~CeilingForTest() { MemoryBudget::setCeilingForTests(old_); }

 private:
  uint64_t old_;
};

// Runs body(base), base being the budget in use before it, under a ceiling
// `headroom` bytes above base (0: the ceiling as it is), and requires every
// byte body took to be given back.
template <class Body>
void requireGivenBack(uint64_t headroom, Body&& body) {
  const uint64_t base = MemoryBudget::inUse();
  std::optional<CeilingForTest> ceiling;
  if (headroom != 0) ceiling.emplace(base + headroom);
  body(base);
  CHECK(MemoryBudget::inUse() == base);
}

void expectRefused(CheckedScenario& s, const std::string& command, const std::string& why) {
  const std::string before = s.hasMap() ? s.state() : "";
  const std::vector<uint8_t> bytes = s.hasMap() ? s.map().heap().bytes() : std::vector<uint8_t>();
  Step st = s.one(command);
  INFO(command);
  CHECK_THAT(st.error, Catch::Contains(why));
  if (!before.empty()) {
    CHECK(s.state() == before);
    CHECK(s.map().heap().bytes() == bytes);
  }
}

}  // namespace

TEST_CASE("the default ceiling is 1 GiB and a map's heap is half of it", "[budget]") {
  CHECK(MemoryBudget::kDefaultCeiling == (uint64_t(1) << 30));
  CHECK(MemoryBudget::ceiling() == MemoryBudget::kDefaultCeiling);
  CHECK(Limits().maxHeapBytes == (uint64_t(512) << 20));
}

TEST_CASE("a heap grows by at most four times and never past its limit", "[budget][heap]") {
  requireGivenBack(0, [&](uint64_t base) {
    const uint64_t limit = 3 << 20;
    SimHeap h(limit);
    uint64_t last = 0;
    while (h.used() + 4096 <= limit) {
      const uint64_t before = h.footprint();
      h.alloc(4096);
      if (h.footprint() != before) {
        // Natively a big heap may reserve its whole limit at once; under
        // wasm each step is at most 4x. Never past the limit either way.
        CHECK(h.footprint() <= limit);
        CHECK((before == 0 || h.footprint() <= 4 * before || h.footprint() == limit));
      }
      last = h.footprint();
    }
    CHECK(last <= limit);
    CHECK(MemoryBudget::inUse() == base + h.footprint());
    CHECK_FALSE(h.makeRoom(limit).ok());  // over the limit: refused, nothing changes
    CHECK(h.footprint() == last);
  });
}

TEST_CASE("issue 18: hint 900000 on [128]byte/[128]byte is refused, not an abort", "[budget][hint]") {
  requireGivenBack(0, [&](uint64_t) {
    CheckedScenario s;
    std::vector<Step> steps = s.run("map[[128]byte][128]byte\nhint 900000\nset a\nset b");
    CHECK_THAT(
        steps[2].error,
        Catch::StartsWith("line 3: hint 900000 needs more memory than the simulated heap allows (512 MiB)"));
    CHECK_THAT(steps[3].error, Catch::StartsWith("line 4: hint 900000"));
    CHECK_FALSE(s.hasMap());
  });
}

TEST_CASE("a hint the budget cannot hold is refused; the module stays usable and memory comes back",
          "[budget][hint]") {
  requireGivenBack(64 << 20, [&](uint64_t) {
    CheckedScenario big;
    // 200000 / 6.5 -> B 15: 34816 buckets of 2064 bytes, 68 MiB: within the
    // heap's limit, over the budget.
    CheckedScenario holder;
    holder.ok("map[[128]byte][128]byte\nhint 10000\nfill 10000");
    big.run("map[[128]byte][128]byte\nhint 200000");
    Step st = big.one("set a 1");
    CHECK_THAT(st.error,
               Catch::StartsWith("line 3: hint 200000: out of memory: growing the simulated heap to"));
    CHECK_THAT(st.error, Catch::Contains("memory budget (64 MiB, shared by every map, snapshot and trace)"));
    CHECK_FALSE(big.hasMap());
    CHECK(MemoryBudget::inUse() <= MemoryBudget::ceiling());
    // Still usable: the other map carries on, a small one is made.
    holder.ok("set k1 2\nget k1");
    CheckedScenario small;
    small.ok("map[int64]int64\nfill 1000");
  });
}

TEST_CASE("a fill the budget cannot hold is refused before any byte changes", "[budget][fill]") {
  requireGivenBack(16 << 20, [&](uint64_t) {
    CheckedScenario s("map[string]int64\nfill 1000");
    expectRefused(s, "fill 200000", "out of memory: growing the simulated heap to");
    CHECK(s.map().count() == 1000);
    s.ok("fill 1000\nget k1500");  // still usable, and keys continue after the refused fill
    CHECK(s.map().count() == 2000);
    CHECK(MemoryBudget::inUse() <= MemoryBudget::ceiling());
  });
}

TEST_CASE("a set the budget cannot hold is refused before any byte changes", "[budget][set]") {
  requireGivenBack(4 << 20, [&](uint64_t) {
    CheckedScenario s("map[[128]byte][128]byte");
    // Sets one by one until the worst case of the next one (a doubled array)
    // no longer fits: that set is refused whole.
    std::string refused;
    for (int i = 0; i < 5000 && refused.empty(); ++i) {
      const std::vector<uint8_t> before = s.hasMap() ? s.map().heap().bytes() : std::vector<uint8_t>();
      const uint64_t count = s.hasMap() ? s.map().count() : 0;
      Step st = s.one("set k" + std::to_string(i));
      if (!st.error.empty()) {
        refused = st.error;
        CHECK(s.map().heap().bytes() == before);
        CHECK(s.map().count() == count);
      }
    }
    CHECK_THAT(refused, Catch::Contains("memory budget (4 MiB"));
    s.ok("get k1\ndel k1\niter");  // still usable: reads and deletes need no room
    CHECK(checkInvariants(s.map()) == "");
  });
}

TEST_CASE("a traced operation whose journal outgrows the budget completes; nothing winds back half-way",
          "[budget][journal]") {
  requireGivenBack(24 << 20, [&](uint64_t) {
    MapConfig cfg;
    REQUIRE(parseMapType("map[[128]byte]int64", &cfg.type).ok());
    GoMap m;
    REQUIRE(GoMap::create(cfg, &m).ok());
    Trace trace;
    m.setTrace(&trace);
    m.startJournal();
    // The heap's room for the batch is reserved first; the journal of every
    // byte it replaces does not fit beside it, so the journal is dropped.
    REQUIRE(m.checkCapacity(20000).ok());
    for (int i = 0; i < 20000; ++i) {
      std::string key = "k" + std::to_string(i);
      key.resize(128, '\0');
      m.setUnchecked(key, i64(i));
    }
    m.stopJournal();
    m.setTrace(nullptr);
    CHECK(m.count() == 20000);
    CHECK(m.heap().journalLost());
    const std::vector<uint8_t> after = m.heap().bytes();
    m.rollbackTo(0);
    CHECK(m.heap().bytes() == after);  // no half-way state
    CHECK(checkInvariants(m) == "");
    CHECK(MemoryBudget::inUse() <= MemoryBudget::ceiling());
  });
}

TEST_CASE("a copy of a map counts against the budget and gives it back", "[budget][copy]") {
  requireGivenBack(0, [&](uint64_t base) {
    CheckedScenario s("map[int64]int64\nfill 5000");
    const uint64_t one = MemoryBudget::inUse();
    CHECK(one > base);
    {
      GoMap copy = s.map();
      CHECK(MemoryBudget::inUse() == one + copy.heap().footprint());
      CHECK(copy.heap().footprint() >= s.map().heap().used());
    }
    CHECK(MemoryBudget::inUse() == one);
  });
}

TEST_CASE("a heap made room for in slices: same bytes, counted while copied, stale copies dropped",
          "[budget][heap][slices]") {
  // The page's fill (web/player/player.mjs) moves a big heap this way, so no
  // slice of its work blocks for long (issue 18).
  requireGivenBack(0, [&](uint64_t base) {
    SimHeap h(64 << 20);
    const uint64_t first = h.alloc(1 << 20);
    for (uint64_t i = 0; i < (1 << 20); i += 4096) h.store64(first + i, i * 7 + 1);
    const uint64_t cap = h.footprint();
    const uint64_t need = cap - h.used() + (4 << 20);  // cannot fit without moving
    bool ready = true;

    // A write between slices makes the partial copy stale: it is dropped
    // (its memory given back) and the next call starts over.
    REQUIRE(h.prepareRoom(need, 256 << 10, ready).ok());
    CHECK_FALSE(ready);
    CHECK(h.footprint() > cap);
    CHECK(MemoryBudget::inUse() == base + h.footprint());
    h.store64(first, 42);
    CHECK(h.footprint() == cap);
    CHECK(MemoryBudget::inUse() == base + cap);

    const std::vector<uint8_t> before = h.bytes();
    int calls = 0;
    do {
      ++calls;
      REQUIRE(h.prepareRoom(need, 256 << 10, ready).ok());
      // While copying, the heap and its copy are both counted; the bytes stand.
      CHECK(MemoryBudget::inUse() == base + h.footprint());
      CHECK(h.bytes() == before);
    } while (!ready && calls < 100);
    CHECK(ready);
    CHECK(calls == 4);  // 1 MiB in slices of 256 KiB, the last one swaps
    CHECK(h.load64(first) == 42);
    CHECK(h.load64(first + 4096) == 4096 * 7 + 1);
    CHECK(h.bytes().capacity() - h.used() >= need);
    // The room is there: makeRoom does not move the heap again.
    const uint8_t* at = h.bytes().data();
    CHECK(h.makeRoom(need).ok());
    CHECK(h.bytes().data() == at);

    // Over the limit: refused as makeRoom is, nothing taken.
    const uint64_t held = h.footprint();
    CHECK_FALSE(h.prepareRoom(64 << 20, 1 << 20, ready).ok());
    CHECK(h.footprint() == held);
  });
}

TEST_CASE("a fill prepared in slices runs without moving the heap and as an unprepared one",
          "[budget][fill][slices]") {
  CheckedScenario prepared, plain;
  prepared.ok("map[int64]int64\nseed 3\nfill 100");
  plain.ok("map[int64]int64\nseed 3\nfill 100");
  ScenarioRunner& r = prepared.runner();
  int calls = 1;
  while (!r.prepareFill(200000, 1024)) ++calls;
#if defined(__EMSCRIPTEN__)
  CHECK(calls > 1);  // (natively the first growth reserves 256 MiB of address space at once)
#endif
  const uint8_t* at = prepared.map().heap().bytes().data();
  prepared.ok("fill 200000");
  plain.ok("fill 200000");
  CHECK(prepared.map().heap().bytes().data() == at);
  CHECK(prepared.state() == plain.state());
  CHECK(prepared.map().heap().bytes() == plain.map().heap().bytes());
}

TEST_CASE("a trace takes its events and their JSON's room from the budget; past it the trace stops",
          "[budget][trace]") {
  // A traced operation's events become JSON for a viewer (trace_json, the
  // sessions): both are counted, so tracing a huge operation cannot take
  // memory the budget has not granted; the operation itself is not refused.
  requireGivenBack(0, [&](uint64_t base) {
    Trace t;
    for (int i = 0; i < 1000; ++i) t.push(TraceEvent{});
    CHECK(t.events.size() == 1000);
    CHECK_FALSE(t.truncated);
    CHECK(t.footprint() >= 1000 * (sizeof(TraceEvent) + Trace::kJsonBytesPerEvent));
    CHECK(MemoryBudget::inUse() == base + t.footprint());
    {
      CeilingForTest low(MemoryBudget::inUse() + (1 << 20));
      for (int i = 0; i < 100000; ++i) t.push(TraceEvent{});
      CHECK(t.truncated);
      CHECK(t.events.size() < 100000);
      CHECK(MemoryBudget::inUse() <= MemoryBudget::ceiling());
    }
    Trace copy = t;
    CHECK(MemoryBudget::inUse() == base + t.footprint() + copy.footprint());
    t.clear();
    CHECK(t.footprint() == 0);
    CHECK_FALSE(t.truncated);
  });

  // Through the runner: a traced fill with no room for its trace completes
  // untraced past that point, and the map is what an untraced fill makes.
  CheckedScenario traced, plain;
  traced.ok("map[int64]int64\nseed 5\nfill 10");
  plain.ok("map[int64]int64\nseed 5\nfill 10");
  Trace trace;
  traced.runner().setTrace(&trace);
  {
    CeilingForTest low(MemoryBudget::inUse() + (8 << 20));
    traced.ok("fill 20000");
  }
  traced.runner().setTrace(nullptr);
  plain.ok("fill 20000");
  CHECK(trace.truncated);
  CHECK(traced.state() == plain.state());
}
