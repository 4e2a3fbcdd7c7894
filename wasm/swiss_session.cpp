#include "swiss_session.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include "json_dump.h"
#include "key_text.h"
#include "swiss/swiss_invariants.h"
#include "swiss/swiss_trace_json.h"

namespace gomap {
namespace {

std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%" PRIx64, v);
  return buf;
}

std::string hex16(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, v);
  return buf;
}

const char* hasherName(swiss::SwissHasher h) {
  switch (h) {
    case swiss::SwissHasher::Go126: return "go126";
    case swiss::SwissHasher::Go114: return "go114";
    case swiss::SwissHasher::Go119: return "go119";
    case swiss::SwissHasher::Identity: return "identity";
  }
  return "?";
}

const char* variantName(Variant v) {
  switch (v) {
    case Variant::Fast32: return "fast32";
    case Variant::Fast64: return "fast64";
    case Variant::FastStr: return "faststr";
    case Variant::Generic: break;
  }
  return "generic";
}

uint64_t copyCost(const ScenarioRunner& r) { return r.swissMap() ? r.swissMap()->heap().copyCost() : 0; }

}  // namespace

SwissSession::SwissSession() {
  // Every session of this class reads its scenario under contract version 2;
  // a `version 1.26` line in a scenario is then still welcome, once.
  std::vector<Command> version;
  (void)splitScenario("version 1.26", ScenarioLimits(), &version);
  runner_.applyVersionFirst(version);
}

// A `version` line naming another Go than 1.26 would be read as nothing
// here (the runner stays on the Swiss map), so it is refused by name.
Outcome SwissSession::run(const Command& c, bool lineHasMany) {
  if (c.error.isOk() && c.tokens.size() == 2 && c.tokens[0] == "version" && c.tokens[1] != "1.26") {
    Outcome o;
    o.command = &c;
    o.isOperation = true;
    o.error = "line " + std::to_string(c.line) + ": this is a Go 1.26 (Swiss table) map; version " +
              c.tokens[1].substr(0, 20) + " needs a map made with that version";
    return o;
  }
  return runner_.run(c, lineHasMany);
}

void SwissSession::detachRecording() {
  runner_.setSwissTrace(nullptr);
  runner_.setJournal(false);
  if (swiss::SwissMap* m = runner_.swissMap()) m->stopJournal();
  journaled_ = false;
}

void SwissSession::noteTables() {
  namedTables_.clear();
  for (const swiss::SwissTraceEvent& e : trace_.events) {
    using K = swiss::SwissTraceKind;
    if (e.kind != K::Rehash && e.kind != K::MoveEntry && e.kind != K::GrowToTable && e.kind != K::InstallTable) {
      continue;
    }
    if (std::find(namedTables_.begin(), namedTables_.end(), e.address) == namedTables_.end()) {
      namedTables_.push_back(e.address);
    }
  }
}

std::string SwissSession::outcomeJson(const Outcome& o, bool withEvents) const {
  std::string out = "{\"line\":" + std::to_string(o.command->line) + ",\"op\":" + jsonString(o.command->text);
  out += ",\"operation\":";
  out += o.isOperation ? "true" : "false";
  if (o.result) out += ",\"result\":" + jsonString(*o.result);
  const swiss::SwissMap* m = runner_.swissMap();
  if (m && !o.hashes.empty()) {
    out += ",\"hashes\":{";
    for (size_t i = 0; i < o.hashes.size(); ++i) {
      if (i) out += ',';
      out += jsonString(formatKey(m->type(), o.hashes[i].first)) + ":\"" + hex16(o.hashes[i].second) + "\"";
    }
    out += '}';
  }
  if (o.keys) {
    out += ",\"keys\":[";
    for (size_t i = 0; i < o.keys->size(); ++i) {
      if (i) out += ',';
      out += jsonString((*o.keys)[i]);
    }
    out += ']';
  }
  if (o.swissIterStart) {
    out += ",\"entry\":\"" + std::to_string(o.swissIterStart->entry) + "\",\"dir\":\"" +
           std::to_string(o.swissIterStart->dir) + "\"";
  }
  if (withEvents && o.error.empty()) {
    out += ",\"events\":";
    swiss::appendSwissEventsJson(trace_, &out);
    if (trace_.truncated) out += ",\"eventsTruncated\":true";
  }
  if (!o.error.empty()) out += ",\"error\":" + jsonString(o.error);
  return out + "}";
}

