// Delete and clear: mapdelete (and its fast variants) and mapclear.
#include "go_map.h"

namespace gomap {

// The key at slot i of bucket b (chain starting at bOrig) goes: its bytes
// cleared as the variant does, emptyOne, then emptyRest if it ended the chain.
template <bool kTraced>
void GoMap::removeAt(uint64_t bOrig, uint64_t b, int i, uint64_t bucket) {
  const TraceFunc fn = TraceFunc::mapdelete;
  const uint8_t th = tophashAt(b, i);
  note<kTraced>({TraceKind::Found, fn, false, uint8_t(i), th, bucket, b});
  clearDeleted(b, i);
  heap_.store8(b + i, kEmptyOne);
  note<kTraced>({TraceKind::MarkEmptyOne, fn, false, uint8_t(i), kEmptyOne, bucket, b});
  promoteEmptyRest(bOrig, b, i, fn, bucket);
  // A step of its own: Go lowers the count only after the walk above, so
  // the steps before it still show the old count.
  setCount(count() - 1);
  note<kTraced>({TraceKind::CountDown, fn, false, uint8_t(i), tophashAt(b, i), bucket, b, count()});
  if (count() == 0 && config_.version == GoVersion::Go119) reseed();
}

template <bool kTraced>
void GoMap::mapdeleteImpl(std::string_view key) {
  const TraceFunc fn = TraceFunc::mapdelete;
  const MapType& t = type();
  if (count() == 0) {
    note<kTraced>({TraceKind::NotFound, fn});
    return;  // nothing at all happens: no hash, no evacuation work
  }
  const uint64_t hash = hashKey(key, fn);
  if constexpr (kTraced) beginWrite();
  const uint8_t top = tophash(hash);
  const uint64_t bucket = hash & bucketMask(B());
  if (growing()) growWork(bucket);  // even when the key turns out to be absent
  const uint64_t bOrig = bucketAddress(buckets(), bucket);
  note<kTraced>({TraceKind::PickBucket, fn, false, 0, top, bucket, bOrig, hash, 0});
  const bool fastBytes = t.variant == Variant::Fast64 || t.variant == Variant::Fast32;

  if constexpr (!kTraced) {
    if (t.variant == Variant::Fast64 || t.variant == Variant::FastStr) {
      SlotRef r = t.variant == Variant::Fast64 ? scanFast64(bOrig, wordOf(key))
                                               : scanFastStr(bOrig, key.data(), key.size(), top);
      if (r.b != 0) removeAt<false>(bOrig, r.b, r.i, bucket);
      return;
    }
  }
  for (uint64_t b = bOrig; b != 0; b = overflowOf(b)) {
    for (int i = 0; i < kBucketCnt; ++i) {
      uint8_t th = tophashAt(b, i);
      if (fastBytes) {
        if (isEmpty(th)) continue;  // fast deletes scan the whole chain
      } else {
        bool match = th == top;
        if (t.variant == Variant::FastStr) match = match && heap_.load64(keyAt(b, i) + 8) == key.size();
        note<kTraced>(
            {TraceKind::CompareTophash, fn, false, uint8_t(i), th, bucket, b, top, match ? 1u : 0u});
        if (!match) {
          if (th == kEmptyRest && t.variant == Variant::Generic) {
            note<kTraced>({TraceKind::StopAtEmptyRest, fn, false, uint8_t(i), th, bucket, b});
            note<kTraced>({TraceKind::NotFound, fn});
            return;
          }
          continue;
        }
      }
      bool eq = keyEqual(keyAt(b, i), key);
      note<kTraced>({TraceKind::CompareKey, fn, false, uint8_t(i), th, bucket, b, eq ? 1u : 0u});
      if (!eq) continue;

      removeAt<kTraced>(bOrig, b, i, bucket);
      return;
    }
  }
  note<kTraced>({TraceKind::NotFound, fn});
}

void GoMap::mapdelete(std::string_view key) {
  if (!trace_) return mapdeleteImpl<false>(key);
  mapdeleteImpl<true>(key);
  if (flags() & kFlagHashWriting) endWrite();  // an empty map returns before hashing
}

// If slot i of bucket b is now the last live position of its chain, it and
// the run of emptyOne slots right before it (across overflow buckets, back
// to the chain's first slot) become emptyRest, so later probes stop early.
void GoMap::promoteEmptyRest(uint64_t bOrig, uint64_t b, int i, TraceFunc fn, uint64_t bucket) {
  if (i == kBucketCnt - 1) {
    uint64_t next = overflowOf(b);
    if (next != 0 && tophashAt(next, 0) != kEmptyRest) return;
  } else if (tophashAt(b, i + 1) != kEmptyRest) {
    return;
  }
  for (;;) {
    heap_.store8(b + i, kEmptyRest);
    record({TraceKind::PromoteEmptyRest, fn, false, uint8_t(i), kEmptyRest, bucket, b});
    if (i == 0) {
      if (b == bOrig) return;
      uint64_t c = b;  // chains are singly linked: find the bucket before this one
      for (b = bOrig; overflowOf(b) != c; b = overflowOf(b)) {}
      i = kBucketCnt - 1;
    } else {
      --i;
    }
    if (tophashAt(b, i) != kEmptyOne) return;
  }
}

void GoMap::mapclear() {
  const TraceFunc fn = TraceFunc::mapclear;
  if (count() == 0) return;
  if (trace_) beginWrite();
  record({TraceKind::ClearMap, fn, false, 0, 0, 0, buckets()});
  if (config_.version == GoVersion::Go119) reseed();
  // An unfinished grow is abandoned with the old array; iterator bits stay.
  setFlags(flags() & ~kFlagSameSizeGrow);
  setOldbuckets(0);
  setNevacuate(0);
  setNoverflow(0);
  setCount(0);
  if (uint64_t x = extra(); x != 0) heap_.zero(x, mapextra::size);
  // Same B, same array, zeroed, with its preallocated pool planted again.
  uint64_t array = 0, next = 0;
  makeBucketArray(B(), buckets(), &array, &next);
  if (next != 0) setExtraField(mapextra::nextOverflow, next);
  if (trace_) endWrite();
}

void GoMap::clear() { mapclear(); }

void GoMap::reseed() {
  setHash0(rand_.next());
  record({TraceKind::Reseed, TraceFunc::mapdelete, false, 0, 0, 0, 0, hash0()});
}

}  // namespace gomap
