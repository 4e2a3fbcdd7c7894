// Running version-1.26 scenario text in tests, with the Swiss invariants
// (swiss/swiss_invariants.h) checked after EVERY command; a broken one fails
// the test with its number and the line that broke it.
//
//   SwissScenario s("map[int64]int64");   // "version 1.26" is implied
//   s.ok("fill 9");                         // REQUIREs that no command fails
//   CHECK(s.map().dirLen() == 1);
#pragma once
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario_runner.h"
#include "swiss/swiss_map.h"

namespace gomap::test {

struct SwissStep {
  std::string op;
  std::string error;
  std::optional<std::string> result;
  std::optional<std::vector<std::string>> keys;
  std::optional<swiss::IterDraws> draws;
  swiss::SwissMap::HashLog hashes;
  std::vector<swiss::SwissTraceEvent> trace;
  std::string dump;  // the JSON line gomap prints
};

class SwissScenario {
 public:
  // `setup` is the set-up text after `version 1.26`.
  explicit SwissScenario(std::string_view setup = "map[int64]int64");
  SwissScenario(const SwissScenario&) = delete;
  SwissScenario& operator=(const SwissScenario&) = delete;

  std::vector<SwissStep> run(std::string_view text);
  std::vector<SwissStep> ok(std::string_view text);
  SwissStep one(std::string_view command);
  void recordTrace();
  void journal() { runner_.setJournal(true); }

  swiss::SwissMap& map();
  ScenarioRunner& runner() { return runner_; }

 private:
  ScenarioRunner runner_;
  std::deque<Command> commands_;
  swiss::SwissTrace trace_;
  bool traceOn_ = false;
};

// Test access to the map's bytes (the model's window is read-only).
uint8_t* rawBytes(swiss::SwissMap& m, uint64_t addr);
// The table at directory entry i, and the keys (as text) of its full slots
// in group/slot order.
std::vector<std::string> tableKeys(const swiss::SwissMap& m, uint64_t table);
// Distinct tables of the directory.
size_t tableCount(const swiss::SwissMap& m);

}  // namespace gomap::test