std::string SwissSession::exec(const std::string& text, bool trace) {
  detachRecording();
  namedTables_.clear();
  std::vector<Command> commands;
  if (Status s = splitScenario(text, ScenarioLimits(), &commands); !s) {
    return "[{\"line\":0,\"op\":\"\",\"operation\":true,\"error\":" + jsonString(s.message()) + "}]";
  }
  std::map<int, int> perLine;
  for (const Command& c : commands) ++perLine[c.line];
  lastCommands_ = std::move(commands);
  std::string out = "[";
  for (size_t i = 0; i < lastCommands_.size(); ++i) {
    const Command& c = lastCommands_[i];
    if (trace) {
      runner_.setJournal(true);
      journaled_ = true;
      runner_.setSwissTrace(&trace_);
    }
    trace_.clear();
    Outcome o = run(c, perLine[c.line] > 1);
    if (trace) noteTables();
    if (i) out += ',';
    out += outcomeJson(o, trace);
  }
  runner_.setSwissTrace(nullptr);
  runner_.setJournal(false);
  if (swiss::SwissMap* m = runner_.swissMap()) m->stopJournal();
  return out + "]";
}

std::string SwissSession::rewind(double writes) {
  swiss::SwissMap* m = runner_.swissMap();
  if (!m || !journaled_) return "rewind needs a traced command first";
  if (m->heap().journalLost()) {
    return "rewind: this command wrote more than its journal may hold (" +
           MemoryBudget::mib(SimHeap::kMaxJournalBytes) +
           ", or what the memory budget had free), so its steps cannot be wound back";
  }
  if (!(writes >= 0) || writes > double(m->heap().journalSize())) {
    return "rewind: writes must be between 0 and " + std::to_string(m->heap().journalSize());
  }
  m->rollbackTo(size_t(writes));
  return "";
}

std::string SwissSession::runScenario(const std::string& text, bool dumpsOnly, bool trace) {
  detachRecording();
  namedTables_.clear();
  std::vector<Command> commands;
  if (Status s = splitScenario(text, ScenarioLimits(), &commands); !s) {
    return "{\"line\":0,\"op\":\"\",\"error\":" + jsonString(s.message()) + "}\n";
  }
  std::map<int, int> perLine;
  for (const Command& c : commands) ++perLine[c.line];
  DumpOptions options;
  options.withTrace = trace;
  options.dumpsOnly = dumpsOnly;
  if (trace) runner_.setSwissTrace(&trace_);
  std::string out;
  for (const Command& c : commands) {
    Outcome o = run(c, perLine[c.line] > 1);
    if (!o.isOperation) continue;
    if (dumpsOnly && !o.isDump && o.error.empty()) continue;
    out += dumpSwissOutcome(runner_.swissMap(), o, &trace_, options);
    out += '\n';
  }
  runner_.setSwissTrace(nullptr);
  lastCommands_.clear();
  return out;
}

std::string SwissSession::header() const {
  const swiss::SwissMap* m = runner_.swissMap();
  const MapType& t = m ? m->type() : runner_.config().type;
  std::string out = "{\"version\":\"1.26\",\"type\":{\"name\":" + jsonString(t.name()) +
                    ",\"keysize\":" + std::to_string(t.keysize) + ",\"elemsize\":" + std::to_string(t.elemsize) +
                    ",\"indirectKey\":" + (t.indirectKey ? "true" : "false") +
                    ",\"indirectElem\":" + (t.indirectElem ? "true" : "false") + ",\"variant\":\"" +
                    variantName(t.variant) + "\"";
  if (m) {
    const swiss::SwissLayout& l = m->layout();
    out += ",\"slotSize\":" + std::to_string(l.slotSize) + ",\"groupSize\":" + std::to_string(l.groupSize) +
           ",\"elemOff\":" + std::to_string(l.elemOff);
  }
  out += "}";
  if (!m) return out + ",\"created\":false}";
  out += ",\"created\":true,\"hasher\":\"";
  out += hasherName(m->config().hasher);
  out += "\",\"map\":\"" + hex(m->mapAddress()) + "\",\"count\":" + std::to_string(m->used()) + ",\"seed\":\"" +
         hex16(m->seed()) + "\",\"dirLen\":" + std::to_string(m->dirLen()) +
         ",\"globalDepth\":" + std::to_string(m->globalDepth()) +
         ",\"tombstonePossible\":" + (m->tombstonePossible() ? "true" : "false") +
         ",\"clearSeq\":" + std::to_string(m->clearSeq()) + ",\"heapUsed\":" + std::to_string(m->heap().used());
  // Sizes a player plans by without reading the groups: the slots of all
  // tables (a small map's group: 8) and the groups of directory entry 0's
  // table (what `collide G N` aims into).
  uint64_t slots = m->dirPtr() ? swiss::kGroupSlots : 0, groups0 = 1;
  for (uint64_t i = 0, n = m->dirLen(); i < n; ++i) {
    const uint64_t t = m->directoryAt(i);
    if (i == 0) {
      slots = 0;
      groups0 = m->tLengthMask(t) + 1;
    }
    if (i == 0 || t != m->directoryAt(i - 1)) slots += m->tCapacity(t);
  }
  out += ",\"slots\":" + std::to_string(slots) + ",\"groups0\":" + std::to_string(groups0);
  return out + "}";
}

