// The scenario language under `version 1.26` (scenario-format.md, contract
// version 2): the set-up lines that read differently, and every operation on
// the Swiss-table map, with the pinned draws (`range/iter entry= dir=`,
// `del K reseed=`, `clear reseed=`).
#include <algorithm>
#include <cstring>

#include "generated_keys.h"
#include "iteration_keys.h"
#include "runner_commands.h"
#include "key_text.h"
#include "scenario_runner.h"
#include "typed_value.h"

namespace gomap {
namespace {

using swiss::SwissHasher;

Status usage(const char* text) { return Status::error(std::string("usage: ") + text); }

// Trailing `name=value` pins; each name at most once, only those allowed.
Status parsePins(const std::vector<std::string>& t, size_t from, std::initializer_list<const char*> names,
                 const char* use, std::vector<std::optional<uint64_t>>* out) {
  out->assign(names.size(), std::nullopt);
  for (size_t i = from; i < t.size(); ++i) {
    const size_t eq = t[i].find('=');
    size_t which = 0;
    bool known = false;
    for (const char* n : names) {
      if (eq != std::string::npos && t[i].compare(0, eq, n) == 0 && std::strlen(n) == eq) {
        known = true;
        break;
      }
      ++which;
    }
    if (!known || (*out)[which]) return usage(use);
    uint64_t v;
    if (Status s = parseUnsignedArg(t[i].substr(eq + 1), t[i].substr(0, eq).c_str(), ~uint64_t(0), &v);
        !s.ok())
      return s;
    (*out)[which] = v;
  }
  return Status::success();
}

}  // namespace

void ScenarioRunner::setSwissTrace(swiss::SwissTrace* trace) {
  swissTrace_ = trace;
  if (swissMap_) swissMap_->setTrace(trace);
}

void ScenarioRunner::applyVersionFirst(const std::vector<Command>& commands) {
  for (const Command& c : commands) {
    if (c.error.ok() && c.tokens.size() == 2 && c.tokens[0] == "version") {
      if (c.tokens[1] == "1.26") swiss_ = true;
      return;
    }
  }
}

Status ScenarioRunner::runSwissSetup(const std::string& name, const std::vector<std::string>& t) {
  if (name == "version") {
    if (t.size() == 2 && t[1] == "1.26") swiss_ = true;
    return Status::success();  // other versions: the version-1 reading
  }
  if (name == "seed") {
    if (t.size() != 2) return usage("seed S");
    uint64_t v;
    if (Status s = parseUnsignedArg(t[1], "seed", ~uint64_t(0), &v); !s.ok()) return s;
    swissSeed_ = v;
  } else if (name == "hasher") {
    if (t.size() != 2) return usage("hasher go126|go114|go119|identity");
    static const std::pair<const char*, SwissHasher> kHashers[] = {{"go126", SwissHasher::Go126},
                                                                   {"go114", SwissHasher::Go114},
                                                                   {"go119", SwissHasher::Go119},
                                                                   {"identity", SwissHasher::Identity}};
    SwissHasher h;
    if (Status s = pickWord(t[1], kHashers, "hasher", "go126, go114, go119 or identity", &h); !s.ok())
      return s;
    swissHasher_ = h;
  } else if (name == "hashkey") {
    if (t.size() < 2 || t.size() > 5) return usage("hashkey H0 [H1 H2 H3]");
    HashKey k = kDefaultHashKey;
    for (size_t i = 1; i < t.size(); ++i) {
      if (Status s = parseUnsignedArg(t[i], "hashkey word", ~uint64_t(0), &k[i - 1]); !s.ok()) return s;
    }
    rawHashKey_ = k;
  }
  return Status::success();
}

Status ScenarioRunner::ensureSwissMap() {
  if (swissMap_) return Status::success();
  swiss::SwissConfig c;
  c.type = config_.type;
  c.hasher = swissHasher_.value_or(SwissHasher::Go126);
  if (c.hasher == SwissHasher::Identity && !c.type.isIntegerKey()) {
    return Status::error("hasher identity works only with integer keys, not " + c.type.name());
  }
  c.hashkey = rawHashKey_.value_or(config_.hashkey);
  if (c.hasher != SwissHasher::Go126) {
    for (uint64_t& w : c.hashkey) w |= 1;  // the older hashes force every word odd
  }
  if (swissSeed_) {
    c.seed = *swissSeed_;
  } else if (config_.seed) {
    c.seed = *config_.seed;
  }
  c.rand.r = config_.rand;
  c.hint = config_.hint;
  c.limits.maxEntries = config_.limits.maxEntries;
  c.limits.maxStringKeyBytes = config_.limits.maxStringKeyBytes;
  c.limits.maxHeapBytes = config_.limits.maxHeapBytes;
  swiss::SwissMap m;
  if (Status s = swiss::SwissMap::create(c, &m); !s.ok()) return s;
  swissMap_.emplace(std::move(m));
  swissMap_->setTrace(swissTrace_);
  return Status::success();
}

Status ScenarioRunner::runSwissOperation(const std::vector<std::string>& t, Outcome* out) {
  const std::string& op = t[0];
  swiss::SwissMap& m = *swissMap_;
  const MapType& type = m.type();
  auto keyOf = [&](const std::string& token, std::string* key) -> Status {
    if (Status s = parseKey(type, token, key); !s.ok()) return s;
    return m.checkKey(*key);
  };
  if (op == "set") return setCommand(m, t, keyOf);
  if (op == "del") {
    if (t.size() < 2 || t.size() > 3) return usage("del K [reseed=S]");
    std::vector<std::optional<uint64_t>> pins;
    if (Status s = parsePins(t, 2, {"reseed"}, "del K [reseed=S]", &pins); !s.ok()) return s;
    std::string key;
    if (Status s = keyOf(t[1], &key); !s.ok()) return s;
    return m.del(key, pins[0]);
  }
  if (op == "get") return getCommand<swiss::SwissFound>(m, t, keyOf, out);
  if (op == "clear") {
    std::vector<std::optional<uint64_t>> pins;
    if (Status s = parsePins(t, 1, {"reseed"}, "clear [reseed=S]", &pins); !s.ok()) return s;
    m.clear(pins[0]);
    return Status::success();
  }
  if (op == "hash") return hashCommand(m, t, keyOf);
  if (op == "fill") {
    if (t.size() != 2) return usage("fill N");
    uint64_t n;
    if (Status s = parseUnsignedArg(t[1], "fill count", m.config().limits.maxEntries, &n); !s.ok()) return s;
    return swissFill(n);
  }
  if (op == "collide") {
    if (t.size() != 3) return usage("collide G N");
    uint64_t group, n;
    const uint64_t groups = m.isSmall() ? 1 : m.tLengthMask(m.directoryAt(0)) + 1;
    if (Status s = parseUnsignedArg(t[1], "group", groups - 1, &group); !s.ok()) {
      return Status::error(s.message() + " (the table at directory entry 0 has " + std::to_string(groups) +
                           (groups == 1 ? " group)" : " groups)"));
    }
    if (Status s = parseUnsignedArg(t[2], "collide count", 100000, &n); !s.ok()) return s;
    return swissCollide(group, n, out);
  }
  if (op == "range" || op == "iter") {
    const std::string use = op + " [entry=E dir=D]";
    std::vector<std::optional<uint64_t>> pins;
    if (Status s = parsePins(t, 1, {"entry", "dir"}, use.c_str(), &pins); !s.ok()) return s;
    swiss::SwissIter it;
    m.iterInit(&it, pins[0], pins[1]);
    if (it.started) out->swissIterStart = swiss::IterDraws{it.entryOffset, it.dirOffset};
    m.iterNext(&it);
    yieldStarted(m, it, op == "range", &swissIter_, &iterOpen_, out);
    return Status::success();
  }
  if (op == "next") return nextCommand(m, swissIter_, iterOpen_, t, out);
  if (op == "dump") return dumpCommand(t, out);
  return Status::error("unknown command '" + op.substr(0, 40) + "'");
}

Status ScenarioRunner::swissFill(uint64_t n) { return fillGenerated(*swissMap_, n, &generated_); }

// Generated keys whose probe sequence starts at `group` of the table that
// directory entry 0 points to (in a small map: any new key, its one group).
Status ScenarioRunner::swissCollide(uint64_t group, uint64_t n, Outcome* out) {
  swiss::SwissMap& m = *swissMap_;
  const bool small = m.isSmall();
  uint64_t table = 0, mask = 0;
  if (!small) {
    table = m.directoryAt(0);
    mask = m.tLengthMask(table);
  }
  const uint64_t budget =
      std::min<uint64_t>(50000000, (n + 1) * (mask + 1) * 64 * (small ? 1 : m.dirLen()) + 1000);
  auto lands = [&](const std::string& key) {
    if (small) return true;
    const uint64_t h = m.hashOf(key);
    const uint64_t idx = m.dirLen() == 1 ? 0 : h >> (m.globalShift() & 63);
    return m.directoryAt(idx) == table && (swiss::h1(h) & mask) == group;
  };
  return collideGenerated<swiss::SwissFound>(m, n, budget, lands, "group " + std::to_string(group),
                                             &out->hashes, &generated_);
}

}  // namespace gomap
