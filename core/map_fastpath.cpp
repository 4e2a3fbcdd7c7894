// The raw path: lookups and deletes of fast64 and faststr maps that nothing
// is watching (no trace, no hash log, no pinned hashes). Same probes and same
// writes as the traced code in map_access.cpp and map_delete.cpp, minus the
// per-step bookkeeping, in one file so the compiler can inline across it.
// It exists for speed at scale: a big map's probes miss the cache, and the
// fewer instructions around each one, the more misses the processor overlaps.
#include <cassert>

#include "go_map.h"

namespace gomap {
namespace {

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
inline int firstSlot(uint64_t candidates) { return __builtin_ctzll(candidates) >> 3; }

// 2^9 buckets of an int64 map are 72 KiB: about what a core's first two
// cache levels keep hot under a lookup loop (measured: 1e3 keys faster with
// key words and no prefetch, 1e5 and 1e6 faster with tophash first).
constexpr uint8_t kCacheResidentB = 9;

}  // namespace

Status GoMap::getBytes(const char* key, size_t size, Found* out) {
  const std::string_view view(key, size);
  if (rawKind_ == Variant::Generic || !keyFits(view)) return getChecked(view, out);
  if (rawKind_ == Variant::Fast64) {
    rawLookup64(wordOf(view), out);
  } else {
    rawLookupStr(key, size, out);
  }
  return Status::success();
}

Status GoMap::delBytes(const char* key, size_t size) {
  const std::string_view view(key, size);
  if (Status s = checkKey(view); !s.ok()) return s;
  if (rawKind_ != Variant::Generic) {
    rawDelete(key, size);
  } else {
    mapdelete(view);
  }
  return Status::success();
}

// A hint, not a read: once the bucket is known, ask for all its cache lines
// at once. A probe otherwise waits for the tophash line, then the key line,
// then (a hit) the elem line, one after another; measured at 1e6 keys, string
// hits and deletes took 25-35% less time. Callers skip it for an array small
// enough to stay in cache (B <= kCacheResidentB), where it is only overhead:
// measured at 1e3 keys, lookups took 8-15% less time without it. (wasm has
// no prefetch: a no-op.)
void GoMap::prefetchBucket(uint64_t b) const {
  const uint8_t* p = heap_.at(b);
  for (uint64_t off = 64; off < type().bucketsize; off += 64) __builtin_prefetch(p + off);
}

// chainStart without trace notes: the key's bucket, or the old bucket that
// still feeds it while a grow is under way.
uint64_t GoMap::rawProbeStart(uint64_t hash) const {
  const uint8_t* hm = heap_.at(h_);
  const uint8_t b = hm[hmap::B];
  const uint64_t size = type().bucketsize;
  uint64_t old;
  std::memcpy(&old, hm + hmap::oldbuckets, 8);
  if (old != 0) {
    const bool sameSize = (hm[hmap::flags] & kFlagSameSizeGrow) != 0;
    uint64_t ob = old + (hash & bucketMask(sameSize ? b : uint8_t(b - 1))) * size;
    if (!evacuated(ob)) return ob;
  }
  uint64_t array;
  std::memcpy(&array, hm + hmap::buckets, 8);
  return array + (hash & bucketMask(b)) * size;
}

// mapaccess2_fast64's scan: every slot of the chain, key word first; fast64
// keys are always stored inline.
GoMap::SlotRef GoMap::scanFast64(uint64_t first, uint64_t want) const {
  for (uint64_t b = first; b != 0; b = overflowOf(b)) {
    const uint8_t* p = heap_.at(b);
    for (int i = 0; i < kBucketCnt; ++i) {
      uint64_t k;
      std::memcpy(&k, p + kDataOffset + 8 * i, 8);
      if (k == want && !isEmpty(p[i])) return {b, i};
    }
  }
  return {0, 0};
}

// mapaccess2_faststr's hashed scan: tophash, then length, then the bytes.
GoMap::SlotRef GoMap::scanFastStr(uint64_t first, const char* key, size_t size, uint8_t top) const {
  for (uint64_t b = first; b != 0; b = overflowOf(b)) {
    const uint8_t* p = heap_.at(b);
    for (uint64_t c = tophashCandidates(p, top); c != 0; c &= c - 1) {
      const int i = firstSlot(c);
      if (p[i] != top) continue;
      uint64_t len, data;
      std::memcpy(&len, p + kDataOffset + 16 * i + 8, 8);
      if (len != size) continue;
      std::memcpy(&data, p + kDataOffset + 16 * i, 8);
      if (len == 0 || bytesEqual(heap_.at(data), key, len)) return {b, i};
    }
  }
  return {0, 0};
}

// mapaccess2_fast64's scan when the hash is known. Go compares every slot's
// key word; only slots with the key's tophash can hold it, because a live
// key's stored tophash is always tophash(hash(key)) here:
// - fast64 keys are integers, hashed the same every time (no NaN);
// - the tophash is written once, at insert, and evacuate copies it as is;
// - hash0 changes only on an empty map (go1.19's reseed, clear);
// - a pinned hash closes the raw path for good (pins are never removed);
// - deleted, empty and evacuated slots hold 0..4, never a tophash (>= 5).
// So the same slot is found, and a miss reads no key word at all. The traced
// path compares as Go does; debug builds check both scans agree.
GoMap::SlotRef GoMap::scanFast64Hashed(uint64_t first, uint64_t want, uint8_t top) const {
  for (uint64_t b = first; b != 0; b = overflowOf(b)) {
    const uint8_t* p = heap_.at(b);
    for (uint64_t c = tophashCandidates(p, top); c != 0; c &= c - 1) {
      const int i = firstSlot(c);
      uint64_t k;
      std::memcpy(&k, p + kDataOffset + 8 * i, 8);
      if (k == want && p[i] == top) return {b, i};
    }
  }
  return {0, 0};
}

// Results go through `out` field by field: a Found returned by value was
// reloaded by the caller with one wide load over narrower stores, a stall.
void GoMap::rawLookup64(uint64_t want, Found* out) const {
  const uint8_t* hm = heap_.at(h_);
  uint64_t n;
  std::memcpy(&n, hm + hmap::count, 8);
  SlotRef r{0, 0};
  if (n != 0) {
    // mapaccess2_fast64 neither hashes a one-bucket map nor looks for an
    // old array (at B = 0 a grow ends within the insert that starts it).
    if (hm[hmap::B] == 0) {
      uint64_t first;
      std::memcpy(&first, hm + hmap::buckets, 8);
      r = scanFast64(first, want);
    } else {
      // Both scans find the same slot. While the array is small enough to
      // stay in the nearer caches, comparing key words straight away wins
      // (no load waits on another); beyond that, reading only the tophash
      // line of each bucket does.
      const uint64_t hash = config_.hasher == HasherKind::Go119
                                ? memhash119Word(want, hash0(), config_.hashkey[0])
                                : memhash114Word(want, hash0(), config_.hashkey[0]);
      const uint64_t first = rawProbeStart(hash);
      if (hm[hmap::B] <= kCacheResidentB) {
        r = scanFast64(first, want);
      } else {
        prefetchBucket(first);
        r = scanFast64Hashed(first, want, tophash(hash));
      }
      assert(r.b == scanFast64(first, want).b && r.i == scanFast64(first, want).i);
    }
  }
  out->found = r.b != 0;
  out->key = r.b != 0 ? keyAt(r.b, r.i) : 0;
  out->elem = r.b != 0 ? elemAt(r.b, r.i) : 0;
}

void GoMap::rawLookupStr(const char* key, size_t size, Found* out) {
  const uint8_t* hm = heap_.at(h_);
  uint64_t n;
  std::memcpy(&n, hm + hmap::count, 8);
  SlotRef r{0, 0};
  if (n != 0 && hm[hmap::B] == 0) {
    // A one-bucket string map screens keys by length and ends before
    // hashing; that logic lives once, in mapaccessImpl.
    *out = mapaccess(std::string_view(key, size), false);
    return;
  }
  if (n != 0) {
    uint64_t hash = rawHash(key, size);
    const uint64_t first = rawProbeStart(hash);
    if (hm[hmap::B] > kCacheResidentB) prefetchBucket(first);
    r = scanFastStr(first, key, size, tophash(hash));
  }
  out->found = r.b != 0;
  out->key = r.b != 0 ? keyAt(r.b, r.i) : 0;
  out->elem = r.b != 0 ? elemAt(r.b, r.i) : 0;
}

// mapdelete_fast64 / _faststr: hash, help an unfinished grow with this
// bucket (even when the key is absent), then remove the key if it is there.
void GoMap::rawDelete(const char* key, size_t size) {
  if (count() == 0) return;  // no hash, no evacuation work
  const uint64_t hash = rawHash(key, size);
  const uint64_t bucket = hash & bucketMask(B());
  if (growing()) growWork(bucket);
  const uint64_t bOrig = bucketAddress(buckets(), bucket);
  if (B() > kCacheResidentB) prefetchBucket(bOrig);
  SlotRef r{0, 0};
  if (rawKind_ == Variant::Fast64) {
    uint64_t want;
    std::memcpy(&want, key, 8);
    // A delete reads the key word anyway; comparing key words from the
    // start, as Go does, measured faster here than the tophash filter,
    // whose key load waits on the tophash load.
    r = scanFast64(bOrig, want);
  } else {
    r = scanFastStr(bOrig, key, size, tophash(hash));
  }
  if (r.b != 0) rawRemove(bOrig, r.b, r.i);
}

// removeAt's writes for the fast variants, whose keys and elems are always
// inline: a faststr key loses its data pointer (its length stays), a fast64
// key keeps its stale bytes, the elem is zeroed; then emptyOne, emptyRest
// where the chain now ends, and the count.
void GoMap::rawRemove(uint64_t bOrig, uint64_t b, int i) {
  const MapType& t = type();
  if (rawKind_ == Variant::FastStr) heap_.store64(b + kDataOffset + 16 * uint64_t(i), 0);
  const uint64_t elem = b + t.elemOffset(i);
  if (t.elemsize == 8) {
    heap_.store64(elem, 0);
  } else {
    heap_.zero(elem, t.elemsize);
  }
  heap_.store8(b + uint64_t(i), kEmptyOne);
  // promoteEmptyRest's own first test, here so the common case needs no call.
  const bool endsChain = i == kBucketCnt - 1 ? overflowOf(b) == 0 || tophashAt(overflowOf(b), 0) == kEmptyRest
                                             : tophashAt(b, i + 1) == kEmptyRest;
  if (endsChain) promoteEmptyRest(bOrig, b, i, TraceFunc::mapdelete, 0);  // 0: nothing records here
  const uint64_t left = count() - 1;
  setCount(left);
  if (left == 0 && config_.version == GoVersion::Go119) reseed();
}

}  // namespace gomap
