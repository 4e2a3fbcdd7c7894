// The Swiss state dump of scenario-format.md (contract version 2), read
// from the heap through SwissMap's read-only window: the header, the small
// group or the directory (as positions into `tables`) and every distinct
// table in directory order, each group's 8 control bytes and slots.
#include "json_dump.h"

#include <algorithm>

#include "hex_text.h"
#include "key_text.h"
#include "swiss/swiss_trace_json.h"

namespace gomap {
namespace {

using swiss::SwissMap;

bool allZero(const uint8_t* p, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (p[i] != 0) return false;
  }
  return true;
}

// A GROUP: {"ctrl":[8 bytes],"s":[8 slots]}. A full slot has k and v; any
// other slot is {} unless its key bytes are not zero, which a delete or a
// clear can leave behind: then "stale" gives them as a key (an extension
// the conformance driver compares).
// With `detail` (the playground's view), a group also gives its address and
// a stale slot the element bytes left beside its key ("staleV").
void appendGroup(const SwissMap& m, uint64_t g, bool detail, std::string* out) {
  const MapType& t = m.type();
  *out += "{";
  if (detail) *out += "\"addr\":\"" + hexAddress(g) + "\",";
  *out += "\"ctrl\":[";
  for (int i = 0; i < swiss::kGroupSlots; ++i) {
    if (i) *out += ',';
    *out += std::to_string(m.ctrlAt(g, i));
  }
  *out += "],\"s\":[";
  for (int i = 0; i < swiss::kGroupSlots; ++i) {
    if (i) *out += ',';
    const uint8_t c = m.ctrlAt(g, i);
    if ((c & swiss::kCtrlEmpty) == 0) {
      *out += "{\"k\":" + jsonString(formatKey(t, m.keyBytes(m.keyAt(g, i))));
      std::string v = formatElem(t, m.elemBytes(m.elemAt(g, i)));
      *out += ",\"v\":" + (t.elem == ElemKind::Int64 ? v : jsonString(v)) + "}";
      continue;
    }
    const uint64_t k = t.indirectKey ? m.heap().load64(m.keySlot(g, i)) : m.keySlot(g, i);
    if (k != 0 && !allZero(m.heap().at(k), t.keyTypeSize)) {
      *out += "{\"stale\":" + jsonString(formatKey(t, m.keyBytes(k)));
      const uint64_t e = t.indirectElem ? m.heap().load64(m.elemSlot(g, i)) : m.elemSlot(g, i);
      if (detail && e != 0) {
        std::string v = formatElem(t, m.elemBytes(e));
        *out += ",\"staleV\":" + (t.elem == ElemKind::Int64 ? v : jsonString(v));
      }
      *out += "}";
    } else {
      *out += "{}";
    }
  }
  *out += "]}";
}

// Which tables a viewer's state gives group by group: all of them, unless
// they hold more than `maxGroups` groups together; then only those holding
// one of `near` (a table's address or an address inside its groups).
// With `groups` false, no table gives its groups: a viewer reads the ones
// it draws with dumpSwissGroups.
struct GroupWindow {
  const std::vector<uint64_t>* near = nullptr;
  uint64_t maxGroups = ~uint64_t(0);
  bool all = true;
  bool groups = true;
  bool wants(const SwissMap& m, uint64_t t) const {
    if (all || !near) return true;
    const uint64_t from = m.tGroups(t), to = from + (m.tLengthMask(t) + 1) * m.layout().groupSize;
    for (uint64_t a : *near) {
      if (a == t || (a >= from && a < to)) return true;
    }
    return false;
  }
};

// A table's fields; with `detail` also its address, its groups' address
// and its tombstones (the capacity's 7/8 not taken by used or growthLeft).
// A table the window leaves out has "groups":[] and "summary":true.
void appendTable(const SwissMap& m, uint64_t t, bool detail, std::string* out,
                 const GroupWindow& window = {}) {
  *out += "{";
  const bool groups = !detail || window.wants(m, t);
  if (detail) {
    *out += "\"addr\":\"" + hexAddress(t) + "\",\"groupsAddr\":\"" + hexAddress(m.tGroups(t)) +
            "\",\"tombstones\":" + std::to_string(m.tTombstones(t)) +
            ",\"groupCount\":" + std::to_string(m.tLengthMask(t) + 1) + ",";
    if (!groups) *out += "\"summary\":true,";
  }
  *out += "\"index\":" + std::to_string(m.tIndex(t)) + ",\"localDepth\":" + std::to_string(m.tLocalDepth(t)) +
          ",\"capacity\":" + std::to_string(m.tCapacity(t)) + ",\"used\":" + std::to_string(m.tUsed(t)) +
          ",\"growthLeft\":" + std::to_string(m.tGrowthLeft(t)) + ",\"groups\":[";
  for (uint64_t g = 0, n = groups && window.groups ? m.tLengthMask(t) + 1 : 0; g < n; ++g) {
    if (g) *out += ',';
    appendGroup(m, m.groupAt(t, g), detail, out);
  }
  *out += "]}";
}

// With `summarize`, a map of more than kDumpFullBucketLimit groups (a group
// holds 8 slots, as a bucket of version 1 does) gives its header and a
// "summarized" object instead of its directory and tables.
void appendSwissState(const SwissMap& m, bool detail, std::string* out, const GroupWindow& window = {},
                      bool summarize = false) {
  *out += "\"model\":\"swiss\"";
  *out += ",\"count\":" + std::to_string(m.used());
  *out += ",\"seed\":\"" + hexWord(m.seed()) + "\"";
  *out += ",\"dirLen\":" + std::to_string(m.dirLen());
  *out += ",\"globalDepth\":" + std::to_string(m.globalDepth());
  *out += std::string(",\"tombstonePossible\":") + (m.tombstonePossible() ? "true" : "false");
  *out += ",\"clearSeq\":" + std::to_string(m.clearSeq());
  if (m.dirLen() == 0) {
    if (m.dirPtr() != 0) {
      *out += ",\"small\":";
      appendGroup(m, m.dirPtr(), detail, out);
    }
    return;
  }
  if (summarize) {
    uint64_t tableCount = 0, groupCount = 0;
    for (uint64_t i = 0, n = m.dirLen(); i < n; ++i) {
      const uint64_t t = m.directoryAt(i);
      if (i > 0 && t == m.directoryAt(i - 1)) continue;
      ++tableCount;
      groupCount += m.tLengthMask(t) + 1;
    }
    if (groupCount > kDumpFullBucketLimit) {
      *out += ",\"summarized\":{\"tables\":" + std::to_string(tableCount) +
              ",\"groups\":" + std::to_string(groupCount) + ",\"why\":\"more than " +
              std::to_string(kDumpFullBucketLimit) + " groups: 'dump full' lists them\"}";
      return;
    }
  }
  // Tables occupy aligned runs of entries, so a table is new exactly where
  // the pointer changes.
  std::vector<uint64_t> tables;
  *out += ",\"directory\":[";
  for (uint64_t i = 0, n = m.dirLen(); i < n; ++i) {
    const uint64_t t = m.directoryAt(i);
    if (tables.empty() || tables.back() != t) tables.push_back(t);
    if (i) *out += ',';
    *out += std::to_string(tables.size() - 1);
  }
  *out += "],\"tables\":[";
  for (size_t p = 0; p < tables.size(); ++p) {
    if (p) *out += ',';
    appendTable(m, tables[p], detail, out, window);
  }
  *out += ']';
}

void appendSwissTrace(const swiss::SwissTrace& trace, std::string* out) {
  *out += ",\"trace\":";
  swiss::appendSwissEventsJson(trace, out);
  if (trace.truncated) *out += ",\"traceTruncated\":true";
}

}  // namespace

