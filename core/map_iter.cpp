// Iteration: mapiterinit and mapiternext.
#include "go_map.h"

namespace gomap {

void GoMap::iterInit(Hiter* it, const std::optional<IterPin>& pin) {
  const TraceFunc fn = TraceFunc::mapiterinit;
  *it = Hiter();
  it->started = true;
  if (count() == 0) {
    record({TraceKind::IterEnd, fn});
    return;  // an empty map draws no randomness and sets no flags
  }
  it->B = B();
  it->buckets = buckets();
  if (!type().bucketHasPointers) createOverflow();  // Go keeps the overflow slices alive here

  if (pin) {
    it->startBucket = pin->startBucket & bucketMask(it->B);
    it->offset = pin->offset & 7;
  } else {
    // A random place to start, so no program can depend on the order.
    uint64_t r;
    if (config_.version == GoVersion::Go119) {
      r = rand_.next();
      if (it->B > 31 - 3) r |= uint64_t(rand_.next()) << 32;  // fastrand64 on wasm
    } else {
      r = rand_.next();
      if (it->B > 31 - 3) r += uint64_t(rand_.next()) << 31;
    }
    it->startBucket = r & bucketMask(it->B);
    it->offset = uint8_t((r >> it->B) & 7);
  }
  it->bucket = it->startBucket;
  record({TraceKind::IterStart, fn, false, 0, 0, it->startBucket, 0, it->startBucket, it->offset});
  uint8_t f = flags();
  if ((f & (kFlagIterator | kFlagOldIterator)) != (kFlagIterator | kFlagOldIterator)) {
    setFlags(f | kFlagIterator | kFlagOldIterator);
  }
  iterNext(it);
}

void GoMap::iterNext(Hiter* it) {
  const TraceFunc fn = TraceFunc::mapiternext;
  if (!it->started || (it->key == 0 && it->buckets == 0)) return;
  const MapType& t = type();
  uint64_t bucket = it->bucket;
  uint64_t b = it->bptr;
  int i = it->i;
  uint64_t checkBucket = it->checkBucket;
  // For the trace: the bucket being read (the counter already points past
  // it) and whether it belongs to the old array — either because this
  // iteration started mid-grow and reads an unevacuated old bucket, or
  // because a grow began after it started and its snapshot became old.
  auto visiting = [&] { return (bucket == 0 ? bucketShift(it->B) : bucket) - 1; };
  auto onOld = [&] { return checkBucket != kNoCheck || it->buckets != buckets(); };

  for (;;) {
    if (b == 0) {
      if (bucket == it->startBucket && it->wrapped) {
        it->key = 0;
        it->elem = 0;
        it->buckets = 0;  // finished; further calls do nothing
        record({TraceKind::IterEnd, fn});
        return;
      }
      bool readOld = false;
      if (growing() && it->B == B()) {
        // Started during this grow: an old bucket not yet evacuated holds
        // the entries of this bucket (mixed with its sibling's), so read it
        // and keep only the entries that belong here.
        uint64_t oldbucket = bucket & (noldbuckets() - 1);
        b = bucketAddress(oldbuckets(), oldbucket);
        if (!evacuated(b)) {
          checkBucket = bucket;
          readOld = true;
        } else {
          b = bucketAddress(it->buckets, bucket);
          checkBucket = kNoCheck;
        }
      } else {
        b = bucketAddress(it->buckets, bucket);
        checkBucket = kNoCheck;
      }
      record({TraceKind::IterBucket, fn, readOld || it->buckets != buckets(), 0, 0, bucket, b, checkBucket});
      ++bucket;
      if (bucket == bucketShift(it->B)) {
        bucket = 0;
        it->wrapped = true;
        record({TraceKind::IterWrap, fn});
      }
      i = 0;
    }
    for (; i < kBucketCnt; ++i) {
      const int slot = (i + it->offset) & (kBucketCnt - 1);
      const uint8_t top = tophashAt(b, slot);
      if (isEmpty(top) || top == kEvacuatedEmpty) {
        record({TraceKind::IterSkip, fn, onOld(), uint8_t(slot), top, visiting(), b, 0});
        continue;
      }
      uint64_t k = keyAt(b, slot);
      const bool nan = !t.reflexiveKey && storedKeyIsNaN(k);
      if (checkBucket != kNoCheck && !sameSizeGrow()) {
        bool elsewhere;
        if (!nan) {
          elsewhere = (hashStored(k, fn) & bucketMask(it->B)) != checkBucket;
        } else {
          // A NaN goes wherever the low tophash bit sends it in evacuate.
          elsewhere = (checkBucket >> (it->B - 1)) != uint64_t(top & 1);
        }
        if (elsewhere) {
          record({TraceKind::IterSkip, fn, onOld(), uint8_t(slot), top, visiting(), b, 1});
          continue;
        }
      }
      uint64_t key = k;
      uint64_t elem = elemAt(b, slot);
      if ((top == kEvacuatedX || top == kEvacuatedY) && !nan) {
        // Moved since the iterator took its snapshot: the live map has the
        // current value, or nothing if the key was deleted meanwhile.
        Found live = mapaccess(keyBytes(k), true);
        if (!live.found) {
          record({TraceKind::IterSkip, fn, onOld(), uint8_t(slot), top, visiting(), b, 2});
          continue;
        }
        key = live.key;
        elem = live.elem;
      }
      it->key = key;
      it->elem = elem;
      it->bucket = bucket;
      it->bptr = b;
      it->i = uint8_t(i + 1);
      it->checkBucket = checkBucket;
      record({TraceKind::IterYield, fn, onOld(), uint8_t(slot), top, visiting(), b});
      return;
    }
    b = overflowOf(b);
    i = 0;
  }
}

}  // namespace gomap
