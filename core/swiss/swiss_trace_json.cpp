// One writer for Swiss trace events (see swiss_trace_json.h). The meaning of
// each SwissTraceEvent field per kind is in swiss_trace.h; here each becomes
// a named JSON field.
#include "swiss/swiss_trace_json.h"

#include "hex_text.h"
#include "swiss/swiss_layout.h"

namespace gomap::swiss {
namespace {

// A match bitset (bit 7 of each byte marks a slot) as the slots it names.
std::string slotsOf(uint64_t bitset) {
  std::string out = "[";
  bool first = true;
  for (int i = 0; i < kGroupSlots; ++i) {
    if (bitset & (uint64_t(0x80) << (8 * i))) {
      if (!first) out += ',';
      first = false;
      out += std::to_string(i);
    }
  }
  return out + "]";
}

class EventWriter {
 public:
  explicit EventWriter(std::string* out) : out_(out) {}

  void num(const char* name, uint64_t v) { field(name, std::to_string(v)); }
  void flag(const char* name, bool v) { field(name, v ? "true" : "false"); }
  void text(const char* name, const std::string& v) { field(name, "\"" + v + "\""); }
  void raw(const char* name, const std::string& v) { field(name, v); }
  void field(const char* name, const std::string& json) {
    *out_ += ",\"";
    *out_ += name;
    *out_ += "\":";
    *out_ += json;
  }
  // The address the event names, as a table's or a group's.
  void table(const SwissTraceEvent& e) { text("table", hexAddress(e.address)); }
  void groupAddr(const SwissTraceEvent& e) { text("groupAddr", hexAddress(e.address)); }
  // The group a step is at: its index in its table (probe order) and address.
  void group(const SwissTraceEvent& e) {
    num("group", e.group);
    groupAddr(e);
  }
  // The slot an iterator is at, by its group's address alone.
  void iterSlot(const SwissTraceEvent& e) {
    groupAddr(e);
    num("slot", e.slot);
  }
  void slot(const SwissTraceEvent& e) {
    group(e);
    num("slot", e.slot);
    num("ctrl", e.ctrl);
  }

 private:
  std::string* out_;
};

// `splitting` is whether the moves that follow belong to a split (the
// rehash event before them says so), which gives a move its side.
void appendEvent(const SwissTraceEvent& e, bool splitting, std::string* out) {
  *out += "{\"e\":\"";
  *out += swissTraceKindName(e.kind);
  *out += "\",\"fn\":\"";
  *out += swissTraceFuncName(e.func);
  *out += "\",\"writes\":" + std::to_string(e.writes);
  EventWriter w(out);
  switch (e.kind) {
    case SwissTraceKind::Hash:
      w.text("hash", hexWord(e.value));
      w.text("h1", hexWord(h1(e.value)));
      w.num("h2", h2(e.value));
      w.flag("pinned", e.value2 != 0);
      break;
    case SwissTraceKind::SkipHash:
      w.groupAddr(e);
      w.raw("full", slotsOf(e.value));
      break;
    case SwissTraceKind::DirEntry:
      w.num("dirIndex", e.value);
      w.table(e);
      break;
    case SwissTraceKind::ProbeGroup:
      w.group(e);
      w.text("matchH2", hexWord(e.value));
      w.text("matchEmpty", hexWord(e.value2));
      w.raw("matchH2Slots", slotsOf(e.value));
      w.raw("matchEmptySlots", slotsOf(e.value2));
      break;
    case SwissTraceKind::CompareKey:
      w.slot(e);
      w.flag("equal", e.value != 0);
      break;
    case SwissTraceKind::Found:
    case SwissTraceKind::UpdateKey:
    case SwissTraceKind::RememberTombstone:
    case SwissTraceKind::DeleteEmpty:
    case SwissTraceKind::DeleteTombstone: w.slot(e); break;
    case SwissTraceKind::NotFound: w.group(e); break;
    case SwissTraceKind::ChooseSlot:
      w.slot(e);
      w.flag("reusesTombstone", e.value != 0);
      break;
    case SwissTraceKind::StoreEntry:
      w.slot(e);
      w.num("growthLeft", e.value);
      break;
    case SwissTraceKind::GrowToSmall: w.groupAddr(e); break;
    case SwissTraceKind::GrowToTable: w.table(e); break;
    case SwissTraceKind::PruneStart:
      w.table(e);
      w.num("tombstones", e.value);
      w.flag("attempted", e.value2 != 0);
      break;
    case SwissTraceKind::PruneResult:
      w.table(e);
      w.num("freed", e.value);
      break;
    case SwissTraceKind::Rehash:
      w.table(e);
      w.text("how", e.value ? "grow" : "split");
      w.num("newCapacity", e.value ? e.value : kMaxTableCapacity);
      break;
    case SwissTraceKind::MoveEntry:
      w.num("fromGroup", e.group);
      w.num("fromSlot", e.slot);
      w.num("ctrl", e.ctrl);
      w.table(e);
      w.num("destGroup", e.value);
      w.num("destSlot", e.value2 & 0xff);
      if (splitting) w.text("side", (e.value2 >> 8) ? "right" : "left");
      break;
    case SwissTraceKind::DirectoryDouble:
      w.text("directory", hexAddress(e.address));
      w.num("dirLen", e.value);
      break;
    case SwissTraceKind::InstallTable:
      w.table(e);
      w.num("dirIndex", e.value);
      w.num("entries", e.value2);
      break;
    case SwissTraceKind::Reseed:
      w.text("seed", hexWord(e.value));
      w.flag("pinned", e.value2 != 0);
      break;
    case SwissTraceKind::ClearMap: w.flag("early", e.value != 0); break;
    case SwissTraceKind::ClearGroup:
      w.group(e);
      w.flag("zeroed", e.value != 0);
      break;
    case SwissTraceKind::IterStart:
      // Decimal text: JavaScript numbers lose bits past 2^53.
      w.text("entryOffset", std::to_string(e.value));
      w.text("dirOffset", std::to_string(e.value2));
      break;
    case SwissTraceKind::IterTable:
      w.table(e);
      w.num("dirIndex", e.value);
      break;
    case SwissTraceKind::IterDirShift: w.num("doublings", e.value); break;
    case SwissTraceKind::IterYield:
      w.iterSlot(e);
      w.num("ctrl", e.ctrl);
      w.flag("relooked", e.value2 != 0);
      break;
    case SwissTraceKind::IterSkip: w.iterSlot(e); break;
    case SwissTraceKind::IterEnd: break;
  }
  *out += '}';
}

}  // namespace

void appendSwissEventsJson(const SwissTrace& trace, std::string* out) {
  *out += '[';
  bool splitting = false;
  for (size_t i = 0; i < trace.events.size(); ++i) {
    const SwissTraceEvent& e = trace.events[i];
    if (e.kind == SwissTraceKind::Rehash) splitting = e.value == 0;
    if (e.kind == SwissTraceKind::GrowToTable) splitting = false;
    if (i) *out += ',';
    appendEvent(e, splitting, out);
  }
  *out += ']';
}

}  // namespace gomap::swiss
