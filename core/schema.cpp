#include "schema.h"

#include <cstring>
#include <initializer_list>

#include "go_map.h"
#include "go_type.h"
#include "json_dump.h"
#include "map_type.h"
#include "scenario_parse.h"
#include "swiss/swiss_layout.h"
#include "swiss/swiss_map.h"
#include "swiss/swiss_trace.h"
#include "trace.h"

namespace gomap {
namespace {

// The commands that are operations (each makes one dump line); both models
// read the same words. tests/core/schema.test.cpp runs every one.
constexpr const char* kOperations[] = {"set",     "del",   "get",  "clear", "hash", "fill",
                                       "collide", "range", "iter", "next",  "dump"};

// Which hashers each model takes (`hasher NAME`): the bucket map (versions
// 1.14 and 1.19) and the Swiss table (1.26). The runners parse the names;
// tests/core/schema.test.cpp holds this table to what they accept.
struct HasherEntry {
  const char* name;
  bool buckets;
  bool swiss;
};
constexpr HasherEntry kHashers[] = {
    {"go114", true, true}, {"go119", true, true}, {"identity", true, true}, {"go126", false, true}};

const char* hasherName(HasherKind kind) {
  switch (kind) {
    case HasherKind::Go114: return "go114";
    case HasherKind::Go119: return "go119";
    case HasherKind::Identity: return "identity";
  }
  return "?";
}

const char* hasherName(swiss::SwissHasher kind) {
  switch (kind) {
    case swiss::SwissHasher::Go126: return "go126";
    case swiss::SwissHasher::Go114: return "go114";
    case swiss::SwissHasher::Go119: return "go119";
    case swiss::SwissHasher::Identity: return "identity";
  }
  return "?";
}

// Appends `"name":value` pairs and lists without a JSON library.
struct Json {
  std::string out;
  bool first = true;