std::string dumpSwissState(const SwissMap& map) {
  std::string out = "{";
  appendSwissState(map, false, &out);
  return out + "}";
}

std::string dumpSwissStateDetail(const SwissMap& map, const std::vector<uint64_t>& detached,
                                 const std::vector<uint64_t>* near, uint64_t maxGroups, bool withGroups) {
  GroupWindow window;
  if (near) {
    uint64_t total = 0;
    for (uint64_t i = 0, n = map.dirLen(); i < n; ++i) {
      const uint64_t t = map.directoryAt(i);
      if (i == 0 || t != map.directoryAt(i - 1)) total += map.tLengthMask(t) + 1;
    }
    for (uint64_t t : detached) total += map.tLengthMask(t) + 1;
    window = {near, maxGroups, total <= maxGroups};
  }
  window.groups = withGroups;
  std::string out = "{";
  appendSwissState(map, true, &out, window);
  out += ",\"map\":\"" + hexAddress(map.mapAddress()) + "\",\"dirPtr\":\"" + hexAddress(map.dirPtr()) +
         "\",\"globalShift\":" + std::to_string(map.globalShift()) +
         ",\"heapUsed\":" + std::to_string(map.heap().used());
  out += ",\"detached\":[";
  bool first = true;
  for (uint64_t t : detached) {
    if (!first) out += ',';
    first = false;
    appendTable(map, t, true, &out, window);
  }
  return out + "]}";
}

std::string dumpSwissGroups(const SwissMap& map, uint64_t table, uint64_t from, uint64_t count) {
  const uint64_t n = map.tLengthMask(table) + 1;
  const uint64_t to = from >= n ? from : from + std::min(count, n - from);
  std::string out = "[";
  for (uint64_t g = from; g < to; ++g) {
    if (g > from) out += ',';
    appendGroup(map, map.groupAt(table, g), true, &out);
  }
  return out + "]";
}

void appendSwissOutcomeFields(const SwissMap* map, const Outcome& o, std::string* out) {
  appendKeyFields(map ? &map->type() : nullptr, o, out);
  // The iterator's draws, as decimal text (JSON numbers lose bits in JavaScript).
  if (o.swissIterStart) {
    *out += ",\"entry\":\"" + std::to_string(o.swissIterStart->entry) + "\",\"dir\":\"" +
            std::to_string(o.swissIterStart->dir) + "\"";
  }
}

std::string dumpSwissOutcome(const SwissMap* map, const Outcome& o, const swiss::SwissTrace* trace,
                             const DumpOptions& options) {
  std::string out = "{\"line\":" + std::to_string(o.command->line);
  out += ",\"op\":" + jsonString(o.command->text);
  if (o.result) out += ",\"result\":" + jsonString(*o.result);
  if (map) {
    out += ',';
    appendSwissState(*map, false, &out, {}, !o.dumpFull);
  }
  appendSwissOutcomeFields(map, o, &out);
  if (options.withTrace && trace && o.error.empty()) appendSwissTrace(*trace, &out);
  if (!o.error.empty()) out += ",\"error\":" + jsonString(o.error);
  return out + "}";
}

}  // namespace gomap
