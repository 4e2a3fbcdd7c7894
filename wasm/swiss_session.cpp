#include "swiss_session.h"

#include <algorithm>

#include "hex_text.h"
#include "json_dump.h"
#include "key_text.h"
#include "swiss/swiss_invariants.h"
#include "swiss/swiss_trace_json.h"

namespace gomap {
namespace {

const char* hasherName(swiss::SwissHasher h) {
  switch (h) {
    case swiss::SwissHasher::Go126: return "go126";
    case swiss::SwissHasher::Go114: return "go114";
    case swiss::SwissHasher::Go119: return "go119";
    case swiss::SwissHasher::Identity: return "identity";
  }
  return "?";
}

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
  if (c.error.ok() && c.tokens.size() == 2 && c.tokens[0] == "version" && c.tokens[1] != "1.26") {
    Outcome o;
    o.command = &c;
    o.isOperation = true;
    failOutcome(&o, lineHasMany,
                "this is a Go 1.26 (Swiss table) map; version " + c.tokens[1].substr(0, 20) +
                    " needs a map made with that version");
    return o;
  }
  return runner_.run(c, lineHasMany);
}

void SwissSession::noteSteps() {
  namedTables_.clear();
  for (const swiss::SwissTraceEvent& e : trace_.events) {
    using K = swiss::SwissTraceKind;
    if (e.kind != K::Rehash && e.kind != K::MoveEntry && e.kind != K::GrowToTable &&
        e.kind != K::InstallTable) {
      continue;
    }
    if (std::find(namedTables_.begin(), namedTables_.end(), e.address) == namedTables_.end()) {
      namedTables_.push_back(e.address);
    }
  }
}

void SwissSession::appendOutcome(const Outcome& o, bool withEvents, std::string* out) const {
  appendSwissOutcomeFields(runner_.swissMap(), o, out);
  if (withEvents) {
    *out += ",\"events\":";
    swiss::appendSwissEventsJson(trace_, out);
    if (trace_.truncated) *out += ",\"eventsTruncated\":true";
  }
}

std::string SwissSession::dumpLine(const Outcome& o, const DumpOptions& options) const {
  return dumpSwissOutcome(runner_.swissMap(), o, &trace_, options);
}

std::string SwissSession::header() const {
  const swiss::SwissMap* m = runner_.swissMap();
  const MapType& t = m ? m->type() : runner_.config().type;
  std::string out =
      "{\"version\":\"1.26\",\"type\":{\"name\":" + jsonString(t.name()) +
      ",\"keysize\":" + std::to_string(t.keysize) + ",\"elemsize\":" + std::to_string(t.elemsize) +
      ",\"indirectKey\":" + (t.indirectKey ? "true" : "false") +
      ",\"indirectElem\":" + (t.indirectElem ? "true" : "false") + ",\"variant\":\"" + t.variantName() + "\"";
  if (m) {
    const swiss::SwissLayout& l = m->layout();
    out += ",\"slotSize\":" + std::to_string(l.slotSize) + ",\"groupSize\":" + std::to_string(l.groupSize) +
           ",\"elemOff\":" + std::to_string(l.elemOff);
  }
  out += "}";
  if (!m) return out + ",\"created\":false}";
  out += ",\"created\":true,\"hasher\":\"";
  out += hasherName(m->config().hasher);
  out += "\",\"map\":\"" + hexAddress(m->mapAddress()) + "\",\"count\":" + std::to_string(m->used()) +
         ",\"seed\":\"" + hexWord(m->seed()) + "\",\"dirLen\":" + std::to_string(m->dirLen()) +
         ",\"globalDepth\":" + std::to_string(m->globalDepth()) +
         ",\"tombstonePossible\":" + (m->tombstonePossible() ? "true" : "false") +
         ",\"clearSeq\":" + std::to_string(m->clearSeq()) +
         ",\"heapUsed\":" + std::to_string(m->heap().used());
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

std::vector<uint64_t> SwissSession::detachedTables() const {
  const swiss::SwissMap* m = runner_.swissMap();
  std::vector<uint64_t> detached;
  if (!m || !journaled()) return detached;
  // Tables named by the last traced command that the directory does not
  // point at (now, at the rewound moment) and whose header is written.
  for (uint64_t t : namedTables_) {
    bool listed = false;
    for (uint64_t i = 0, n = m->dirLen(); i < n && !listed; ++i) listed = m->directoryAt(i) == t;
    const bool inHeap = t >= SimHeap::kBase && t - SimHeap::kBase + 32 <= m->heap().used();
    if (!listed && inHeap && m->tCapacity(t) != 0) detached.push_back(t);
  }
  return detached;
}

std::string SwissSession::stateNear(const std::string& near, double maxGroups) const {
  return stateOf(near, maxGroups, true);
}

std::string SwissSession::stateTables(const std::string& near, double maxGroups) const {
  return stateOf(near, maxGroups < 0 ? 0 : maxGroups, false);
}

std::string SwissSession::stateOf(const std::string& near, double maxGroups, bool withGroups) const {
  const swiss::SwissMap* m = runner_.swissMap();
  std::string out = "{\"header\":" + header();
  if (!m) return out + "}";
  std::vector<uint64_t> addrs;
  for (size_t i = 0; i < near.size();) {
    size_t j = near.find(',', i);
    if (j == std::string::npos) j = near.size();
    uint64_t a = 0;
    if (parseUint64("0x" + near.substr(i, j - i), &a)) addrs.push_back(a);
    i = j + 1;
  }
  const bool windowed = maxGroups >= 0;
  std::string dump = dumpSwissStateDetail(*m, detachedTables(), windowed ? &addrs : nullptr,
                                          windowed ? uint64_t(maxGroups) : 0, withGroups);
  out += ",\"swiss\":" + dump;
  return out + "}";
}

std::string SwissSession::groups(const std::string& table, double from, double count) const {
  const swiss::SwissMap* m = runner_.swissMap();
  uint64_t t = 0;
  if (!parseUint64("0x" + table, &t))
    return "{\"error\":" + jsonString("groups: table must be a hex address, got '" + table + "'") + "}";
  bool listed = false;
  for (uint64_t i = 0, n = m ? m->dirLen() : 0; i < n && !listed; ++i) listed = m->directoryAt(i) == t;
  if (!listed)
    for (uint64_t d : detachedTables()) listed = listed || d == t;
  if (!listed)
    return "{\"error\":" + jsonString("groups: no table at 0x" + table + " in this moment's state") + "}";
  // Checked before any conversion: a fraction was read as the index below
  // it, and a number past uint64_t's range was undefined behaviour.
  if (!isWholeCount(from))
    return "{\"error\":\"groups: from must be a group index (a whole number from 0 to 2^53 - 1)\"}";
  if (!isWholeCount(count)) return "{\"error\":\"groups: count must be a whole number from 0 to 2^53 - 1\"}";
  return "{\"groups\":" + dumpSwissGroups(*m, t, uint64_t(from), uint64_t(count)) + "}";
}

std::string SwissSession::checkInvariants() {
  swiss::SwissMap* m = runner_.swissMap();
  return m ? swiss::checkSwissInvariants(*m) : "";
}

}  // namespace gomap
