#include "json_dump.h"

#include <cstdio>

#include "hex_text.h"
#include "key_text.h"

namespace gomap {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 if invalid.
size_t utf8Length(std::string_view s, size_t i) {
  unsigned char c = s[i];
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < n; ++k) {
    unsigned char d = s[i + k];
    if ((d >> 6) != 2) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// A chain as a JSON array: writeBucket(b) writes each bucket's object.
template <class WriteBucket>
void appendChainOf(const GoMap& m, uint64_t first, std::string* out, WriteBucket writeBucket) {
  *out += '[';
  for (uint64_t b = first; b != 0; b = m.overflowOf(b)) {
    if (b != first) *out += ',';
    writeBucket(b);
  }
  *out += ']';
}

// An overflow bucket taken from the array's preallocated spares carries
// "spare": its index in the array, so a reader can tell it from a fresh one.
void appendChain(const GoMap& m, uint64_t first, uint64_t array, uint64_t primaries, uint64_t total,
                 std::string* out) {
  const MapType& t = m.type();
  appendChainOf(m, first, out, [&](uint64_t b) {
    *out += "{\"s\":[";
    for (int i = 0; i < kBucketCnt; ++i) {
      if (i) *out += ',';
      uint8_t top = m.tophashAt(b, i);
      *out += "{\"t\":" + std::to_string(top);
      if (top >= kMinTopHash) {
        *out += ",\"k\":" + jsonString(formatKey(t, m.keyBytes(m.keyAt(b, i))));
        std::string v = formatElem(t, m.elemBytes(m.elemAt(b, i)));
        *out += ",\"v\":" + (t.elem == ElemKind::Int64 ? v : jsonString(v));
      }
      *out += '}';
    }
    *out += ']';
    uint64_t bs = t.bucketsize;
    if (b >= array + primaries * bs && b < array + total * bs) {
      *out += ",\"spare\":" + std::to_string((b - array) / bs);
    }
    *out += '}';
  });
}

void appendArray(const GoMap& m, const char* name, uint64_t array, uint8_t arrayB, std::string* out) {
  const uint64_t n = bucketShift(arrayB);
  const uint64_t total = m.arrayBuckets(arrayB);
  *out += ",\"";
  *out += name;
  *out += "\":[";
  for (uint64_t i = 0; i < n; ++i) {
    if (i) *out += ',';
    appendChain(m, m.bucketAddress(array, i), array, n, total, out);
  }
  *out += ']';
}

void appendState(const GoMap& m, std::string* out, bool full = true) {
  *out += "\"count\":" + std::to_string(m.count());
  *out += ",\"flags\":" + std::to_string(m.flags());
  *out += ",\"B\":" + std::to_string(m.B());
  *out += ",\"noverflow\":" + std::to_string(m.noverflow());
  *out += ",\"hash0\":" + std::to_string(m.hash0());
  *out += ",\"nevacuate\":" + std::to_string(m.nevacuate());
  if (uint64_t next = m.nextOverflow(); next != 0) {
    *out += ",\"nextOverflow\":" + std::to_string((next - m.buckets()) / m.type().bucketsize);
  }
  if (!full && m.buckets() != 0 && bucketShift(m.B()) > kDumpFullBucketLimit) {
    *out += ",\"summarized\":{\"buckets\":" + std::to_string(bucketShift(m.B()));
    if (m.growing()) *out += ",\"oldbuckets\":" + std::to_string(m.noldbuckets());
    *out += ",\"why\":\"more than " + std::to_string(kDumpFullBucketLimit) +
            " buckets: 'dump full' lists them\"}";
    return;
  }
  if (m.buckets() != 0) appendArray(m, "buckets", m.buckets(), m.B(), out);
  if (m.growing()) {
    appendArray(m, "oldbuckets", m.oldbuckets(), uint8_t(m.sameSizeGrow() ? m.B() : m.B() - 1), out);
  }
}

}  // namespace

void appendTraceJson(const Trace& trace, TraceJsonFor reader, std::string* out) {
  const bool viewer = reader == TraceJsonFor::Viewer;
  // The dump's 16-digit words line up in a text diff; the viewer reads addresses.
  std::string (*hex)(uint64_t) = viewer ? hexAddress : hexWord;
  *out += viewer ? ",\"events\":[" : ",\"trace\":[";
  bool first = true;
  for (const TraceEvent& e : trace.events) {
    if (!first) *out += ',';
    first = false;
    *out += "{\"e\":\"";
    *out += traceKindName(e.kind);
    *out += "\",\"fn\":\"";
    *out += traceFuncName(e.func);
    *out += "\"";
    if (viewer || e.old) *out += e.old ? ",\"old\":true" : ",\"old\":false";
    *out += ",\"bucket\":" + std::to_string(e.bucket) + ",\"slot\":" + std::to_string(e.slot) +
            ",\"tophash\":" + std::to_string(e.tophash);
    if (viewer || e.address) *out += ",\"addr\":\"" + hex(e.address) + "\"";
    *out += ",\"value\":\"" + hex(e.value) + "\",\"value2\":" + std::to_string(e.value2);
    if (viewer) *out += ",\"writes\":" + std::to_string(e.writes);
    *out += '}';
  }
  *out += ']';
  if (trace.truncated) *out += viewer ? ",\"eventsTruncated\":true" : ",\"traceTruncated\":true";
}

void appendChainDetail(const GoMap& m, uint64_t first, std::string* out) {
  const MapType& t = m.type();
  appendChainOf(m, first, out, [&](uint64_t b) {
    *out += "{\"addr\":\"" + hexAddress(b) + "\",\"t\":[";
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
      bool readable =
          top >= kMinTopHash || ((top == kEvacuatedX || top == kEvacuatedY) && !t.bucketHasPointers);
      uint64_t k = readable ? m.keyAt(b, i) : 0;
      uint64_t e = readable ? m.elemAt(b, i) : 0;
      keys += readable && (!t.indirectKey || k != 0) ? jsonString(formatKey(t, m.keyBytes(k))) : "null";
      elems += readable && (!t.indirectElem || e != 0) ? jsonString(formatElem(t, m.elemBytes(e))) : "null";
    }
    *out += "],\"k\":[" + keys + "],\"v\":[" + elems;
    *out += "],\"overflow\":\"" + hexAddress(m.overflowOf(b)) + "\"}";
  });
}

