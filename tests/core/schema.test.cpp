// The schema (core/schema.h) states the core's facts for the other layers,
// so it must be those facts: its numbers are the constants the model runs
// on, and its names (commands, hashers, versions, event kinds) are the ones
// the scenario runner and the trace writers accept and print.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "go_map.h"
#include "json_dump.h"
#include "scenario_parse.h"
#include "scenario_runner.h"
#include "schema.h"
#include "swiss/swiss_layout.h"
#include "swiss/swiss_map.h"
#include "swiss/swiss_trace.h"
#include "trace.h"

using namespace gomap;

namespace {

const std::string& schema() {
  static const std::string text = schemaJson();
  return text;
}

bool has(const std::string& piece) { return schema().find(piece) != std::string::npos; }

std::string pair(const char* name, uint64_t v) {
  return "\"" + std::string(name) + "\":" + std::to_string(v);
}

// The errors of a scenario's commands, in order ("" for a command that ran).
std::vector<std::string> errorsOf(const std::string& text) {
  std::vector<Command> commands;
  REQUIRE(splitScenario(text, ScenarioLimits(), &commands).ok());
  ScenarioRunner runner;
  runner.applyVersionFirst(commands);
  std::vector<std::string> out;
  for (const Command& c : commands) out.push_back(runner.run(c).error);
  return out;
}

// The JSON list of strings after "name": in `within` (the first such key).
std::vector<std::string> names(const std::string& within, const std::string& name) {
  const size_t at = within.find("\"" + name + "\":[");
  REQUIRE(at != std::string::npos);
  std::vector<std::string> out;
  size_t i = at + name.size() + 4;
  while (within[i] == '"') {
    const size_t end = within.find('"', i + 1);
    out.push_back(within.substr(i + 1, end - i - 1));
    i = end + 1;
    if (within[i] == ',') ++i;
  }
  REQUIRE(within[i] == ']');
  return out;
}

std::string section(const char* name) {
  const size_t at = schema().find("\"" + std::string(name) + "\":{");
  REQUIRE(at != std::string::npos);
  return schema().substr(at);
}

}  // namespace

TEST_CASE("schema: the bucket map's constants, as the model has them") {
  CHECK(has(pair("schemaVersion", kSchemaVersion)));
  CHECK(has(pair("bucketCnt", kBucketCnt)));
  CHECK(has(pair("minTopHash", kMinTopHash)));
  CHECK(has("\"tophashStates\":[{\"value\":" + std::to_string(kEmptyRest) + ",\"name\":\"emptyRest\"}," +
            "{\"value\":" + std::to_string(kEmptyOne) + ",\"name\":\"emptyOne\"}," +
            "{\"value\":" + std::to_string(kEvacuatedX) + ",\"name\":\"evacuatedX\"}," +
            "{\"value\":" + std::to_string(kEvacuatedY) + ",\"name\":\"evacuatedY\"}," +
            "{\"value\":" + std::to_string(kEvacuatedEmpty) + ",\"name\":\"evacuatedEmpty\"}]"));
  CHECK(has(pair("sameSizeGrow", kFlagSameSizeGrow)));
  CHECK(has(pair("hashWriting", kFlagHashWriting)));
  // 6.5 per bucket: 104 entries in 16 buckets stay, the 105th grows them.
  CHECK(has("\"loadFactor\":6.5,"));
  CHECK_FALSE(overLoadFactor(104, 4));
  CHECK(overLoadFactor(105, 4));
  const Limits limits;
  CHECK(has(pair("maxEntries", limits.maxEntries)));
  CHECK(has(pair("maxStringKeyBytes", limits.maxStringKeyBytes)));
  CHECK(has(pair("maxHeapBytes", limits.maxHeapBytes)));
}

TEST_CASE("schema: the Swiss table's constants, as the model has them") {
  const std::string swiss = section("swiss");
  CHECK(swiss.find(pair("groupSlots", swiss::kGroupSlots)) != std::string::npos);
  CHECK(swiss.find(pair("ctrlEmpty", swiss::kCtrlEmpty)) != std::string::npos);
  CHECK(swiss.find(pair("ctrlDeleted", swiss::kCtrlDeleted)) != std::string::npos);
  CHECK(swiss.find(pair("maxTableCapacity", swiss::kMaxTableCapacity)) != std::string::npos);
  CHECK(swiss.find("\"loadFactor\":0.875,") != std::string::npos);
  CHECK(swiss.find(pair("maxHeapBytes", swiss::SwissLimits().maxHeapBytes)) != std::string::npos);
}

