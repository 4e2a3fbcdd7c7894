#include "playground_session.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <malloc.h>

#include "invariants.h"
#include "json_dump.h"
#include "key_text.h"

namespace gomap {
namespace {

std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%" PRIx64, v);
  return buf;
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

void appendEvents(const Trace& trace, std::string* out) {
  *out += ",\"events\":[";
  for (size_t i = 0; i < trace.events.size(); ++i) {
    const TraceEvent& e = trace.events[i];
    if (i) *out += ',';
    *out += "{\"e\":\"";
    *out += traceKindName(e.kind);
    *out += "\",\"fn\":\"";
    *out += traceFuncName(e.func);
    *out += "\",\"old\":";
    *out += e.old ? "true" : "false";
    *out += ",\"bucket\":" + std::to_string(e.bucket) + ",\"slot\":" + std::to_string(e.slot) +
            ",\"tophash\":" + std::to_string(e.tophash) + ",\"addr\":\"" + hex(e.address) +
            "\",\"value\":\"" + hex(e.value) + "\",\"value2\":" + std::to_string(e.value2) +
            ",\"writes\":" + std::to_string(e.writes) + "}";
  }
  *out += ']';
  if (trace.truncated) *out += ",\"eventsTruncated\":true";
}

void appendChainDetail(const GoMap& m, uint64_t first, std::string* out) {
  const MapType& t = m.type();
  *out += '[';
  bool firstBucket = true;
  for (uint64_t b = first; b != 0; b = m.overflowOf(b)) {
    if (!firstBucket) *out += ',';
    firstBucket = false;
    *out += "{\"addr\":\"" + hex(b) + "\",\"t\":[";
    for (int i = 0; i < kBucketCnt; ++i) {
      if (i) *out += ',';
      *out += std::to_string(m.tophashAt(b, i));
    }
    // Keys and elems are shown where the bytes still hold them: live slots,
    // and the moved-out slots of pointer-free old buckets (their bytes remain).
    std::string keys, elems;
    for (int i = 0; i < kBucketCnt; ++i) {
      if (i) keys += ',', elems += ',';
      uint8_t top = m.tophashAt(b, i);
      bool readable = top >= kMinTopHash ||
                      ((top == kEvacuatedX || top == kEvacuatedY) && !t.bucketHasPointers);
      uint64_t k = readable ? m.keyAt(b, i) : 0;
      uint64_t e = readable ? m.elemAt(b, i) : 0;
      keys += readable && (!t.indirectKey || k != 0) ? jsonString(formatKey(t, m.keyBytes(k))) : "null";
      elems += readable && (!t.indirectElem || e != 0) ? jsonString(formatElem(t, m.elemBytes(e))) : "null";
    }
    *out += "],\"k\":[" + keys + "],\"v\":[" + elems;
    *out += "],\"overflow\":\"" + hex(m.overflowOf(b)) + "\"}";
  }
  *out += ']';
}

}  // namespace

double allocatedBytes() { return double(mallinfo().uordblks); }
double memoryInUse() { return double(MemoryBudget::inUse()); }
double memoryCeiling() { return double(MemoryBudget::ceiling()); }

PlaygroundSession::PlaygroundSession() { runner_.setTrace(nullptr); }

void PlaygroundSession::detachRecording() {
  runner_.setTrace(nullptr);
  runner_.setJournal(false);
  if (GoMap* m = runner_.map()) m->stopJournal();
  journaled_ = false;
}

std::string PlaygroundSession::outcomeJson(const Outcome& o, bool withEvents) const {
  std::string out = "{\"line\":" + std::to_string(o.command->line) +
                    ",\"op\":" + jsonString(o.command->text);
  out += ",\"operation\":";
  out += o.isOperation ? "true" : "false";
  if (o.result) out += ",\"result\":" + jsonString(*o.result);
  appendOutcomeFields(runner_.map(), o, &out);
  if (withEvents && o.error.empty()) appendEvents(trace_, &out);
  if (!o.error.empty()) out += ",\"error\":" + jsonString(o.error);
  return out + "}";
}

std::string PlaygroundSession::exec(const std::string& text, bool trace) {
  detachRecording();
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
      // Journal each command's writes from its start, so rewind() can
      // restore any of its micro-steps (meaningful for the last command).
      runner_.setJournal(true);
      journaled_ = true;
      runner_.setTrace(&trace_);
    }
    trace_.clear();
    Outcome o = runner_.run(c, perLine[c.line] > 1);
    if (i) out += ',';
    out += outcomeJson(o, trace);
  }
  runner_.setTrace(nullptr);
  runner_.setJournal(false);
  if (GoMap* m = runner_.map()) m->stopJournal();
  return out + "]";
}

