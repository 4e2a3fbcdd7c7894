// Insert and update: the generic mapassign. The fast variants are
// map_fast32.cpp, map_fast64.cpp and map_faststr.cpp.
#include <cstring>

#include "elem_store.h"
#include "heap_room.h"
#include "map_probe.h"
#include "typed_value.h"

namespace gomap {

// Go 1.19's mapassign_faststr points an existing key's header at the
// caller's bytes (equal bytes, a new pointer).
void GoMap::rewriteStringData(uint64_t keyAddr, std::string_view key) {
  uint64_t data = heap_.alloc(key.size());
  if (!key.empty()) heap_.write(data, key.data(), key.size());
  heap_.store64(keyAddr, data);
}

// Generic insert and update: tophash first, then the key as Go's ==
// compares it; an existing key gets its bytes rewritten where the type
// needs it (+0 replaced by -0; a string header).
template <bool kTraced>
uint64_t GoMap::mapassignImpl(const char* keyData, size_t keySize) {
  const std::string_view key(keyData, keySize);
  const TraceFunc fn = TraceFunc::mapassign;
  const uint64_t hash = hashKey(key, fn);
  return assignWith<kTraced>(hash, keyData, keySize, [&](uint64_t first, uint64_t bucket, uint8_t top) {
    const MapType& t = type();
    const AssignProbe r = assignProbe<kTraced>(first, bucket, tophashTest<kTraced>(bucket, top),
                                               [&](uint64_t b, int i) { return keyEqual(keyAt(b, i), key); });
    if (r.existing.b != 0 && t.needKeyUpdate) {
      const uint64_t k = keyAt(r.existing.b, r.existing.i);
      if (t.key == KeyKind::String) {
        rewriteStringData(k, key);  // the generic path copies the whole header
        heap_.store64(k + 8, key.size());
      } else if (t.keyTails) {
        writeValue(heap_, k, *t.keyGo, key);
      } else {
        heap_.write(k, key.data(), key.size());
      }
      note<kTraced>({TraceKind::UpdateKey, fn, false, uint8_t(r.existing.i),
                     tophashAt(r.existing.b, r.existing.i), bucket, r.existing.b});
    }
    return r;
  });
}

// An insert by the function Go's compiler picks for the key type. A traced
// write clears hashWriting as it returns.
uint64_t GoMap::mapassign(const char* key, size_t size) {
  switch (type().variant) {
    case Variant::Fast64: return mapassign_fast64(key);
    case Variant::FastStr: return mapassign_faststr(key, size);
    case Variant::Fast32: return mapassign_fast32(key);
    default: break;
  }
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
    // (trace_ is swapped without refreshRawPath: a rawKind_ left at Generic
    // only turns off the inline word hash and the tophash filter, the same
    // lookup either way.)
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
  storeElemValue(heap_, type(), mapassign(key, size), elem, elemSize);
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
  if (Status s = entriesRoom(count(), newKeys, config_.limits.maxEntries); !s.ok()) return s;
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