TEST_CASE("schema: the limits are the ones the core enforces") {
  const ScenarioLimits scenario;
  CHECK(has(pair("scenarioLines", scenario.maxLines)));
  CHECK(has(pair("scenarioBytes", scenario.maxBytes)));
  CHECK(has(pair("traceEventsPerOperation", Trace().limit)));
  CHECK(has(pair("maxGoTypeSize", kMaxGoTypeSize)));
  // As many lines as the limit are read; one more is refused whole (a final
  // newline ends the last line, it does not start another).
  std::vector<Command> commands;
  CHECK(splitScenario(std::string(scenario.maxLines, '\n'), scenario, &commands).ok());
  CHECK_FALSE(splitScenario(std::string(scenario.maxLines + 1, '\n'), scenario, &commands).ok());
}

TEST_CASE("schema: each set-up command is read as set-up, each operation as an operation") {
  for (const std::string& name : names(schema(), "setupCommands")) {
    // After an operation, set-up is refused for being late, not as unknown.
    const auto errors = errorsOf("map[int64]int64\nset 1 1\n" + name + " 1");
    CHECK(errors[2].find("must come before the first operation") != std::string::npos);
  }
  for (const char* version : {"1.14", "1.26"}) {
    for (const std::string& name : names(schema(), "operations")) {
      const auto errors = errorsOf(std::string("version ") + version + "\nmap[int64]int64\nset 1 1\n" + name);
      INFO(version << " " << name << ": " << errors[3]);
      CHECK(errors[3].find("unknown command") == std::string::npos);
    }
  }
  CHECK(errorsOf("map[int64]int64\nsett 1 1")[1].find("unknown command") != std::string::npos);
}

TEST_CASE("schema: each hasher is taken by the models it lists and refused by the others") {
  for (const char* hasher : {"go114", "go119", "identity", "go126"}) {
    const std::string entry = "{\"name\":\"" + std::string(hasher) + "\",\"models\":[";
    const size_t at = schema().find(entry);
    REQUIRE(at != std::string::npos);
    const std::string models = schema().substr(at + entry.size(), schema().find(']', at) - at - entry.size());
    for (const char* version : {"1.14", "1.19", "1.26"}) {
      const bool swiss = std::string(version) == "1.26";
      const bool listed = models.find(swiss ? "\"swiss\"" : "\"buckets\"") != std::string::npos;
      const auto errors =
          errorsOf(std::string("version ") + version + "\nhasher " + hasher + "\nmap[int64]int64\nset 1 1");
      INFO(hasher << " on " << version << ": " << errors[1]);
      CHECK(errors[1].empty() == listed);
    }
  }
  CHECK(has("{\"name\":\"1.14\",\"model\":\"buckets\",\"defaultHasher\":\"go114\"}"));
  CHECK(has("{\"name\":\"1.26\",\"model\":\"swiss\",\"defaultHasher\":\"go126\"}"));
  CHECK(errorsOf("version 1.20\nmap[int64]int64\nset 1 1")[0] != "");
}

TEST_CASE("schema: the event kinds and functions are the trace writers' names, in enum order") {
  const std::string buckets = section("buckets");
  const auto kinds = names(buckets, "eventKinds");
  REQUIRE(kinds.size() == size_t(TraceKind::Reseed) + 1);
  for (size_t i = 0; i < kinds.size(); ++i) CHECK(kinds[i] == traceKindName(TraceKind(i)));
  CHECK(names(buckets, "functions").size() == size_t(TraceFunc::mapiternext) + 1);

  const std::string swiss = section("swiss");
  const auto swissKinds = names(swiss, "eventKinds");
  REQUIRE(swissKinds.size() == size_t(swiss::SwissTraceKind::IterEnd) + 1);
  for (size_t i = 0; i < swissKinds.size(); ++i) {
    CHECK(swissKinds[i] == swiss::swissTraceKindName(swiss::SwissTraceKind(i)));
  }
  CHECK(names(swiss, "functions").size() == size_t(swiss::SwissTraceFunc::IterNext) + 1);
}

TEST_CASE("schema: the variants and their suffixes are the layout's variant names") {
  for (const char* variant : {"generic", "fast32", "fast64", "faststr"}) {
    const std::string suffix = std::string(variant) == "generic" ? "" : "_" + std::string(variant);
    CHECK(has("{\"name\":\"" + std::string(variant) + "\",\"suffix\":\"" + suffix + "\"}"));
  }
  MapType t;
  REQUIRE(parseMapType("map[int32]int64", &t).ok());
  CHECK(std::string(t.variantName()) == "fast32");
}
