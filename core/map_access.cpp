// Lookup: mapaccess2 and its fast variants, and mapaccessK for iteration.
#include <cstring>

#include "go_map.h"

namespace gomap {

// Where a probe for `hash` starts: its bucket in the new array, or the old
// bucket feeding it while that one has not been evacuated yet.
template <bool kTraced>
GoMap::ChainStart GoMap::chainStart(uint64_t hash, TraceFunc fn) {
  uint64_t m = bucketMask(B());
  uint64_t index = hash & m;
  uint64_t b = bucketAddress(buckets(), index);
  note<kTraced>({TraceKind::PickBucket, fn, false, 0, tophash(hash), index, b, hash, 0});
  if (uint64_t old = oldbuckets(); old != 0) {
    if (!sameSizeGrow()) m >>= 1;
    uint64_t oldIndex = hash & m;
    uint64_t ob = bucketAddress(old, oldIndex);
    bool done = evacuated(ob);
    note<kTraced>({TraceKind::CheckOldBucket, fn, true, 0, 0, oldIndex, ob, done ? 1u : 0u, 0});
    if (!done) return {ob, oldIndex, true};
  }
  return {b, index, false};
}

template <bool kTraced>
Found GoMap::mapaccessImpl(std::string_view key, bool forIterator) {
  const TraceFunc fn = forIterator ? TraceFunc::mapiternext : TraceFunc::mapaccess;
  if (count() == 0) {
    note<kTraced>({TraceKind::NotFound, fn});
    return {};
  }
  // mapaccessK (iteration) is always the generic function.
  const Variant variant = forIterator ? Variant::Generic : type().variant;
  const bool fastBytes = variant == Variant::Fast64 || variant == Variant::Fast32;
  ChainStart start{buckets(), 0, false};
  uint8_t top = 0;
  bool hashed = true;

  if (B() == 0 && fastBytes) {
    // One bucket: compare keys directly, no hash at all.
    hashed = false;
  } else if (B() == 0 && variant == Variant::FastStr) {
    // One bucket of strings: short keys are compared outright; long ones
    // are first screened by length and their first and last 4 bytes, and
    // hashed only if two slots pass the screen.
    uint64_t b = buckets();
    int candidate = -1;
    bool needHash = false;
    for (int i = 0; i < kBucketCnt; ++i) {
      uint8_t th = tophashAt(b, i);
      uint64_t k = keyAt(b, i);
      if (heap_.load64(k + 8) != key.size() || isEmpty(th)) {
        if (th == kEmptyRest) {
          note<kTraced>({TraceKind::StopAtEmptyRest, fn, false, uint8_t(i), th, 0, b});
          break;
        }
        continue;
      }
      if (key.size() < 32) {
        bool eq = keyEqual(k, key);
        note<kTraced>({TraceKind::CompareKey, fn, false, uint8_t(i), th, 0, b, eq ? 1u : 0u});
        if (eq) {
          note<kTraced>({TraceKind::Found, fn, false, uint8_t(i), th, 0, b});
          return {true, k, elemAt(b, i)};
        }
        continue;
      }
      const uint8_t* stored = heap_.at(heap_.load64(k));
      const char* want = key.data();
      size_t n = key.size();
      bool screened = std::memcmp(stored, want, 4) == 0 && std::memcmp(stored + n - 4, want + n - 4, 4) == 0;
      note<kTraced>({TraceKind::CompareKey, fn, false, uint8_t(i), th, 0, b, screened ? 1u : 0u, 1});
      if (!screened) continue;
      if (candidate >= 0) {
        needHash = true;  // two candidates: hashing is cheaper than comparing both
        break;
      }
      candidate = i;
    }
    if (!needHash) {
      if (candidate >= 0 && keyEqual(keyAt(b, candidate), key)) {
        note<kTraced>({TraceKind::Found, fn, false, uint8_t(candidate), tophashAt(b, candidate), 0, b});
        return {true, keyAt(b, candidate), elemAt(b, candidate)};
      }
      note<kTraced>({TraceKind::NotFound, fn});
      return {};
    }
  }

  if (hashed) {
    uint64_t hash = hashKey(key, fn);
    start = chainStart<kTraced>(hash, fn);
    top = tophash(hash);
  } else {
    note<kTraced>({TraceKind::SkipHash, fn, false, 0, 0, 0, start.b});
  }

  if constexpr (!kTraced) {
    // mapaccess2_fast64 exactly: every slot of the chain, key word first.
    if (variant == Variant::Fast64 || (variant == Variant::FastStr && hashed)) {
      SlotRef r = variant == Variant::Fast64 ? scanFast64(start.b, wordOf(key))
                                             : scanFastStr(start.b, key.data(), key.size(), top);
      if (r.b == 0) return {};
      return {true, keyAt(r.b, r.i), elemAt(r.b, r.i)};
    }
  }
  for (uint64_t b = start.b; b != 0; b = overflowOf(b)) {
    for (int i = 0; i < kBucketCnt; ++i) {
      uint8_t th = tophashAt(b, i);
      if (fastBytes) {
        // Fast 32/64-bit lookups ignore tophash and never stop early.
        if (isEmpty(th)) continue;
        bool eq = keyEqual(keyAt(b, i), key);
        note<kTraced>({TraceKind::CompareKey, fn, start.old, uint8_t(i), th, start.index, b, eq ? 1u : 0u});
        if (!eq) continue;
      } else {
        bool match = th == top;
        if (variant == Variant::FastStr) { match = match && heap_.load64(keyAt(b, i) + 8) == key.size(); }
        note<kTraced>(
            {TraceKind::CompareTophash, fn, start.old, uint8_t(i), th, start.index, b, top, match ? 1u : 0u});
        if (!match) {
          // Generic lookups stop at emptyRest; faststr scans the whole chain.
          if (th == kEmptyRest && variant == Variant::Generic) {
            note<kTraced>({TraceKind::StopAtEmptyRest, fn, start.old, uint8_t(i), th, start.index, b});
            note<kTraced>({TraceKind::NotFound, fn});
            return {};
          }
          continue;
        }
        bool eq = keyEqual(keyAt(b, i), key);
        note<kTraced>({TraceKind::CompareKey, fn, start.old, uint8_t(i), th, start.index, b, eq ? 1u : 0u});
        if (!eq) continue;
      }
      note<kTraced>({TraceKind::Found, fn, start.old, uint8_t(i), th, start.index, b});
      return {true, keyAt(b, i), elemAt(b, i)};
    }
  }
  note<kTraced>({TraceKind::NotFound, fn});
  return {};
}

Found GoMap::mapaccess(std::string_view key, bool forIterator) {
  return trace_ ? mapaccessImpl<true>(key, forIterator) : mapaccessImpl<false>(key, forIterator);
}

// get() itself, and the raw path it prefers, are in map_fastpath.cpp.
[[gnu::noinline]] Status GoMap::getChecked(std::string_view key, Found* out) {
  if (Status s = checkKey(key); !s.ok()) return s;
  *out = mapaccess(key, false);
  return Status::success();
}

}  // namespace gomap