std::string jsonString(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t n = utf8Length(s, i);
    if (n == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    if (n > 1) {
      out.append(s.data() + i, n);
      i += n;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += char(c);
        }
    }
    ++i;
  }
  return out + "\"";
}

std::string dumpState(const GoMap& map) {
  std::string out = "{";
  appendState(map, &out);
  return out + "}";
}

void appendKeyFields(const MapType* type, const Outcome& o, std::string* out) {
  if (type && !o.hashes.empty()) {
    *out += ",\"hashes\":{";
    bool first = true;
    for (const auto& [key, hash] : o.hashes) {
      if (!first) *out += ',';
      first = false;
      *out += jsonString(formatKey(*type, key)) + ":\"" + hexWord(hash) + "\"";
    }
    *out += '}';
  }
  if (o.keys) {
    *out += ",\"keys\":[";
    for (size_t i = 0; i < o.keys->size(); ++i) {
      if (i) *out += ',';
      *out += jsonString((*o.keys)[i]);
    }
    *out += ']';
  }
}

void appendOutcomeFields(const GoMap* map, const Outcome& o, std::string* out) {
  appendKeyFields(map ? &map->type() : nullptr, o, out);
  if (o.iterStart) {
    *out += ",\"start\":" + std::to_string(o.iterStart->startBucket) +
            ",\"offset\":" + std::to_string(o.iterStart->offset);
  }
}

std::string dumpOutcome(const GoMap* map, const Outcome& o, const Trace* trace, const DumpOptions& options) {
  std::string out = "{\"line\":" + std::to_string(o.command->line);
  out += ",\"op\":" + jsonString(o.command->text);
  if (options.dumpsOnly && !o.error.empty()) { return out + ",\"error\":" + jsonString(o.error) + "}"; }
  if (o.result) out += ",\"result\":" + jsonString(*o.result);
  if (map) {
    out += ',';
    appendState(*map, &out, o.dumpFull);
  }
  appendOutcomeFields(map, o, &out);
  if (options.withTrace && trace && o.error.empty()) appendTraceJson(*trace, TraceJsonFor::Dump, &out);
  if (!o.error.empty()) out += ",\"error\":" + jsonString(o.error);
  return out + "}";
}

}  // namespace gomap