  void key(const char* name) {
    if (!first) out += ',';
    first = false;
    out += jsonString(name);
    out += ':';
  }
  void number(const char* name, uint64_t v) {
    key(name);
    out += std::to_string(v);
  }
  void text(const char* name, const char* v) {
    key(name);
    out += jsonString(v);
  }
  void open(const char* name, char bracket) {
    if (name) key(name);
    out += bracket;
    first = true;
  }
  void close(char bracket) {
    out += bracket;
    first = false;
  }
  void item(const char* v) {
    if (!first) out += ',';
    first = false;
    out += jsonString(v);
  }
  void comma() {
    if (!first) out += ',';
    first = false;
  }
};

// An enum's names in value order: its name function answers "?" past the
// last value (the enums are uint8_t, so every value probed is valid).
template <class Kind>
void enumNames(Json& j, const char* name, const char* (*nameOf)(Kind)) {
  j.open(name, '[');
  for (int v = 0; v < 256; ++v) {
    const char* n = nameOf(Kind(v));
    if (!std::strcmp(n, "?")) break;
    j.item(n);
  }
  j.close(']');
}

// The average load that starts a grow, read off overLoadFactor itself: the
// first count over the factor at B = 10, less one, per bucket (6.5 in Go).
double bucketLoadFactor() {
  const uint8_t b = 10;
  uint64_t count = 0;
  while (!overLoadFactor(count, b)) ++count;
  return double(count - 1) / double(bucketShift(b));
}

std::string decimal(double v) {
  std::string s = std::to_string(v);  // "6.500000"
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}

void tophashStates(Json& j) {
  struct State {
    uint8_t value;
    const char* name;
  };
  const State states[] = {{kEmptyRest, "emptyRest"},
                          {kEmptyOne, "emptyOne"},
                          {kEvacuatedX, "evacuatedX"},
                          {kEvacuatedY, "evacuatedY"},
                          {kEvacuatedEmpty, "evacuatedEmpty"}};
  j.open("tophashStates", '[');
  for (const State& s : states) {
    j.comma();
    j.out += "{\"value\":" + std::to_string(s.value) + ",\"name\":" + jsonString(s.name) + "}";
  }
  j.close(']');
}

void bucketModel(Json& j) {
  j.open("buckets", '{');
  j.number("bucketCnt", kBucketCnt);
  j.number("minTopHash", kMinTopHash);
  tophashStates(j);
  j.key("loadFactor");
  j.out += decimal(bucketLoadFactor());
  j.number("maxInlineSize", kMaxInlineSize);
  j.open("flags", '{');
  j.number("iterator", kFlagIterator);
  j.number("oldIterator", kFlagOldIterator);
  j.number("hashWriting", kFlagHashWriting);
  j.number("sameSizeGrow", kFlagSameSizeGrow);
  j.close('}');
  const Limits limits;
  j.open("limits", '{');
  j.number("maxEntries", limits.maxEntries);
  j.number("maxStringKeyBytes", limits.maxStringKeyBytes);
  j.number("maxHeapBytes", limits.maxHeapBytes);
  j.number("dumpFullBucketLimit", kDumpFullBucketLimit);
  j.close('}');
  enumNames<TraceKind>(j, "eventKinds", traceKindName);
  enumNames<TraceFunc>(j, "functions", traceFuncName);
  j.close('}');
}

void swissModel(Json& j) {
  j.open("swiss", '{');
  j.number("groupSlots", swiss::kGroupSlots);
  j.number("ctrlEmpty", swiss::kCtrlEmpty);
  j.number("ctrlDeleted", swiss::kCtrlDeleted);
  j.number("maxTableCapacity", swiss::kMaxTableCapacity);
  j.number("maxAvgGroupLoad", swiss::kMaxAvgGroupLoad);
  j.key("loadFactor");
  j.out += decimal(double(swiss::kMaxAvgGroupLoad) / double(swiss::kGroupSlots));
  const swiss::SwissLimits limits;
  j.open("limits", '{');
  j.number("maxEntries", limits.maxEntries);
  j.number("maxStringKeyBytes", limits.maxStringKeyBytes);
  j.number("maxHeapBytes", limits.maxHeapBytes);
  j.close('}');
  enumNames<swiss::SwissTraceKind>(j, "eventKinds", swiss::swissTraceKindName);
  enumNames<swiss::SwissTraceFunc>(j, "functions", swiss::swissTraceFuncName);
  j.close('}');
}

void language(Json& j) {
  j.open("setupCommands", '[');
  for (const char* name : kSetupCommands) j.item(name);
  j.close(']');
  j.open("operations", '[');
  for (const char* name : kOperations) j.item(name);
  j.close(']');

  const char* defaultBuckets = hasherName(MapConfig().hasher);
  const char* defaultSwiss = hasherName(swiss::SwissConfig().hasher);
  j.open("versions", '[');
  for (const char* v : {"1.14", "1.19", "1.26"}) {
    const bool isSwiss = !std::strcmp(v, "1.26");
    j.comma();
    j.out += "{\"name\":" + jsonString(v) + ",\"model\":" + jsonString(isSwiss ? "swiss" : "buckets") +
             ",\"defaultHasher\":" + jsonString(isSwiss ? defaultSwiss : defaultBuckets) + "}";
  }
  j.close(']');
  j.open("hashers", '[');
  for (const HasherEntry& h : kHashers) {
    j.comma();
    j.out += "{\"name\":" + jsonString(h.name) + ",\"models\":[";
    j.out += h.buckets ? "\"buckets\"" : "";
    j.out += h.buckets && h.swiss ? "," : "";
    j.out += h.swiss ? "\"swiss\"" : "";
    j.out += "]}";
  }
  j.close(']');

  // The variant Go's compiler picks per key type, and the suffix its
  // runtime functions carry (mapassign_fast64); generic has none.
  j.open("variants", '[');
  for (Variant v : {Variant::Generic, Variant::Fast32, Variant::Fast64, Variant::FastStr}) {
    MapType t;
    t.variant = v;
    const std::string name = t.variantName();
    j.comma();
    j.out += "{\"name\":" + jsonString(name) +
             ",\"suffix\":" + jsonString(v == Variant::Generic ? "" : "_" + name) + "}";
  }
  j.close(']');
}

void limits(Json& j) {
  const ScenarioLimits scenario;
  j.open("limits", '{');
  j.number("scenarioLines", scenario.maxLines);
  j.number("scenarioBytes", scenario.maxBytes);
  j.number("traceEventsPerOperation", Trace().limit);
  j.number("swissTraceEventsPerOperation", swiss::SwissTrace().limit);
  j.number("maxGoArrayLen", kMaxGoArrayLen);
  j.number("maxGoTypeDepth", kMaxGoTypeDepth);
  j.number("maxStructFields", kMaxStructFields);
  j.number("maxGoTypeSize", kMaxGoTypeSize);
  j.close('}');
}

}  // namespace

std::string schemaJson() {
  Json j;
  j.open(nullptr, '{');
  j.number("schemaVersion", kSchemaVersion);
  language(j);
  limits(j);
  bucketModel(j);
  swissModel(j);
  j.close('}');
  return j.out;
}

}  // namespace gomap
