#include "type_text.h"

#include <vector>

#include "json_dump.h"
#include "map_layout.h"
#include "map_type.h"
#include "scenario_parse.h"

namespace gomap {

std::string mapLayout(const std::string& typeText) {
  MapType t;
  if (Status s = parseMapType(typeText, &t); !s.ok()) return "{\"error\":" + jsonString(s.message()) + "}";
  return mapLayoutJson(t);
}

std::string splitCommands(const std::string& text) {
  std::vector<Command> commands;
  if (Status s = splitScenario(text, ScenarioLimits{}, &commands); !s.ok()) {
    return "{\"error\":" + jsonString(s.message()) + "}";
  }
  std::string out = "[";
  for (size_t i = 0; i < commands.size(); ++i) {
    const Command& c = commands[i];
    if (i) out += ',';
    out += "{\"line\":" + std::to_string(c.line) + ",\"index\":" + std::to_string(c.index) +
           ",\"text\":" + jsonString(c.text) + ",\"tokens\":[";
    for (size_t k = 0; k < c.tokens.size(); ++k) out += (k ? "," : "") + jsonString(c.tokens[k]);
    out += ']';
    if (!c.error.ok()) out += ",\"error\":" + jsonString(c.error.message());
    out += '}';
  }
  return out + "]";
}

}  // namespace gomap
