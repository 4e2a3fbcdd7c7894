// The Swiss state dump of scenario-format.md (contract version 2), read
// from the heap through SwissMap's read-only window: the header, the small
// group or the directory (as positions into `tables`) and every distinct
// table in directory order, each group's 8 control bytes and slots.
#include <cinttypes>
#include <cstdio>

#include "json_dump.h"
#include "key_text.h"

namespace gomap {
namespace {

using swiss::SwissMap;

std::string hex16(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, v);
  return buf;
}

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
void appendGroup(const SwissMap& m, uint64_t g, std::string* out) {
  const MapType& t = m.type();
  *out += "{\"ctrl\":[";
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
      *out += "{\"stale\":" + jsonString(formatKey(t, m.keyBytes(k))) + "}";
    } else {
      *out += "{}";
    }
  }
  *out += "]}";
}

void appendSwissState(const SwissMap& m, std::string* out) {
  *out += "\"model\":\"swiss\"";
  *out += ",\"count\":" + std::to_string(m.used());
  *out += ",\"seed\":\"" + hex16(m.seed()) + "\"";
  *out += ",\"dirLen\":" + std::to_string(m.dirLen());
  *out += ",\"globalDepth\":" + std::to_string(m.globalDepth());
  *out += std::string(",\"tombstonePossible\":") + (m.tombstonePossible() ? "true" : "false");
  *out += ",\"clearSeq\":" + std::to_string(m.clearSeq());
  if (m.dirLen() == 0) {
    if (m.dirPtr() != 0) {
      *out += ",\"small\":";
      appendGroup(m, m.dirPtr(), out);
    }
    return;
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
    const uint64_t t = tables[p];
    if (p) *out += ',';
    *out += "{\"index\":" + std::to_string(m.tIndex(t)) + ",\"localDepth\":" + std::to_string(m.tLocalDepth(t)) +
            ",\"capacity\":" + std::to_string(m.tCapacity(t)) + ",\"used\":" + std::to_string(m.tUsed(t)) +
            ",\"growthLeft\":" + std::to_string(m.tGrowthLeft(t)) + ",\"groups\":[";
    for (uint64_t g = 0, n = m.tLengthMask(t) + 1; g < n; ++g) {
      if (g) *out += ',';
      appendGroup(m, m.groupAt(t, g), out);
    }
    *out += "]}";
  }
  *out += ']';
}

void appendSwissTrace(const swiss::SwissTrace& trace, std::string* out) {
  *out += ",\"trace\":[";
  bool first = true;
  for (const swiss::SwissTraceEvent& e : trace.events) {
    if (!first) *out += ',';
    first = false;
    *out += "{\"e\":\"";
    *out += swiss::swissTraceKindName(e.kind);
    *out += "\",\"fn\":\"";
    *out += swiss::swissTraceFuncName(e.func);
    *out += "\",\"group\":" + std::to_string(e.group) + ",\"slot\":" + std::to_string(e.slot) +
            ",\"ctrl\":" + std::to_string(e.ctrl);
    if (e.address) *out += ",\"addr\":\"" + hex16(e.address) + "\"";
    *out += ",\"value\":\"" + hex16(e.value) + "\",\"value2\":\"" + hex16(e.value2) + "\"}";
  }
  *out += ']';
  if (trace.truncated) *out += ",\"traceTruncated\":true";
}

}  // namespace

std::string dumpSwissState(const SwissMap& map) {
  std::string out = "{";
  appendSwissState(map, &out);
  return out + "}";
}

std::string dumpSwissOutcome(const SwissMap* map, const Outcome& o, const swiss::SwissTrace* trace,
                             const DumpOptions& options) {
  std::string out = "{\"line\":" + std::to_string(o.command->line);
  out += ",\"op\":" + jsonString(o.command->text);
  if (o.result) out += ",\"result\":" + jsonString(*o.result);
  if (map) {
    out += ',';
    appendSwissState(*map, &out);
  }
  if (map && !o.hashes.empty()) {
    out += ",\"hashes\":{";
    bool first = true;
    for (const auto& [key, hash] : o.hashes) {
      if (!first) out += ',';
      first = false;
      out += jsonString(formatKey(map->type(), key)) + ":\"" + hex16(hash) + "\"";
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
  // The iterator's draws, as decimal text (JSON numbers lose bits in JavaScript).
  if (o.swissIterStart) {
    out += ",\"entry\":\"" + std::to_string(o.swissIterStart->entry) + "\",\"dir\":\"" +
           std::to_string(o.swissIterStart->dir) + "\"";
  }
  if (options.withTrace && trace && o.error.empty()) appendSwissTrace(*trace, &out);
  if (!o.error.empty()) out += ",\"error\":" + jsonString(o.error);
  return out + "}";
}

}  // namespace gomap