std::string SwissSession::state() const { return stateNear("", -1); }

std::string SwissSession::stateNear(const std::string& near, double maxGroups) const {
  const swiss::SwissMap* m = runner_.swissMap();
  std::string out = "{\"header\":" + header();
  if (!m) return out + "}";
  std::vector<uint64_t> detached;
  if (journaled_) {
    // Tables named by the last traced command that the directory does not
    // point at (now, at the rewound moment) and whose header is written.
    for (uint64_t t : namedTables_) {
      bool listed = false;
      for (uint64_t i = 0, n = m->dirLen(); i < n && !listed; ++i) listed = m->directoryAt(i) == t;
      const bool inHeap = t >= SimHeap::kBase && t - SimHeap::kBase + 32 <= m->heap().used();
      if (!listed && inHeap && m->tCapacity(t) != 0) detached.push_back(t);
    }
  }
  std::vector<uint64_t> addrs;
  for (size_t i = 0; i < near.size();) {
    size_t j = near.find(',', i);
    if (j == std::string::npos) j = near.size();
    uint64_t a = 0;
    if (parseUint64("0x" + near.substr(i, j - i), &a)) addrs.push_back(a);
    i = j + 1;
  }
  const bool windowed = maxGroups >= 0;
  std::string dump = dumpSwissStateDetail(*m, detached, windowed ? &addrs : nullptr,
                                          windowed ? uint64_t(maxGroups) : 0);
  out += ",\"swiss\":" + dump;
  return out + "}";
}

std::string SwissSession::checkInvariants() {
  swiss::SwissMap* m = runner_.swissMap();
  return m ? swiss::checkSwissInvariants(*m) : "";
}

bool SwissSession::prepareFill(double n, double maxCopyBytes) {
  if (!(n >= 0) || n > 9007199254740991.0 || !(maxCopyBytes >= 1)) return true;  // the fill will say why
  return runner_.prepareFill(uint64_t(n), uint64_t(std::min(maxCopyBytes, 9007199254740991.0)));
}

double SwissSession::heapPointer() const {
  const swiss::SwissMap* m = runner_.swissMap();
  return m ? double(reinterpret_cast<uintptr_t>(m->heap().bytes().data())) : 0;
}

double SwissSession::heapSize() const {
  const swiss::SwissMap* m = runner_.swissMap();
  return m ? double(m->heap().used()) : 0;
}

int SwissSession::snapshot() {
  const uint64_t cost = copyCost(runner_);
  if (cost > MemoryBudget::room()) {
    snapshotError_ = "out of memory: a snapshot of this map needs " + MemoryBudget::mib(cost) +
                     " of the playground's memory budget (" + MemoryBudget::mib(MemoryBudget::ceiling()) +
                     ", shared by every map, snapshot and trace), and " + MemoryBudget::mib(MemoryBudget::room()) +
                     " is free; free a snapshot or a map";
    return 0;
  }
  snapshotError_.clear();
  int id = nextSnapshot_++;
  snapshots_.emplace(id, runner_);
  return id;
}

bool SwissSession::restore(int id) {
  auto it = snapshots_.find(id);
  if (it == snapshots_.end()) return false;
  if (copyCost(it->second) > MemoryBudget::room()) return false;
  ScenarioRunner copy = it->second;
  runner_ = std::move(copy);
  detachRecording();
  namedTables_.clear();
  lastCommands_.clear();
  return true;
}

void SwissSession::dropSnapshot(int id) { snapshots_.erase(id); }

}  // namespace gomap
