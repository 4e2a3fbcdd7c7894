#pragma once
// The pieces every map operation shares, generic and fast variants alike
// (map_access.cpp, map_assign.cpp, map_delete.cpp, map_fast32.cpp,
// map_fast64.cpp, map_faststr.cpp): where a probe starts, which slots of a
// bucket it tests, how a found key is removed, and the insert's outer loop.
// They are templates over kTraced, the policy that either records a trace
// event per micro-step or does nothing: the traced instantiation is the
// code a viewer steps through, the untraced one the tight loop every
// untraced operation runs, from one source. Internal to core/.
#include <cstring>

#include "go_map.h"

namespace gomap {

// The slots of a bucket whose tophash byte may equal `top`, as the high bit
// of each byte of the result: all eight bytes tested in a few word
// operations. The lowest bit set is always a true match; a borrow can set
// bits above it that are not, so callers test each slot again.
inline uint64_t tophashCandidates(const uint8_t* bucket, uint8_t top) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  uint64_t w;
  std::memcpy(&w, bucket, 8);
  const uint64_t x = w ^ (kOnes * top);
  return (x - kOnes) & ~x & kHighs;
}

// Visits slots in order until `test(i)` holds, and returns that slot (-1
// when none does): every slot, or with kFiltered only those whose tophash
// may be `top`. A traced probe shows every slot; an untraced one may skip
// the slots that cannot hold the key, which finds the same one.
template <bool kFiltered, class Test>
inline int firstSlotWhere(const uint8_t* bucket, uint8_t top, Test&& test) {
  if constexpr (kFiltered) {
    for (uint64_t c = tophashCandidates(bucket, top); c != 0; c &= c - 1) {
      const int i = __builtin_ctzll(c) >> 3;
      if (test(i)) return i;
    }
  } else {
    for (int i = 0; i < kBucketCnt; ++i) {
      if (test(i)) return i;
    }
  }
  return -1;
}

// 2^9 buckets of an int64 map are 72 KiB: about what a core's first two
// cache levels keep hot under a lookup loop (measured: 1e3 keys faster with
// key words and no prefetch, 1e5 and 1e6 faster with tophash first).
constexpr uint8_t kCacheResidentB = 9;

// A hint, not a read: once the bucket is known, ask for all its cache lines
// at once. A probe otherwise waits for the tophash line, then the key line,
// then (a hit) the elem line, one after another; measured at 1e6 keys, string
// hits and deletes took 25-35% less time. Only for an array too big to stay
// in cache (B > kCacheResidentB): measured at 1e3 keys, lookups took 8-15%
// less time without it. (wasm has no prefetch: a no-op.)
inline void GoMap::prefetchBucket(uint64_t b) const {
  if (B() <= kCacheResidentB) return;
  const uint8_t* p = heap_.at(b);
  for (uint64_t off = 64; off < type().bucketsize; off += 64) __builtin_prefetch(p + off);
}

