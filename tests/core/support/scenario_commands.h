// The command loop both test runners share (CheckedScenario for the 1.14 model,
// SwissScenario for 1.26): split the text, keep each command where the runner's
// Outcome can point at it, and say whether its line holds more than one.
#pragma once
#include <catch2/catch.hpp>
#include <deque>
#include <functional>
#include <string_view>
#include <vector>

#include "scenario_parse.h"
#include "scenario_runner.h"

namespace gomap::test {

// REQUIREs that `text` splits. Each command's line is moved on by `lineOffset` (text handed
// to successive run() calls keeps counting lines) and the command is appended to `kept`
// before `each` sees it; `many` is true when its line holds more than one command
// (`set 1; set 2`), as ScenarioRunner::run wants to know.
void forEachCommand(std::string_view text, int lineOffset, std::deque<Command>& kept,
                    const std::function<void(const Command& command, bool many)>& each);

// What both runners' steps copy from the command and its Outcome: its text, error, result,
// the keys an iteration yielded and the hashes it logged.
template <class Step>
void copyOutcome(const Command& command, const Outcome& outcome, Step* step) {
  step->op = command.text;
  step->error = outcome.error;
  step->result = outcome.result;
  step->keys = outcome.keys;
  step->hashes = outcome.hashes;
}

// ok() and one() of both runners: the steps `text` ran, each required to have
// succeeded; the one step a single command ran.
template <class Step>
std::vector<Step> requireSucceeded(std::vector<Step> steps) {
  for (const Step& s : steps) {
    INFO(s.op);
    REQUIRE(s.error == "");
  }
  return steps;
}
template <class Step>
Step requireSingle(std::vector<Step> steps) {
  REQUIRE(steps.size() == 1);
  return steps[0];
}

}  // namespace gomap::test
