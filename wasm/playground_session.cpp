#include "playground_session.h"

#include <algorithm>
#include <cstring>
#include <malloc.h>

#include "hex_text.h"
#include "invariants.h"
#include "json_dump.h"
#include "key_text.h"

namespace gomap {
double allocatedBytes() { return double(mallinfo().uordblks); }
double memoryInUse() { return double(MemoryBudget::inUse()); }
double memoryCeiling() { return double(MemoryBudget::ceiling()); }

PlaygroundSession::PlaygroundSession() { runner_.setTrace(nullptr); }

void PlaygroundSession::appendOutcome(const Outcome& o, bool withEvents, std::string* out) const {
  appendOutcomeFields(runner_.map(), o, out);
  if (withEvents) appendTraceJson(trace_, TraceJsonFor::Viewer, out);
}

std::string PlaygroundSession::dumpLine(const Outcome& o, const DumpOptions& options) const {
  return dumpOutcome(runner_.map(), o, &trace_, options);
}

std::string PlaygroundSession::header() const {
  const GoMap* m = runner_.map();
  const MapConfig& cfg = m ? m->config() : runner_.config();
  const MapType& t = cfg.type;
  std::string out =
      "{\"type\":{\"name\":" + jsonString(t.name()) + ",\"keysize\":" + std::to_string(t.keysize) +
      ",\"elemsize\":" + std::to_string(t.elemsize) + ",\"bucketsize\":" + std::to_string(t.bucketsize) +
      ",\"indirectKey\":" + (t.indirectKey ? "true" : "false") +
      ",\"indirectElem\":" + (t.indirectElem ? "true" : "false") +
      ",\"hasPointers\":" + (t.bucketHasPointers ? "true" : "false") + ",\"variant\":\"" + t.variantName() +
      "\"}";
  out += ",\"hasher\":\"";
  out += cfg.hasher == HasherKind::Go114 ? "go114" : cfg.hasher == HasherKind::Go119 ? "go119" : "identity";
  out += "\",\"version\":\"";
  out += cfg.version == GoVersion::Go119 ? "1.19" : "1.14";
  out += "\"";
  if (!m) return out + ",\"created\":false}";
  out += ",\"created\":true,\"hmap\":\"" + hexAddress(m->hmapAddress()) + "\"";
  out += ",\"count\":" + std::to_string(m->count()) + ",\"flags\":" + std::to_string(m->flags()) +
         ",\"B\":" + std::to_string(m->B()) + ",\"noverflow\":" + std::to_string(m->noverflow()) +
         ",\"hash0\":" + std::to_string(m->hash0()) + ",\"buckets\":\"" + hexAddress(m->buckets()) +
         "\",\"oldbuckets\":\"" + hexAddress(m->oldbuckets()) +
         "\",\"nevacuate\":" + std::to_string(m->nevacuate()) + ",\"extra\":\"" + hexAddress(m->extra()) +
         "\",\"nextOverflow\":\"" + hexAddress(m->nextOverflow()) + "\"";
  out += ",\"arrayBuckets\":" + std::to_string(m->buckets() ? m->arrayBuckets(m->B()) : 0);
  out += ",\"heapUsed\":" + std::to_string(m->heap().used());
  if (runner_.iteratorOpen()) {
    const Hiter& it = runner_.iterator();
    out += ",\"iterator\":{\"done\":";
    out += it.key == 0 ? "true" : "false";
    out += ",\"startBucket\":" + std::to_string(it.startBucket) + ",\"offset\":" + std::to_string(it.offset) +
           ",\"B\":" + std::to_string(it.B) + ",\"bucket\":" + std::to_string(it.bucket) +
           ",\"i\":" + std::to_string(it.i) + ",\"wrapped\":" + (it.wrapped ? "true" : "false") +
           ",\"bptr\":\"" + hexAddress(it.bptr) + "\",\"buckets\":\"" + hexAddress(it.buckets) +
           "\",\"checkBucket\":\"" + hexAddress(it.checkBucket) + "\"";
    if (it.key != 0) out += ",\"key\":" + jsonString(formatKey(t, m->keyBytes(it.key)));
    out += "}";
  }
  return out + "}";
}

std::string PlaygroundSession::chains(bool old, double from, double count) const {
  // A window the array does not have is refused by name, never read as
  // another one (a negative start was once bucket 0).
  if (!isWholeCount(from)) return "{\"error\":\"chains: from must be a bucket index (an integer from 0)\"}";
  if (!isWholeCount(count)) return "{\"error\":\"chains: count must be an integer from 0\"}";
  const GoMap* m = runner_.map();
  const uint64_t n = !m || m->buckets() == 0 || (old && !m->growing()) ? 0
                     : old                                             ? m->noldbuckets()
                                                                       : bucketShift(m->B());
  const uint64_t start = uint64_t(from);
  if (count > 0 && start >= n && (n != 0 || start != 0)) {  // an empty array's window 0 is empty
    return "{\"error\":\"chains: from " + std::to_string(start) + " is past the " +
           (old ? "old" : "current") + " array, which has " + std::to_string(n) + " buckets\"}";
  }
  if (n == 0) return "[]";
  const uint64_t end = std::min<uint64_t>(n, start + std::min<uint64_t>(uint64_t(count), n));
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
    out += ",\"spare\":{\"total\":" + std::to_string(total - base) +
           ",\"unused\":" + std::to_string(next ? total - (next - m->buckets()) / m->type().bucketsize : 0) +
           "}";
  }
  return out + "}";
}

std::string PlaygroundSession::checkInvariants() {
  GoMap* m = runner_.map();
  return m ? gomap::checkInvariants(*m) : "";
}

std::string PlaygroundSession::int64Map(GoMap** out) {
  if (Status s = runner_.ensureMap(); !s.ok()) return s.message();
  *out = runner_.map();
  const MapType& t = (*out)->type();
  if (t.key != KeyKind::Int64 || t.elem != ElemKind::Int64) {
    return "setInt64Batch needs map[int64]int64, this map is " + t.name();
  }
  return "";
}

std::string PlaygroundSession::checkInt64Batch(double n) {
  if (!isWholeCount(n)) return "batch size must be a whole number";
  GoMap* m = nullptr;
  if (std::string e = int64Map(&m); !e.empty()) return e;
  if (Status s = m->checkCapacity(uint64_t(n)); !s.ok()) return s.message();
  return "";
}

std::string PlaygroundSession::setInt64Batch(double keysPtr, double valuesPtr, double n) {
  detachRecording();
  if (!isWholeCount(n)) return "batch size must be a whole number";
  if (n > 0 && (keysPtr == 0 || valuesPtr == 0))
    return "setInt64Batch: no memory for the pairs (a null pointer)";
  GoMap* mp = nullptr;
  if (std::string e = int64Map(&mp); !e.empty()) return e;
  GoMap& m = *mp;
  uint64_t count = uint64_t(n);
  if (Status s = m.checkCapacity(count); !s.ok()) return s.message();
  const uint8_t* keys = reinterpret_cast<const uint8_t*>(uintptr_t(keysPtr));
  const uint8_t* values = reinterpret_cast<const uint8_t*>(uintptr_t(valuesPtr));
  for (uint64_t i = 0; i < count; ++i) {
    m.setUnchecked(std::string_view(reinterpret_cast<const char*>(keys + 8 * i), 8),
                   std::string_view(reinterpret_cast<const char*>(values + 8 * i), 8));
  }
  return "";
}

}  // namespace gomap
