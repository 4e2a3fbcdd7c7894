// The one way the tests run scenario text: through ScenarioRunner, with the
// invariant checker (core/invariants.h) run after EVERY command. A broken
// invariant fails the running test case with the checker's message ("I3:
// ...") and the line that broke it.
//
//   CheckedScenario s;
//   s.run("map[int64]int64\nseed 0\nfill 9");   // commands may fail; see Step::error
//   s.ok("del 3");                               // REQUIREs that no command fails
//   CHECK(s.map().B() == 1);
//   CheckedScenario t("map[int64]int64\nfill 9");  // set-up text, run through ok()
//
// Text handed to successive run() calls continues the same scenario: line
// numbers keep counting, so messages name the line as if it were one file.
#pragma once
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "go_map.h"
#include "json_dump.h"
#include "scenario_parse.h"
#include "scenario_runner.h"
#include "trace.h"

namespace gomap::test {

// A row of the refusal tables: an input (a command, a type, scenario text)
// and the words its error must hold.
struct Refusal {
  const char* input;
  const char* why;
};

// What one command did, copied out of the runner's Outcome.
struct Step {
  int line = 0;
  std::string op;
  bool isOperation = false;
  std::string error;  // "line 7: why", empty on success
  std::optional<std::string> result;
  std::optional<std::vector<std::string>> keys;
  std::optional<IterPin> start;
  GoMap::HashLog hashes;
  std::string dump;               // the gomap CLI's JSON line (only with recordDumps)
  std::vector<TraceEvent> trace;  // this command's micro-steps (only with recordTrace)
};

class CheckedScenario {
 public:
  explicit CheckedScenario(Limits limits = {}) : runner_(limits) {}
  // Runs `setup` at once, as ok() does (every command must succeed).
  explicit CheckedScenario(std::string_view setup) : CheckedScenario(Limits{}) { ok(setup); }
  CheckedScenario(const CheckedScenario&) = delete;
  CheckedScenario& operator=(const CheckedScenario&) = delete;

  // Runs every command of `text`, checking the invariants after each one.
  std::vector<Step> run(std::string_view text);
  // run(), and REQUIRE that no command failed.
  std::vector<Step> ok(std::string_view text);
  // Runs one command and returns its step (REQUIREs exactly one command).
  Step one(std::string_view command);

  // Record each operation's JSON line exactly as `gomap` prints it
  // (`gomap --trace` when withTrace).
  void recordDumps(bool withTrace = false);
  // Record each operation's trace events into Step::trace.
  void recordTrace();

  bool hasMap() const { return runner_.hasMap(); }
  GoMap& map();
  ScenarioRunner& runner() { return runner_; }
  // dumpState of the map, or "" when there is none yet.
  std::string state() const;

 private:
  ScenarioRunner runner_;
  std::deque<Command> commands_;  // Outcome::command points in here
  int lines_ = 0;
  Trace trace_;
  bool traceOn_ = false;
  bool dumps_ = false;
  DumpOptions dumpOptions_;
};

// --- reading bucket memory through GoMap's read-only window.

// The 8 tophash bytes of one bucket.
std::vector<int> tophashes(const GoMap& m, uint64_t bucket);
// Tophash bytes of a whole chain: primary bucket first, then its overflow
// buckets in link order.
std::vector<std::vector<int>> chainTophashes(const GoMap& m, uint64_t array, uint64_t index);
// Keys (as text) of the live slots of a chain, in slot order.
std::vector<std::string> chainKeys(const GoMap& m, uint64_t array, uint64_t index);
// Number of buckets in a chain (1 + overflow buckets).
size_t chainLength(const GoMap& m, uint64_t array, uint64_t index);

uint64_t load64(const GoMap& m, uint64_t addr);
std::string bytesAt(const GoMap& m, uint64_t addr, size_t n);

// The map type `name` spells (REQUIREs that it parses).
MapType typeOf(const std::string& name);

// Value bytes as GoMap's API takes them.
std::string i64(int64_t v);
std::string f64(double v);

// A hash that lands in `bucket` (at any B with 2^B > bucket) with tophash `top`.
constexpr uint64_t pinnedHash(uint8_t top, uint64_t bucket) { return uint64_t(top) << 56 | bucket; }

// "[1 2 3]" for messages.
std::string show(const std::vector<int>& v);
std::string show(const std::vector<std::vector<int>>& chain);

}  // namespace gomap::test
