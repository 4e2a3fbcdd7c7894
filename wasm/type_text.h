// What the page asks the core about text without a map: a map type's layout
// (core/map_layout.h) and how scenario text splits into commands and tokens
// (core/scenario_parse.h), so the JavaScript side never re-derives either.
#pragma once
#include <string>

namespace gomap {

// mapLayoutJson for the type, or {"error":"..."} with the core's message
// (which names the column) when the type is refused.
std::string mapLayout(const std::string& typeText);

// The commands of scenario text as JSON: [{line, index, text, tokens, error?}],
// or {"error":"..."} when the text is over a limit.
std::string splitCommands(const std::string& text);

}  // namespace gomap