std::string PlaygroundSession::rewind(double writes) {
  GoMap* m = runner_.map();
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

std::string PlaygroundSession::runScenario(const std::string& text, bool dumpsOnly, bool trace) {
  detachRecording();
  std::vector<Command> commands;
  if (Status s = splitScenario(text, ScenarioLimits(), &commands); !s) {
    return "{\"line\":0,\"op\":\"\",\"error\":" + jsonString(s.message()) + "}\n";
  }
  std::map<int, int> perLine;
  for (const Command& c : commands) ++perLine[c.line];
  DumpOptions options;
  options.withTrace = trace;
  options.dumpsOnly = dumpsOnly;
  if (trace) runner_.setTrace(&trace_);
  std::string out;
  for (const Command& c : commands) {
    Outcome o = runner_.run(c, perLine[c.line] > 1);
    if (!o.isOperation) continue;
    if (dumpsOnly && !o.isDump && o.error.empty()) continue;
    out += dumpOutcome(runner_.map(), o, &trace_, options);
    out += '\n';
  }
  runner_.setTrace(nullptr);
  lastCommands_.clear();
  return out;
}

std::string PlaygroundSession::header() const {
  const GoMap* m = runner_.map();
  const MapConfig& cfg = m ? m->config() : runner_.config();
  const MapType& t = cfg.type;
  std::string out = "{\"type\":{\"name\":" + jsonString(t.name()) +
                    ",\"keysize\":" + std::to_string(t.keysize) +
                    ",\"elemsize\":" + std::to_string(t.elemsize) +
                    ",\"bucketsize\":" + std::to_string(t.bucketsize) +
                    ",\"indirectKey\":" + (t.indirectKey ? "true" : "false") +
                    ",\"indirectElem\":" + (t.indirectElem ? "true" : "false") +
                    ",\"hasPointers\":" + (t.bucketHasPointers ? "true" : "false") +
                    ",\"variant\":\"" + variantName(t.variant) + "\"}";
  out += ",\"hasher\":\"";
  out += cfg.hasher == HasherKind::Go114 ? "go114" : cfg.hasher == HasherKind::Go119 ? "go119" : "identity";
  out += "\",\"version\":\"";
  out += cfg.version == GoVersion::Go119 ? "1.19" : "1.14";
  out += "\"";
  if (!m) return out + ",\"created\":false}";
  out += ",\"created\":true,\"hmap\":\"" + hex(m->hmapAddress()) + "\"";
  out += ",\"count\":" + std::to_string(m->count()) + ",\"flags\":" + std::to_string(m->flags()) +
         ",\"B\":" + std::to_string(m->B()) + ",\"noverflow\":" + std::to_string(m->noverflow()) +
         ",\"hash0\":" + std::to_string(m->hash0()) + ",\"buckets\":\"" + hex(m->buckets()) +
         "\",\"oldbuckets\":\"" + hex(m->oldbuckets()) +
         "\",\"nevacuate\":" + std::to_string(m->nevacuate()) + ",\"extra\":\"" + hex(m->extra()) +
         "\",\"nextOverflow\":\"" + hex(m->nextOverflow()) + "\"";
  out += ",\"arrayBuckets\":" + std::to_string(m->buckets() ? m->arrayBuckets(m->B()) : 0);
  out += ",\"heapUsed\":" + std::to_string(m->heap().used());
  if (runner_.iteratorOpen()) {
    const Hiter& it = runner_.iterator();
    out += ",\"iterator\":{\"done\":";
    out += it.key == 0 ? "true" : "false";
    out += ",\"startBucket\":" + std::to_string(it.startBucket) +
           ",\"offset\":" + std::to_string(it.offset) + ",\"B\":" + std::to_string(it.B) +
           ",\"bucket\":" + std::to_string(it.bucket) + ",\"i\":" + std::to_string(it.i) +
           ",\"wrapped\":" + (it.wrapped ? "true" : "false") + ",\"bptr\":\"" + hex(it.bptr) +
           "\",\"buckets\":\"" + hex(it.buckets) + "\",\"checkBucket\":\"" + hex(it.checkBucket) +
           "\"";
    if (it.key != 0) out += ",\"key\":" + jsonString(formatKey(t, m->keyBytes(it.key)));
    out += "}";
  }
  return out + "}";
}

std::string PlaygroundSession::chains(bool old, double from, double count) const {
  const GoMap* m = runner_.map();
  if (!m || m->buckets() == 0 || (old && !m->growing())) return "[]";
  uint64_t n = old ? m->noldbuckets() : bucketShift(m->B());
  uint64_t start = from > 0 ? uint64_t(from) : 0;
  uint64_t end = count > 0 ? start + uint64_t(count) : start;
  if (end > n) end = n;
  uint64_t array = old ? m->oldbuckets() : m->buckets();
  std::string out = "[";
  for (uint64_t i = start; i < end; ++i) {
    if (i != start) out += ',';
    appendChainDetail(*m, m->bucketAddress(array, i), &out);
  }
  return out + "]";
}

std::string PlaygroundSession::state() const {
  const GoMap* m = runner_.map();
  std::string out = "{\"header\":" + header();
  if (m && m->buckets() != 0) {
    out += ",\"buckets\":" + chains(false, 0, double(bucketShift(m->B())));
    if (m->growing()) out += ",\"oldbuckets\":" + chains(true, 0, double(m->noldbuckets()));
    // The spare (preallocated overflow) buckets of the current array: which
    // are still unused.
    uint64_t total = m->arrayBuckets(m->B()), base = bucketShift(m->B());
    uint64_t next = m->nextOverflow();
    out += ",\"spare\":{\"total\":" + std::to_string(total - base) + ",\"unused\":" +
           std::to_string(next ? total - (next - m->buckets()) / m->type().bucketsize : 0) + "}";
  }
  return out + "}";
}

std::string PlaygroundSession::checkInvariants() {
  GoMap* m = runner_.map();
  return m ? gomap::checkInvariants(*m) : "";
}

bool PlaygroundSession::prepareFill(double n, double maxCopyBytes) {
  if (!(n >= 0) || n > 9007199254740991.0 || !(maxCopyBytes >= 1)) return true;  // the fill will say why
  return runner_.prepareFill(uint64_t(n), uint64_t(std::min(maxCopyBytes, 9007199254740991.0)));
}

double PlaygroundSession::heapPointer() const {
  const GoMap* m = runner_.map();
  return m ? double(reinterpret_cast<uintptr_t>(m->heap().bytes().data())) : 0;
}

double PlaygroundSession::heapSize() const {
  const GoMap* m = runner_.map();
  return m ? double(m->heap().used()) : 0;
}

namespace {
// The budget bytes a copy of the runner takes (its map's heap and journal).
uint64_t copyCost(const ScenarioRunner& r) { return r.map() ? r.map()->heap().copyCost() : 0; }
}  // namespace

int PlaygroundSession::snapshot() {
  // The copy carries the journal too, so the last traced command can still
  // be rewound after a snapshot is taken.
  const uint64_t cost = copyCost(runner_);
  if (cost > MemoryBudget::room()) {
    snapshotError_ = "out of memory: a snapshot of this map needs " + MemoryBudget::mib(cost) +
                     " of the playground's memory budget (" + MemoryBudget::mib(MemoryBudget::ceiling()) +
                     ", shared by every map, snapshot and trace), and " +
                     MemoryBudget::mib(MemoryBudget::room()) + " is free; free a snapshot or a map";
    return 0;
  }
  snapshotError_.clear();
  int id = nextSnapshot_++;
  snapshots_.emplace(id, runner_);
  return id;
}

bool PlaygroundSession::restore(int id) {
  auto it = snapshots_.find(id);
  if (it == snapshots_.end()) return false;
  // The copy is made beside the current map, then replaces it.
  if (copyCost(it->second) > MemoryBudget::room()) return false;
  ScenarioRunner copy = it->second;
  runner_ = std::move(copy);
  detachRecording();
  lastCommands_.clear();
  return true;
}

void PlaygroundSession::dropSnapshot(int id) { snapshots_.erase(id); }

std::string PlaygroundSession::checkInt64Batch(double n) {
  if (!(n >= 0) || n > 9007199254740991.0 || n != double(uint64_t(n))) return "batch size must be a whole number";
  if (Status s = runner_.ensureMap(); !s) return s.message();
  GoMap& m = *runner_.map();
  const MapType& t = m.type();
  if (t.key != KeyKind::Int64 || t.elem != ElemKind::Int64) {
    return "setInt64Batch needs map[int64]int64, this map is " + t.name();
  }
  if (Status s = m.checkCapacity(uint64_t(n)); !s) return s.message();
  return "";
}

std::string PlaygroundSession::setInt64Batch(double keysPtr, double valuesPtr, double n) {
  detachRecording();
  if (!(n >= 0) || n > 9007199254740991.0 || n != double(uint64_t(n))) return "batch size must be a whole number";
  if (n > 0 && (keysPtr == 0 || valuesPtr == 0)) return "setInt64Batch: no memory for the pairs (a null pointer)";
  if (Status s = runner_.ensureMap(); !s) return s.message();
  GoMap& m = *runner_.map();
  const MapType& t = m.type();
  if (t.key != KeyKind::Int64 || t.elem != ElemKind::Int64) {
    return "setInt64Batch needs map[int64]int64, this map is " + t.name();
  }
  uint64_t count = uint64_t(n);
  if (Status s = m.checkCapacity(count); !s) return s.message();
  const uint8_t* keys = reinterpret_cast<const uint8_t*>(uintptr_t(keysPtr));
  const uint8_t* values = reinterpret_cast<const uint8_t*>(uintptr_t(valuesPtr));
  for (uint64_t i = 0; i < count; ++i) {
    m.setUnchecked(std::string_view(reinterpret_cast<const char*>(keys + 8 * i), 8),
                   std::string_view(reinterpret_cast<const char*>(values + 8 * i), 8));
  }
  return "";
}

}  // namespace gomap
