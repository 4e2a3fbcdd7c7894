// Growth: hashGrow starts it, growWork and evacuate carry it out a bucket at
// a time, advanceEvacuationMark finishes it.
#include "go_map.h"

namespace gomap {

void GoMap::hashGrow() {
  const TraceFunc fn = TraceFunc::hashGrow;
  // Doubling if the new key overloads the map; otherwise we are here for
  // too many overflow buckets, and a same-size grow repacks the chains.
  uint8_t bigger = 1;
  uint8_t f = flags();
  if (!overLoadFactor(count() + 1, B())) {
    bigger = 0;
    f |= kFlagSameSizeGrow;
  }
  uint64_t array = 0, next = 0;
  makeBucketArray(uint8_t(B() + bigger), 0, &array, &next);

  // Iterators running now walk what becomes the old array.
  uint8_t newFlags = f & ~(kFlagIterator | kFlagOldIterator);
  if (f & kFlagIterator) newFlags |= kFlagOldIterator;
  setB(uint8_t(B() + bigger));
  setFlags(newFlags);
  setOldbuckets(buckets());
  setBuckets(array);
  setNevacuate(0);
  setNoverflow(0);
  if (extraField(mapextra::overflow) != 0) {
    setExtraField(mapextra::oldoverflow, extraField(mapextra::overflow));
    setExtraField(mapextra::overflow, 0);
  }
  if (next != 0) setExtraField(mapextra::nextOverflow, next);
  record({TraceKind::GrowStart, fn, false, 0, 0, 0, array, bigger, B()});
}

void GoMap::growWork(uint64_t bucket) {
  // The old bucket that feeds the one about to be used, then one more so
  // the grow always makes progress.
  evacuate(bucket & (noldbuckets() - 1));
  if (growing()) evacuate(nevacuate());
}

void GoMap::evacuate(uint64_t oldbucket) {
  const TraceFunc fn = TraceFunc::evacuate;
  const MapType& t = type();
  const uint64_t old = oldbuckets();
  const uint64_t newbit = noldbuckets();
  const uint64_t first = bucketAddress(old, oldbucket);
  const bool done = evacuated(first);
  record({TraceKind::EvacuateBucket, fn, true, 0, 0, oldbucket, first, done ? 1u : 0u, 0});

  if (!done) {
    struct Dest {
      uint64_t b;  // current destination bucket
      int i;       // next free slot in it
      uint64_t index;
    };
    // X keeps the index; Y (doubling only) is index + old size.
    Dest dest[2] = {{bucketAddress(buckets(), oldbucket), 0, oldbucket}, {0, 0, 0}};
    const bool same = sameSizeGrow();
    if (!same) dest[1] = {bucketAddress(buckets(), oldbucket + newbit), 0, oldbucket + newbit};

    for (uint64_t b = first; b != 0; b = overflowOf(b)) {
      for (int i = 0; i < kBucketCnt; ++i) {
        uint8_t top = tophashAt(b, i);
        if (isEmpty(top)) {
          heap_.store8(b + i, kEvacuatedEmpty);
          record({TraceKind::EvacuateEmpty, fn, true, uint8_t(i), kEvacuatedEmpty, oldbucket, b});
          continue;
        }
        uint64_t k = keyAt(b, i);
        int useY = 0;
        if (!same) {
          uint64_t hash = hashStored(k, fn);
          if ((flags() & kFlagIterator) && !t.reflexiveKey && storedKeyIsNaN(k)) {
            // A NaN's hash is random each time, so an iterator could not
            // predict where it went. The old tophash's low bit decides
            // instead, and the entry takes a fresh tophash.
            useY = top & 1;
            top = tophash(hash);
          } else {
            useY = (hash & newbit) != 0 ? 1 : 0;
          }
        }
        heap_.store8(b + i, uint8_t(kEvacuatedX + useY));
        Dest& d = dest[useY];
        if (d.i == kBucketCnt) {
          d.b = newoverflow(d.b);
          d.i = 0;
        }
        heap_.store8(d.b + d.i, top);
        // Indirect slots move their pointers; the boxed objects stay put.
        heap_.copySlot(d.b + t.keyOffset(d.i), b + t.keyOffset(i), t.keysize);
        heap_.copySlot(d.b + t.elemOffset(d.i), b + t.elemOffset(i), t.elemsize);
        record({TraceKind::EvacuateEntry, fn, true, uint8_t(i), top, oldbucket, b, d.index,
                uint64_t(d.i) | uint64_t(useY) << 8});
        ++d.i;
      }
    }
    // Unlink the old chain and drop its references so the collector can
    // reclaim them — unless an iterator may still be reading old buckets.
    // Pointer-free buckets are left alone (nothing for the collector).
    if (!(flags() & kFlagOldIterator) && t.bucketHasPointers) {
      heap_.zero(first + kDataOffset, t.bucketsize - kDataOffset);
      record({TraceKind::ClearOldBucket, fn, true, 0, 0, oldbucket, first});
    }
  }
  if (oldbucket == nevacuate()) advanceEvacuationMark(newbit);
}

void GoMap::advanceEvacuationMark(uint64_t newbit) {
  const TraceFunc fn = TraceFunc::advanceEvacuationMark;
  uint64_t n = nevacuate() + 1;
  // Skip buckets already evacuated out of order, a bounded number at a time.
  uint64_t stop = n + 1024;
  if (stop > newbit) stop = newbit;
  while (n != stop && evacuated(bucketAddress(oldbuckets(), n))) ++n;
  setNevacuate(n);
  record({TraceKind::AdvanceNevacuate, fn, true, 0, 0, 0, 0, n});
  if (n == newbit) {
    // Every old bucket is done: the grow is over.
    setOldbuckets(0);
    if (extra() != 0) setExtraField(mapextra::oldoverflow, 0);
    setFlags(flags() & ~kFlagSameSizeGrow);
    record({TraceKind::GrowFinish, fn});
  }
}

}  // namespace gomap
