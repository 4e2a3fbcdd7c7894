// Delete and clear: the generic mapdelete, and mapclear. The fast variants
// are map_fast32.cpp, map_fast64.cpp and map_faststr.cpp.
#include "map_probe.h"

namespace gomap {

// Generic delete (findGeneric, map_probe.h).
template <bool kTraced>
void GoMap::mapdeleteImpl(std::string_view key) {
  const TraceFunc fn = TraceFunc::mapdelete;
  if (count() == 0) {
    note<kTraced>({TraceKind::NotFound, fn});
    return;  // nothing at all happens: no hash, no evacuation work
  }
  const uint64_t hash = hashKey(key, fn);
  const ChainStart start = deleteStart<kTraced>(hash);
  const SlotRef r = findGeneric<kTraced>(start, key, tophash(hash), fn);
  if (r.b != 0) removeAt<kTraced>(start.b, r.b, r.i, start.index);
}

void GoMap::mapdelete(std::string_view key) {
  if (!trace_) return mapdeleteImpl<false>(key);
  mapdeleteImpl<true>(key);
  if (flags() & kFlagHashWriting) endWrite();  // an empty map returns before hashing
}

// Slot i of bucket b is now the last live position of its chain
// (endsChain): it and the run of emptyOne slots right before it (across
// overflow buckets, back to the chain's first slot) become emptyRest, so
// later probes stop early.
void GoMap::promoteEmptyRest(uint64_t bOrig, uint64_t b, int i, TraceFunc fn, uint64_t bucket) {
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
