// Go's map_faststr.go: the map operations the compiler picks for a string
// key, or a compound of one string (struct{S string}, [1]string; spec §6.5).
// A key slot is a string header, data pointer then length; probes compare
// tophash, then length, then the bytes. Each operation is one template
// over kTraced (map_probe.h), forced inline into its entry below: left to
// itself the compiler made the untraced lookup two more calls deep than the
// code this replaced, which cost a 1,000-key map's lookups half their speed.
#include <cstring>

#include "map_probe.h"

namespace gomap {
namespace {

struct StringHeader {
  uint64_t data, len;
};

inline StringHeader headerAt(const uint8_t* bucket, int i) {
  StringHeader h;
  std::memcpy(&h.data, bucket + kDataOffset + 16 * i, 8);
  std::memcpy(&h.len, bucket + kDataOffset + 16 * i + 8, 8);
  return h;
}

}  // namespace

// The lookup probe, a lookup's and a delete's: every slot of the chain
// whose tophash is `top` and whose length is the key's has its bytes
// compared; no stop at emptyRest. Untraced, only the slots whose tophash
// may be `top` are looked at. Records the Found (or NotFound) step.
template <bool kTraced>
[[gnu::always_inline]] inline GoMap::SlotRef GoMap::findStr(ChainStart start, const char* key, size_t size,
                                                            uint8_t top, TraceFunc fn) {
  for (uint64_t b = start.b; b != 0; b = overflowOf(b)) {
    const uint8_t* p = heap_.at(b);
    const int i = firstSlotWhere<!kTraced>(p, top, [&](int i) {
      const StringHeader h = headerAt(p, i);
      const bool match = p[i] == top && h.len == size;
      note<kTraced>(
          {TraceKind::CompareTophash, fn, start.old, uint8_t(i), p[i], start.index, b, top, match ? 1u : 0u});
      if (!match) return false;
      // An empty key has no bytes (data 0): never form an address from it.
      const bool eq = h.len == 0 || bytesEqual(heap_.at(h.data), key, h.len);
      note<kTraced>({TraceKind::CompareKey, fn, start.old, uint8_t(i), p[i], start.index, b, eq ? 1u : 0u});
      return eq;
    });
    if (i >= 0) {
      note<kTraced>({TraceKind::Found, fn, start.old, uint8_t(i), p[i], start.index, b});
      return {b, i};
    }
  }
  note<kTraced>({TraceKind::NotFound, fn});
  return {0, 0};
}

template <bool kTraced>
[[gnu::always_inline]] inline void GoMap::mapaccess2_faststrImpl(const char* key, size_t size, Found* out) {
  const TraceFunc fn = TraceFunc::mapaccess;
  if (count() == 0) {
    note<kTraced>({TraceKind::NotFound, fn});
    *out = Found{};
    return;
  }
  // One bucket of strings: short keys are compared outright; long ones
  // are first screened by length and their first and last 4 bytes, and
  // hashed only if two slots pass the screen. True when that decided. Kept
  // out of line, so the hashed path below stays a small function (inlined,
  // its spills slowed every lookup of a 1,000-key map).
  const auto oneBucket = [&]() __attribute__((noinline)) {
    const std::string_view view(key, size);
    const uint64_t b = buckets();
    int candidate = -1;
    bool needHash = false;
    for (int i = 0; i < kBucketCnt; ++i) {
      const uint8_t th = tophashAt(b, i);
      const StringHeader h = headerAt(heap_.at(b), i);
      if (h.len != size || isEmpty(th)) {
        if (th == kEmptyRest) {
          note<kTraced>({TraceKind::StopAtEmptyRest, fn, false, uint8_t(i), th, 0, b});
          break;
        }
        continue;
      }
      if (size < 32) {
        const bool eq = keyEqual(keyAt(b, i), view);
        note<kTraced>({TraceKind::CompareKey, fn, false, uint8_t(i), th, 0, b, eq ? 1u : 0u});
        if (eq) {
          note<kTraced>({TraceKind::Found, fn, false, uint8_t(i), th, 0, b});
          *out = {true, keyAt(b, i), elemAt(b, i)};
          return true;
        }
        continue;
      }
      const uint8_t* stored = heap_.at(h.data);
      const bool screened =
          std::memcmp(stored, key, 4) == 0 && std::memcmp(stored + size - 4, key + size - 4, 4) == 0;
      note<kTraced>({TraceKind::CompareKey, fn, false, uint8_t(i), th, 0, b, screened ? 1u : 0u, 1});
      if (!screened) continue;
      if (candidate >= 0) {
        needHash = true;  // two candidates: hashing is cheaper than comparing both
        break;
      }
      candidate = i;
    }
    if (!needHash) {
      if (candidate >= 0 && keyEqual(keyAt(b, candidate), view)) {
        note<kTraced>({TraceKind::Found, fn, false, uint8_t(candidate), tophashAt(b, candidate), 0, b});
        *out = {true, keyAt(b, candidate), elemAt(b, candidate)};
        return true;
      }
      note<kTraced>({TraceKind::NotFound, fn});
      *out = Found{};
      return true;
    }
    return false;  // two candidates: the hashed probe below decides
  };
  if (B() == 0 && oneBucket()) return;
  const uint64_t hash = hashKey(std::string_view(key, size), fn);
  const ChainStart start = chainStart<kTraced>(hash, fn);
  if constexpr (!kTraced) prefetchBucket(start.b);
  const SlotRef r = findStr<kTraced>(start, key, size, tophash(hash), fn);
  out->found = r.b != 0;
  out->key = r.b != 0 ? keyAt(r.b, r.i) : 0;
  out->elem = r.b != 0 ? elemAt(r.b, r.i) : 0;
}

// An insert tests tophash, then length and bytes. Go 1.19 points an
// existing key's header at the caller's bytes (equal bytes, a new pointer).
template <bool kTraced>
[[gnu::always_inline]] inline uint64_t GoMap::mapassign_faststrImpl(const char* key, size_t size) {
  const TraceFunc fn = TraceFunc::mapassign;
  const uint64_t hash = hashKey(std::string_view(key, size), fn);
  return assignWith<kTraced>(hash, key, size, [&](uint64_t first, uint64_t bucket, uint8_t top) {
    const AssignProbe r =
        assignProbe<kTraced>(first, bucket, tophashTest<kTraced>(bucket, top), [&](uint64_t b, int i) {
          const StringHeader h = headerAt(heap_.at(b), i);
          return h.len == size && (h.len == 0 || bytesEqual(heap_.at(h.data), key, h.len));
        });
    if (r.existing.b != 0 && config_.version == GoVersion::Go119) {
      rewriteStringData(keyAt(r.existing.b, r.existing.i), std::string_view(key, size));
      note<kTraced>({TraceKind::UpdateKey, fn, false, uint8_t(r.existing.i),
                     tophashAt(r.existing.b, r.existing.i), bucket, r.existing.b});
    }
    return r;
  });
}

template <bool kTraced>
[[gnu::always_inline]] inline void GoMap::mapdelete_faststrImpl(const char* key, size_t size) {
  const TraceFunc fn = TraceFunc::mapdelete;
  if (count() == 0) {
    note<kTraced>({TraceKind::NotFound, fn});
    return;  // nothing at all happens: no hash, no evacuation work
  }
  const uint64_t hash = hashKey(std::string_view(key, size), fn);
  const ChainStart start = deleteStart<kTraced>(hash);
  if constexpr (!kTraced) prefetchBucket(start.b);
  const SlotRef r = findStr<kTraced>(start, key, size, tophash(hash), fn);
  if (r.b != 0) removeAt<kTraced>(start.b, r.b, r.i, start.index);
}

void GoMap::mapaccess2_faststr(const char* key, size_t size, Found* out) {
  if (trace_) return mapaccess2_faststrImpl<true>(key, size, out);
  mapaccess2_faststrImpl<false>(key, size, out);
}

uint64_t GoMap::mapassign_faststr(const char* key, size_t size) {
  if (!trace_) return mapassign_faststrImpl<false>(key, size);
  const uint64_t elem = mapassign_faststrImpl<true>(key, size);
  endWrite();
  return elem;
}

void GoMap::mapdelete_faststr(const char* key, size_t size) {
  if (!trace_) return mapdelete_faststrImpl<false>(key, size);
  mapdelete_faststrImpl<true>(key, size);
  if (flags() & kFlagHashWriting) endWrite();
}

}  // namespace gomap
