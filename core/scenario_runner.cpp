#include "scenario_runner.h"

#include <algorithm>
#include <cstring>

#include "generated_keys.h"
#include "iteration_keys.h"
#include "key_text.h"
#include "runner_commands.h"
#include "schema.h"
#include "typed_value.h"

namespace gomap {
namespace {

bool isSetup(const std::string& word) {
  if (word.compare(0, 4, "map[") == 0) return true;
  return std::find(std::begin(kSetupCommands), std::end(kSetupCommands), word) != std::end(kSetupCommands);
}

Status arity(const std::vector<std::string>& t, size_t min, size_t max, const char* usage) {
  if (t.size() < min || t.size() > max) return Status::error(std::string("usage: ") + usage);
  return Status::success();
}

}  // namespace

void ScenarioRunner::setTrace(Trace* trace) {
  trace_ = trace;
  if (map_) map_->setTrace(trace);
}

Status ScenarioRunner::ensureMap() {
  if (swiss_) return ensureSwissMap();
  if (map_) return Status::success();
  if (config_.hasher == HasherKind::Identity && !config_.type.isIntegerKey()) {
    return Status::error("hasher identity works only with integer keys, not " + config_.type.name());
  }
  GoMap m;
  if (Status s = GoMap::create(config_, &m); !s.ok()) return s;
  map_.emplace(std::move(m));
  map_->setTrace(trace_);
  return Status::success();
}

void failOutcome(Outcome* out, bool lineHasMany, const std::string& message) {
  out->message = message;
  out->index = lineHasMany ? out->command->index : 0;
  out->error = commandPlace(*out->command, lineHasMany) + ": " + message;
}

Outcome ScenarioRunner::run(const Command& command, bool lineHasMany) {
  Outcome out;
  out.command = &command;
  const std::vector<std::string>& t = command.tokens;
  if (!command.error.ok()) {
    out.isOperation = true;
    failOutcome(&out, lineHasMany, command.error.message());
    return out;
  }
  if (isSetup(t[0])) {
    Status s = runSetup(t);
    if (!s.ok()) {
      out.isOperation = true;  // a failed line is always reported
      failOutcome(&out, lineHasMany, s.message());
    }
    return out;
  }
  out.isOperation = true;
  if (swiss_) {
    // version 1.26: the Swiss-table map (swiss/swiss_runner.cpp).
    runOn(swissMap_, swissTrace_, lineHasMany, &out, [&] { return runSwissOperation(t, &out); });
  } else {
    runOn(map_, trace_, lineHasMany, &out, [&] { return runOperation(t, &out); });
  }
  return out;
}

template <class Map, class TraceT, class Op>
void ScenarioRunner::runOn(std::optional<Map>& map, TraceT* trace, bool lineHasMany, Outcome* out, Op&& op) {
  const bool creates = !map;
  Status s = ensureMap();
  if (s.ok()) {
    if (trace) trace->clear();
    if (journal_) map->startJournal();
    map->setHashLog(&out->hashes);
    s = op();
    map->setHashLog(nullptr);
  }
  if (!s.ok()) {
    // A failed operation reports its error alone. "No map yet" is part of
    // the state it leaves alone: keeping the map would refuse every set-up
    // line after it.
    failOutcome(out, lineHasMany, s.message());
    out->hashes.clear();
    out->result.reset();
    out->keys.reset();
    out->swissIterStart.reset();
    if (creates) map.reset();
  }
}

Status dumpCommand(const std::vector<std::string>& t, Outcome* out) {
  if (t.size() > 2 || (t.size() == 2 && t[1] != "full")) return Status::error("usage: dump [full]");
  out->isDump = true;
  out->dumpFull = t.size() == 2;
  return Status::success();
}

Status ScenarioRunner::runSetup(const std::vector<std::string>& t) {
  const std::string name = t[0].compare(0, 4, "map[") == 0 ? "map" : t[0];
  if (map_ || swissMap_) {
    return Status::error("set-up command '" + name + "' must come before the first operation");
  }
  if (std::find(setupSeen_.begin(), setupSeen_.end(), name) != setupSeen_.end()) {
    return Status::error("'" + name + "' was already set on an earlier line");
  }
  if (swiss_ || name == "version") {
    // Under version 1.26 some set-up lines read differently (64-bit seed,
    // hasher go126, hashkey words as written); swiss/swiss_runner.cpp.
    if (Status s = runSwissSetup(name, t); !s.ok()) return s;
    if (swiss_ && (name == "seed" || name == "hasher" || name == "hashkey" || name == "version")) {
      setupSeen_.push_back(name);
      return Status::success();
    }
  }
  MapConfig next = config_;
  if (name == "map") {
    if (Status s = arity(t, 1, 1, "map[K]V"); !s.ok()) return s;
    if (Status s = parseMapType(t[0], &next.type); !s.ok()) return s;
  } else if (name == "hasher") {
    if (Status s = arity(t, 2, 2, "hasher go114|go119|identity"); !s.ok()) return s;
    static const std::pair<const char*, HasherKind> kHashers[] = {
        {"go114", HasherKind::Go114}, {"go119", HasherKind::Go119}, {"identity", HasherKind::Identity}};
    if (Status s = pickWord(t[1], kHashers, "hasher", "go114, go119 or identity", &next.hasher); !s.ok())
      return s;
  } else if (name == "hashkey") {
    if (Status s = arity(t, 2, 5, "hashkey H0 [H1 H2 H3]"); !s.ok()) return s;
    for (size_t i = 1; i < t.size(); ++i) {
      uint64_t w;
      if (Status s = parseUnsignedArg(t[i], "hashkey word", ~uint64_t(0), &w); !s.ok()) return s;
      next.hashkey[i - 1] = w | 1;  // Go forces every hashkey word odd
    }
  } else if (name == "seed") {
    if (Status s = arity(t, 2, 2, "seed S"); !s.ok()) return s;
    uint64_t v;
    if (Status s = parseUnsignedArg(t[1], "seed", 0xffffffffu, &v); !s.ok()) return s;
    next.seed = uint32_t(v);
  } else if (name == "rand") {
    if (Status s = arity(t, 3, 3, "rand A B"); !s.ok()) return s;
    uint64_t a, b;
    if (Status s = parseUnsignedArg(t[1], "rand state", 0xffffffffu, &a); !s.ok()) return s;
    if (Status s = parseUnsignedArg(t[2], "rand state", 0xffffffffu, &b); !s.ok()) return s;
    next.rand.a = uint32_t(a);
    next.rand.b = uint32_t(b);
  } else if (name == "hint") {
    if (Status s = arity(t, 2, 2, "hint N"); !s.ok()) return s;
    int64_t v;
    if (!parseInt64(t[1], &v)) return Status::error("hint '" + t[1].substr(0, 40) + "' is not an integer");
    next.hint = v;
  } else if (name == "version") {
    if (Status s = arity(t, 2, 2, "version 1.14|1.19"); !s.ok()) return s;
    static const std::pair<const char*, GoVersion> kVersions[] = {{"1.14", GoVersion::Go114},
                                                                  {"1.19", GoVersion::Go119}};
    if (Status s = pickWord(t[1], kVersions, "version", "1.14 or 1.19", &next.version); !s.ok()) return s;
  }
  config_ = next;
  setupSeen_.push_back(name);
  return Status::success();
}

Status ScenarioRunner::parseKeyToken(const std::string& token, std::string* key) const {
  if (Status s = parseKey(map_->type(), token, key); !s.ok()) return s;
  return map_->checkKey(*key);
}

Status ScenarioRunner::parseIterPin(const std::vector<std::string>& t, std::optional<IterPin>* pin) const {
  if (t.size() == 1) return Status::success();
  if (t.size() != 3 || t[1].compare(0, 6, "start=") != 0 || t[2].compare(0, 7, "offset=") != 0) {
    return Status::error("usage: " + t[0] + " [start=S offset=O]");
  }
  uint64_t start, offset;
  uint64_t buckets = bucketShift(map_->B());
  if (Status s = parseUnsignedArg(t[1].substr(6), "start", buckets - 1, &start); !s.ok()) {
    return Status::error(s.message() + " (B=" + std::to_string(map_->B()) + " has " +
                         std::to_string(buckets) + " buckets)");
  }
  if (Status s = parseUnsignedArg(t[2].substr(7), "offset", 7, &offset); !s.ok()) return s;
  *pin = IterPin{start, uint8_t(offset)};
  return Status::success();
}

Status ScenarioRunner::runOperation(const std::vector<std::string>& t, Outcome* out) {
  const std::string& op = t[0];
  GoMap& m = *map_;
  auto keyOf = [&](const std::string& token, std::string* key) { return parseKeyToken(token, key); };
  if (op == "set") return setCommand(m, t, keyOf);
  if (op == "del") {
    if (Status s = arity(t, 2, 2, "del K"); !s.ok()) return s;
    std::string key;
    if (Status s = parseKeyToken(t[1], &key); !s.ok()) return s;
    return m.del(key);
  }
  if (op == "get") return getCommand<Found>(m, t, keyOf, out);
  if (op == "clear") {
    if (Status s = arity(t, 1, 1, "clear"); !s.ok()) return s;
    m.clear();
    return Status::success();
  }
  if (op == "hash") return hashCommand(m, t, keyOf);
  if (op == "fill") {
    if (Status s = arity(t, 2, 2, "fill N"); !s.ok()) return s;
    uint64_t n;
    if (Status s = parseUnsignedArg(t[1], "fill count", m.config().limits.maxEntries, &n); !s.ok()) return s;
    return fill(n, out);
  }
  if (op == "collide") {
    if (Status s = arity(t, 3, 3, "collide I N"); !s.ok()) return s;
    uint64_t bucket, n;
    uint64_t buckets = bucketShift(m.B());
    if (Status s = parseUnsignedArg(t[1], "bucket", buckets - 1, &bucket); !s.ok()) {
      return Status::error(s.message() + " (B=" + std::to_string(m.B()) + " has " + std::to_string(buckets) +
                           " buckets)");
    }
    if (Status s = parseUnsignedArg(t[2], "collide count", 100000, &n); !s.ok()) return s;
    return collide(bucket, n, out);
  }
  if (op == "range" || op == "iter") {
    std::optional<IterPin> pin;
    if (Status s = parseIterPin(t, &pin); !s.ok()) return s;
    Hiter it;
    m.iterInit(&it, pin);
    out->iterStart = IterPin{it.startBucket, it.offset};
    yieldStarted(m, it, op == "range", &iter_, &iterOpen_, out);
    return Status::success();
  }
  if (op == "next") return nextCommand(m, iter_, iterOpen_, t, out);
  if (op == "dump") return dumpCommand(t, out);
  return Status::error("unknown command '" + op.substr(0, 40) + "'");
}

Status generatedKey(const MapType& type, uint64_t n, std::string* key) {
  if (!type.legacyKeyText) {
    // Other types: generatedValue's rule (core/README.md), as text-free bytes.
    std::string enc = generatedValue(*type.keyGo, n);
    if (type.key == KeyKind::String) return parseKey(type, literalValue(*type.keyGo, enc), key);
    *key = std::move(enc);
    return Status::success();
  }
  std::string text = std::to_string(n);
  if (type.key == KeyKind::String || type.key == KeyKind::Bytes) text = "k" + text;
  return parseKey(type, text, key);
}

bool ScenarioRunner::prepareFill(uint64_t n, uint64_t maxCopyBytes) {
  bool ready = true;
  Status s = Status::success();
  if (swissMap_) {
    s = swissMap_->prepareCapacity(n, maxCopyBytes, ready);
  } else if (map_) {
    s = map_->prepareCapacity(n, maxCopyBytes, ready);
  }
  return ready || !s.ok();
}

Status ScenarioRunner::fill(uint64_t n, Outcome* out) {
  (void)out;
  return fillGenerated(*map_, n, &generated_);
}

Status ScenarioRunner::collide(uint64_t bucket, uint64_t n, Outcome* out) {
  GoMap& m = *map_;
  const uint64_t mask = bucketMask(m.B());
  const uint64_t budget = std::min<uint64_t>(50000000, (n + 1) * (mask + 1) * 64 + 1000);
  auto lands = [&](const std::string& key) { return (m.hashOf(key) & mask) == bucket; };
  return collideGenerated<Found>(m, n, budget, lands, "bucket " + std::to_string(bucket), &out->hashes,
                                 &generated_);
}

}  // namespace gomap
