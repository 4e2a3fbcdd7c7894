#include "support/scenario_commands.h"

#include <catch2/catch.hpp>
#include <map>
#include <utility>
#include <vector>

namespace gomap::test {

void forEachCommand(std::string_view text, int lineOffset, std::deque<Command>& kept,
                    const std::function<void(const Command& command, bool many)>& each) {
  std::vector<Command> parsed;
  REQUIRE(splitScenario(text, ScenarioLimits(), &parsed).ok());
  std::map<int, int> perLine;
  for (const Command& c : parsed) ++perLine[c.line];
  for (Command& c : parsed) {
    const bool many = perLine[c.line] > 1;
    c.line += lineOffset;
    kept.push_back(std::move(c));
    each(kept.back(), many);
  }
}

}  // namespace gomap::test