// Where a probe for `hash` starts: its bucket in the new array, or the old
// bucket feeding it while that one has not been evacuated yet.
template <bool kTraced>
inline GoMap::ChainStart GoMap::chainStart(uint64_t hash, TraceFunc fn) {
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

// The generic lookup probe, a lookup's and a delete's: tophash first, then
// the key as Go's == compares it; emptyRest ends the chain. Records the
// Found (or NotFound) step.
template <bool kTraced>
inline GoMap::SlotRef GoMap::findGeneric(ChainStart start, std::string_view key, uint8_t top, TraceFunc fn) {
  for (uint64_t b = start.b; b != 0; b = overflowOf(b)) {
    for (int i = 0; i < kBucketCnt; ++i) {
      const uint8_t th = tophashAt(b, i);
      const bool match = th == top;
      note<kTraced>(
          {TraceKind::CompareTophash, fn, start.old, uint8_t(i), th, start.index, b, top, match ? 1u : 0u});
      if (!match) {
        if (th == kEmptyRest) {
          note<kTraced>({TraceKind::StopAtEmptyRest, fn, start.old, uint8_t(i), th, start.index, b});
          note<kTraced>({TraceKind::NotFound, fn});
          return {0, 0};
        }
        continue;
      }
      const bool eq = keyEqual(keyAt(b, i), key);
      note<kTraced>({TraceKind::CompareKey, fn, start.old, uint8_t(i), th, start.index, b, eq ? 1u : 0u});
      if (eq) {
        note<kTraced>({TraceKind::Found, fn, start.old, uint8_t(i), th, start.index, b});
        return {b, i};
      }
    }
  }
  note<kTraced>({TraceKind::NotFound, fn});
  return {0, 0};
}

// A delete's start, every variant's: the map is marked as being written once
// the key is hashed, an unfinished grow is helped with the key's bucket (even
// when the key turns out to be absent), and the probe starts in the new array.
template <bool kTraced>
inline GoMap::ChainStart GoMap::deleteStart(uint64_t hash) {
  if constexpr (kTraced) beginWrite();
  const uint64_t bucket = hash & bucketMask(B());
  if (growing()) growWork(bucket);
  const uint64_t b = bucketAddress(buckets(), bucket);
  note<kTraced>({TraceKind::PickBucket, TraceFunc::mapdelete, false, 0, tophash(hash), bucket, b, hash, 0});
  return {b, bucket, false};
}

// What a delete leaves behind differs by variant (spec 4.4, 6.4, 6.5):
// plain keys keep their stale bytes, faststr drops only the data pointer,
// the generic path zeroes a key containing pointers; elems are always
// cleared (the pointer of an indirect one, the bytes of an inline one).
inline void GoMap::clearDeleted(uint64_t b, int i) {
  const MapType& t = type();
  if (t.variant != Variant::Generic && t.elemsize == 8) {
    // The common shapes, one word each: a plain key stays as it was, a
    // faststr key loses its data pointer (its length stays), the elem is zeroed.
    if (t.variant == Variant::FastStr) heap_.store64(b + t.keyOffset(i), 0);
    heap_.store64(b + t.elemOffset(i), 0);
    return;
  }
  clearDeletedSlow(b, i);
}

// The key at slot i of bucket b (chain starting at bOrig) goes: its bytes
// cleared as the variant does, emptyOne, then emptyRest if it ended the chain.
// The probe that found it has recorded the Found step.
template <bool kTraced>
inline void GoMap::removeAt(uint64_t bOrig, uint64_t b, int i, uint64_t bucket) {
  const TraceFunc fn = TraceFunc::mapdelete;
  clearDeleted(b, i);
  heap_.store8(b + i, kEmptyOne);
  note<kTraced>({TraceKind::MarkEmptyOne, fn, false, uint8_t(i), kEmptyOne, bucket, b});
  if (endsChain(b, i)) promoteEmptyRest(bOrig, b, i, fn, bucket);
  // A step of its own: Go lowers the count only after the walk above, so
  // the steps before it still show the old count.
  const uint64_t left = count() - 1;
  setCount(left);
  note<kTraced>({TraceKind::CountDown, fn, false, uint8_t(i), tophashAt(b, i), bucket, b, left});
  if (left == 0 && config_.version == GoVersion::Go119) reseed();
}

// An insert's walk over the chain, every variant's: the first hole is where
// a new key goes and emptyRest ends the chain; a slot that is a
// `candidate(i, tophash)` (the variant's own test, which records its own
// step) has its key compared, `equal(bucket, i)`. Records the Found step;
// rewriting an existing key is the caller's.
template <bool kTraced, class Candidate, class Equal>
inline GoMap::AssignProbe GoMap::assignProbe(uint64_t first, uint64_t bucket, Candidate&& candidate,
                                             Equal&& equal) {
  const TraceFunc fn = TraceFunc::mapassign;
  AssignProbe r;
  for (uint64_t b = first; b != 0; b = overflowOf(b)) {
    r.last = b;
    const uint8_t* p = heap_.at(b);
    for (int i = 0; i < kBucketCnt; ++i) {
      const uint8_t th = p[i];
      if (!candidate(b, i, th)) {
        if (isEmpty(th) && r.hole.b == 0) r.hole = {b, i};
        if (th == kEmptyRest) {
          note<kTraced>({TraceKind::StopAtEmptyRest, fn, false, uint8_t(i), th, bucket, b});
          return r;
        }
        continue;
      }
      const bool eq = equal(b, i);
      note<kTraced>({TraceKind::CompareKey, fn, false, uint8_t(i), th, bucket, b, eq ? 1u : 0u});
      if (eq) {
        note<kTraced>({TraceKind::Found, fn, false, uint8_t(i), th, bucket, b});
        r.existing = {b, i};
        return r;
      }
    }
  }
  return r;
}

// assignProbe's candidate test for the inserts that look at tophash first
// (generic, faststr): the slot's tophash is the key's, and the step shows it.
template <bool kTraced>
inline auto GoMap::tophashTest(uint64_t bucket, uint8_t top) {
  return [this, bucket, top](uint64_t b, int i, uint8_t th) {
    note<kTraced>({TraceKind::CompareTophash, TraceFunc::mapassign, false, uint8_t(i), th, bucket, b, top,
                   th == top ? 1u : 0u});
    return th == top;
  };
}

// mapassign's outer loop, every variant's: mark the write, give a map made
// without a hint its first bucket, help an unfinished grow, probe the key's
// chain (`probe(first bucket, its index, tophash)`, the variant's own scan,
// which also records the Found step and rewrites an existing key where the
// variant does), and for a new key grow first if needed ("again": a grow
// moves everything, so the probe starts over), then claim the first hole or
// a new overflow bucket. Returns the element's address.
template <bool kTraced, class Probe>
inline uint64_t GoMap::assignWith(uint64_t hash, const char* key, size_t size, Probe&& probe) {
  const TraceFunc fn = TraceFunc::mapassign;
  const MapType& t = type();
  if constexpr (kTraced) beginWrite();  // after the hash, as Go does
  const uint8_t top = tophash(hash);
  if (buckets() == 0) {
    setBuckets(heap_.alloc(t.bucketsize));
    note<kTraced>({TraceKind::AllocFirstBucket, fn, false, 0, 0, 0, buckets()});
  }
  for (;;) {
    const uint64_t bucket = hash & bucketMask(B());
    if (growing()) growWork(bucket);
    const uint64_t b = bucketAddress(buckets(), bucket);
    note<kTraced>({TraceKind::PickBucket, fn, false, 0, top, bucket, b, hash, 0});
    const AssignProbe r = probe(b, bucket, top);
    if (r.existing.b != 0) return elemAt(r.existing.b, r.existing.i);

    // A new key. Grow first if it would overload the map or there are too
    // many overflow buckets, but never start a grow while one is running.
    if (!growing() && (overLoadFactor(count() + 1, B()) || tooManyOverflowBuckets(noverflow(), B()))) {
      hashGrow();
      continue;
    }
    SlotRef slot = r.hole;
    if (slot.b == 0) slot = {newoverflow(r.last), 0};  // every slot of the chain is taken
    storeKey(slot.b + t.keyOffset(slot.i), key, size);
    storeNewElem(slot.b + t.elemOffset(slot.i));
    heap_.store8(slot.b + slot.i, top);
    setCount(count() + 1);
    note<kTraced>({TraceKind::ClaimSlot, fn, false, uint8_t(slot.i), top, bucket, slot.b});
    return elemAt(slot.b, slot.i);
  }
}

}  // namespace gomap
