// Insert and update: mapassign and its fast variants.
#include <cstring>

#include "heap_room.h"
#include "go_map.h"
#include "typed_value.h"

namespace gomap {

GoMap::AssignProbe GoMap::probeFast64(uint64_t first, uint64_t want) const {
  AssignProbe r;
  for (uint64_t b = first; b != 0; b = overflowOf(b)) {
    r.last = b;
    const uint8_t* p = heap_.at(b);
    for (int i = 0; i < kBucketCnt; ++i) {
      if (isEmpty(p[i])) {
        if (r.hole.b == 0) r.hole = {b, i};
        if (p[i] == kEmptyRest) return r;
        continue;
      }
      uint64_t k;
      std::memcpy(&k, p + kDataOffset + 8 * i, 8);
      if (k == want) {
        r.existing = {b, i};
        return r;
      }
    }
  }
  return r;
}

GoMap::AssignProbe GoMap::probeFastStr(uint64_t first, const char* key, size_t size, uint8_t top) const {
  AssignProbe r;
  for (uint64_t b = first; b != 0; b = overflowOf(b)) {
    r.last = b;
    const uint8_t* p = heap_.at(b);
    for (int i = 0; i < kBucketCnt; ++i) {
      if (p[i] != top) {
        if (isEmpty(p[i]) && r.hole.b == 0) r.hole = {b, i};
        if (p[i] == kEmptyRest) return r;
        continue;
      }
      uint64_t len, data;
      std::memcpy(&len, p + kDataOffset + 16 * i + 8, 8);
      if (len != size) continue;
      std::memcpy(&data, p + kDataOffset + 16 * i, 8);
      // An empty key has no bytes (data 0): never form an address from it.
      if (len == 0 || bytesEqual(heap_.at(data), key, len)) {
        r.existing = {b, i};
        return r;
      }
    }
  }
  return r;
}

// Go 1.19's mapassign_faststr points an existing key's header at the
// caller's bytes (equal bytes, a new pointer).
void GoMap::rewriteStringData(uint64_t keyAddr, std::string_view key) {
  uint64_t data = heap_.alloc(key.size());
  if (!key.empty()) heap_.write(data, key.data(), key.size());
  heap_.store64(keyAddr, data);
}

template <bool kTraced>
uint64_t GoMap::mapassignImpl(const char* keyData, size_t keySize) {
  const std::string_view key(keyData, keySize);
  const TraceFunc fn = TraceFunc::mapassign;
  const MapType& t = type();
  const bool fastBytes = t.variant == Variant::Fast64 || t.variant == Variant::Fast32;
  // The hash comes first, before the map is marked as being written.
  const uint64_t hash = hashKey(key, fn);
  if constexpr (kTraced) beginWrite();
  const uint8_t top = tophash(hash);

  if (buckets() == 0) {
    setBuckets(heap_.alloc(t.bucketsize));  // a map made without a hint gets its bucket now
    note<kTraced>({TraceKind::AllocFirstBucket, fn, false, 0, 0, 0, buckets()});
  }

  for (;;) {  // "again": a grow moves everything, so the probe starts over
    uint64_t bucket = hash & bucketMask(B());
    if (growing()) growWork(bucket);
    uint64_t b = bucketAddress(buckets(), bucket);
    note<kTraced>({TraceKind::PickBucket, fn, false, 0, top, bucket, b, hash, 0});

    uint64_t insertB = 0;
    int insertI = 0;
    uint64_t last = b;
    bool stop = false;
    if constexpr (!kTraced) {
      if (t.variant == Variant::Fast64 || t.variant == Variant::FastStr) {
        AssignProbe probe = t.variant == Variant::Fast64 ? probeFast64(b, wordOf(key))
                                                         : probeFastStr(b, keyData, keySize, top);
        if (probe.existing.b != 0) {
          if (t.variant == Variant::FastStr && config_.version == GoVersion::Go119) {
            rewriteStringData(keyAt(probe.existing.b, probe.existing.i), key);
          }
          return elemAt(probe.existing.b, probe.existing.i);
        }
        insertB = probe.hole.b;
        insertI = probe.hole.i;
        last = probe.last;
        stop = true;  // the probe covered the chain
      }
    }
    for (; b != 0 && !stop; b = overflowOf(b)) {
      last = b;
      for (int i = 0; i < kBucketCnt; ++i) {
        uint8_t th = tophashAt(b, i);
        bool candidate;
        if (fastBytes) {
          // Fast paths compare raw key bytes of every live slot.
          candidate = !isEmpty(th);
        } else {
          candidate = th == top;
          note<kTraced>(
              {TraceKind::CompareTophash, fn, false, uint8_t(i), th, bucket, b, top, candidate ? 1u : 0u});
        }
        if (!candidate) {
          if (isEmpty(th) && insertB == 0) {
            insertB = b;  // the first hole of the chain is where a new key goes
            insertI = i;
          }
          if (th == kEmptyRest) {
            note<kTraced>({TraceKind::StopAtEmptyRest, fn, false, uint8_t(i), th, bucket, b});
            stop = true;
            break;
          }
          continue;
        }
        uint64_t k = keyAt(b, i);
        bool eq = keyEqual(k, key);
        note<kTraced>({TraceKind::CompareKey, fn, false, uint8_t(i), th, bucket, b, eq ? 1u : 0u});
        if (!eq) continue;

        // The key is already here: only its element changes, plus the key
        // bytes where the type needs it (+0 replaced by -0; a string header).
        note<kTraced>({TraceKind::Found, fn, false, uint8_t(i), th, bucket, b});
        bool rewriteKey = t.variant == Variant::Generic   ? t.needKeyUpdate
                          : t.variant == Variant::FastStr ? config_.version == GoVersion::Go119
                                                          : false;
        if (rewriteKey) {
          if (t.variant == Variant::FastStr) {
            rewriteStringData(k, key);
          } else if (t.key == KeyKind::String) {
            rewriteStringData(k, key);  // the generic path copies the whole header
            heap_.store64(k + 8, key.size());
          } else if (t.keyTails) {
            writeValue(heap_, k, *t.keyGo, key);
          } else {
            heap_.write(k, key.data(), key.size());
          }
          note<kTraced>({TraceKind::UpdateKey, fn, false, uint8_t(i), th, bucket, b});
        }
        return elemAt(b, i);
      }
    }

    // A new key. Grow first if it would overload the map or there are too
    // many overflow buckets, but never start a grow while one is running.
    if (!growing() && (overLoadFactor(count() + 1, B()) || tooManyOverflowBuckets(noverflow(), B()))) {
      hashGrow();
      continue;
    }
    if (insertB == 0) {
      insertB = newoverflow(last);  // every slot of the chain is taken
      insertI = 0;
    }
    storeKey(insertB + t.keyOffset(insertI), keyData, keySize);
    storeNewElem(insertB + t.elemOffset(insertI));
    heap_.store8(insertB + insertI, top);
    setCount(count() + 1);
    note<kTraced>({TraceKind::ClaimSlot, fn, false, uint8_t(insertI), top, bucket, insertB});
    return elemAt(insertB, insertI);
  }
}

uint64_t GoMap::mapassign(const char* key, size_t size) {
  if (!trace_) return mapassignImpl<false>(key, size);
  uint64_t elem = mapassignImpl<true>(key, size);
  endWrite();
  return elem;
}

Status GoMap::set(std::string_view key, std::string_view elem) {
  if (Status s = checkKey(key); !s.ok()) return s;
  if (Status s = checkElem(elem); !s.ok()) return s;
  const uint64_t elemRoom = type().elemTails ? valueHeapBytes(*type().elemGo, elem) : 0;
  if (heap_.used() + worstCaseWriteBytes(key) + elemRoom > heap_.limit()) {
    return Status::error("the simulated heap is full (" + std::to_string(heap_.limit() >> 20) +
                         " MiB limit)");
  }
  if (count() >= config_.limits.maxEntries) {
    // Only an update is allowed at the limit; a lookup decides without
    // touching the map (an assign would already do evacuation work).
    // (trace_ is swapped directly: mapaccess never looks at the raw path.)
    Trace* saved = trace_;
    trace_ = nullptr;
    bool exists = mapaccess(key, false).found;
    trace_ = saved;
    if (!exists) {
      return Status::error("the map already holds " + std::to_string(count()) +
                           " entries, the most this playground allows");
    }
  }
  if (Status s = heap_.makeRoom(worstCaseWriteBytes(key) + elemRoom); !s.ok()) return s;
  setUnchecked(key, elem);
  return Status::success();
}

// setUnchecked, on scalars (see get() in go_map.h for why).
void GoMap::assignBytes(const char* key, size_t size, const char* elem, size_t elemSize) {
  uint64_t e = mapassign(key, size);  // the compiled code stores the element into the slot
  if (type().elemTails) {
    writeValue(heap_, e, *type().elemGo, std::string_view(elem, elemSize));
  } else if (elemSize == 8) {
    uint64_t w;
    std::memcpy(&w, elem, 8);
    heap_.store64(e, w);
  } else if (elemSize != 0) {
    heap_.write(e, elem, elemSize);
  }
}

// The most one write can allocate: a doubled array (only if this insert
// would start a grow, as mapassign decides it), a few overflow buckets for
// evacuation and the insert, the key's bytes and its boxes.
uint64_t GoMap::worstCaseWriteBytes(std::string_view key) const {
  const MapType& t = type();
  const bool mayGrow =
      !growing() && (overLoadFactor(count() + 1, B()) || tooManyOverflowBuckets(noverflow(), B()));
  uint64_t grow = mayGrow ? arrayBuckets(uint8_t(B() + 1)) * t.bucketsize + 8192 : 0;
  return grow + 64 * uint64_t(t.bucketsize) + 2 * key.size() + 2 * 256 + 4096;
}

Status GoMap::checkCapacity(uint64_t newKeys) { return makeRoomForKeys(*this, heap_, newKeys); }

Status GoMap::prepareCapacity(uint64_t newKeys, uint64_t maxCopyBytes, bool& ready) {
  return prepareRoomForKeys(*this, heap_, newKeys, maxCopyBytes, ready);
}

Status GoMap::capacityNeed(uint64_t newKeys, uint64_t& need) const {
  if (count() + newKeys > config_.limits.maxEntries) {
    return Status::error(std::to_string(newKeys) + " more keys would take the map past " +
                         std::to_string(config_.limits.maxEntries) +
                         " entries, the most this playground allows");
  }
  uint8_t b = B();
  while (overLoadFactor(count() + newKeys, b)) ++b;
  const MapType& t = type();
  uint64_t perKey = (t.key == KeyKind::String ? 32 : 0) + (t.indirectKey ? t.keyTypeSize : 0) +
                    (t.indirectElem ? t.elemTypeSize : 0) + (t.keyTails || t.elemTails ? 64 : 0);
  // Arrays up to the final size (each grow keeps the old one), plus overflow
  // buckets: a chain only gains one when its buckets are full, so inserts
  // add at most one per 8 keys, and evacuation as many again.
  need = 0;
  for (uint8_t x = B(); x <= b; ++x) need += arrayBuckets(x) * t.bucketsize;
  need += ((count() + newKeys) / 4 + 64) * t.bucketsize + newKeys * perKey + (1 << 20);
  if (heap_.used() + need > heap_.limit()) {
    return Status::error(std::to_string(newKeys) + " more keys would need about " +
                         std::to_string((heap_.used() + need) >> 20) + " MiB, over the simulated heap's " +
                         std::to_string(heap_.limit() >> 20) + " MiB limit");
  }
  return Status::success();
}

}  // namespace gomap
