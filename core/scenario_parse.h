// Splitting scenario text into commands (spec: scenario-format.md). One
// command per line or per ';'; '#' starts a comment outside quotes; a token
// with spaces, ';', '#' or quotes is written in double quotes with Go-style
// escapes.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace gomap {

struct Command {
  int line = 0;      // 1-based line of the text
  int index = 0;     // 1-based position among the commands of that line
  std::string text;  // the command as written, trimmed (the dump's "op")
  std::vector<std::string> tokens;
  Status error = Status::success();  // a tokenizing error (bad quote or escape)
};

struct ScenarioLimits {
  size_t maxLines = 50000;
  size_t maxBytes = 4u << 20;
};

// Fails only for limits; per-command problems are in Command::error.
Status splitScenario(std::string_view text, const ScenarioLimits& limits, std::vector<Command>* out);

// Where a command sits, for messages: "line 7" or "line 7, command 2".
std::string commandPlace(const Command& c, bool lineHasMany);

}  // namespace gomap
