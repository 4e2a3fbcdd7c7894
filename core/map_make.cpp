// Creation and allocation: makemap, makeBucketArray, newoverflow.
#include <algorithm>
#include <cassert>

#include "go_map.h"
#include "size_classes.h"

namespace gomap {

Status GoMap::create(const MapConfig& config, GoMap* out) {
  GoMap m;
  m.config_ = config;
  m.heap_ = SimHeap(config.limits.maxHeapBytes);
  m.heap_.reserveForGrowth();
  m.rand_ = config.rand;
  // (Typed keys and zero-size ones hash through their type: hashKeySlow.)
  m.memoryHash_ = config.hasher != HasherKind::Identity && config.type.key != KeyKind::Float64 &&
                  config.type.key != KeyKind::Typed &&
                  !(config.type.key == KeyKind::Plain && config.type.keyTypeSize == 0);
  m.refreshRawPath();
  if (m.rand_.a == 0 && m.rand_.b == 0) m.rand_.b = 1;  // the runtime's own guard

  // makemap: a hint whose bucket bytes would not fit in memory is treated as
  // 0. maxAlloc is 2^32 on GOARCH=wasm, the target this model stands for.
  uint64_t hint = uint64_t(config.hint);
  const MapType& t = config.type;
  if (config.hint < 0 || hint > (uint64_t(1) << 32) / t.bucketsize) hint = 0;

  uint8_t B = 0;
  while (overLoadFactor(hint, B)) ++B;
  // The buckets a hint asks for must fit in our heap too.
  if (B > 0 && uint64_t(t.bucketsize) * m.arrayBuckets(B) + 4096 > config.limits.maxHeapBytes) {
    return Status::error("hint " + std::to_string(config.hint) +
                         " needs more memory than the simulated heap allows (" +
                         std::to_string(config.limits.maxHeapBytes >> 20) + " MiB)");
  }

  // Room for the header, the array and the small objects after it, taken
  // from the memory budget before anything is written.
  // (An eighth more for the overflow buckets and keys of the first inserts,
  // so they do not move a big array at once.)
  const uint64_t arrayBytes = B > 0 ? uint64_t(t.bucketsize) * m.arrayBuckets(B) : 0;
  if (Status s = m.heap_.makeRoom(arrayBytes + std::max<uint64_t>(arrayBytes / 8, 256 * 1024));
      !s.ok() && !(s = m.heap_.makeRoom(arrayBytes + 8192)).ok()) {
    return Status::error((B > 0 ? "hint " + std::to_string(config.hint) + ": " : std::string()) +
                         s.message());
  }
  m.h_ = m.heap_.alloc(hmap::size);
  uint32_t hash0 = m.rand_.next();  // every make draws once, even when the seed is pinned
  if (config.seed) hash0 = *config.seed;
  m.setHash0(hash0);
  m.setB(B);
  if (B != 0) {
    uint64_t array = 0, next = 0;
    m.makeBucketArray(B, 0, &array, &next);
    m.setBuckets(array);
    if (next != 0) { m.setExtraField(mapextra::nextOverflow, next); }
  }
  *out = std::move(m);
  return Status::success();
}

uint64_t GoMap::arrayBuckets(uint8_t b) const {
  uint64_t n = bucketShift(b);
  if (b >= 4) {
    // Room for an estimated 1/16 overflow buckets, then whatever the
    // allocator's size class leaves over.
    n += bucketShift(b - 4);
    uint64_t bytes = n * type().bucketsize;
    n = roundupsize(bytes) / type().bucketsize;
  }
  return n;
}

void GoMap::makeBucketArray(uint8_t b, uint64_t dirty, uint64_t* array, uint64_t* nextOverflow) {
  uint64_t base = bucketShift(b);
  uint64_t nbuckets = arrayBuckets(b);
  uint64_t bytes = nbuckets * type().bucketsize;
  if (dirty == 0) {
    *array = heap_.alloc(bytes);
  } else {
    *array = dirty;  // mapclear reuses the array it already has
    heap_.zero(dirty, bytes);
  }
  *nextOverflow = 0;
  if (nbuckets != base) {
    // The preallocated overflow buckets follow the 2^b primary ones. The
    // last one carries a non-nil overflow word (pointing at the array) so
    // newoverflow knows when the pool is used up.
    *nextOverflow = bucketAddress(*array, base);
    setOverflowOf(bucketAddress(*array, nbuckets - 1), *array);
  }
}

uint64_t GoMap::newoverflow(uint64_t b) {
  uint64_t ovf = 0;
  uint64_t next = nextOverflow();
  if (next != 0) {
    ovf = next;
    if (overflowOf(ovf) == 0) {
      setExtraField(mapextra::nextOverflow, ovf + type().bucketsize);
    } else {
      // The sentinel: this was the last preallocated bucket.
      setOverflowOf(ovf, 0);
      setExtraField(mapextra::nextOverflow, 0);
    }
  } else {
    ovf = heap_.alloc(type().bucketsize);
  }
  // Linked before it is counted (Go counts first; nothing observes the
  // difference) so that the step that names the new bucket shows it chained.
  setOverflowOf(b, ovf);
  record({next != 0 ? TraceKind::OverflowPrealloc : TraceKind::OverflowFresh, TraceFunc::newoverflow, false,
          0, 0, 0, ovf, b});
  incrnoverflow();
  if (!type().bucketHasPointers) appendOverflow();
  return ovf;
}

void GoMap::incrnoverflow() {
  // Exact below 2^16 buckets; above, counted with probability 1/2^(B-15) so
  // the 16-bit counter still tracks "about as many as buckets".
  uint8_t b = B();
  bool counted = true;
  if (b < 16) {
    setNoverflow(uint16_t(noverflow() + 1));
  } else {
    uint32_t mask = (uint32_t(1) << (b - 15)) - 1;
    counted = (rand_.next() & mask) == 0;
    if (counted) setNoverflow(uint16_t(noverflow() + 1));
  }
  record(
      {TraceKind::CountOverflow, TraceFunc::newoverflow, false, 0, 0, 0, 0, noverflow(), counted ? 1u : 0u});
}

// The overflow/oldoverflow slices exist in Go only to keep overflow buckets
// of pointer-free maps alive for the collector. The model keeps a 24-byte
// slice header whose length counts them (the backing array is not modelled),
// so that `extra` becomes non-nil exactly when Go's does.
void GoMap::createOverflow() {
  if (extra() == 0) { heap_.store64(h_ + hmap::extra, heap_.alloc(mapextra::size)); }
  if (extraField(mapextra::overflow) == 0) { setExtraField(mapextra::overflow, heap_.alloc(24)); }
}

void GoMap::appendOverflow() {
  createOverflow();
  uint64_t slice = extraField(mapextra::overflow);
  uint64_t len = heap_.load64(slice + 8) + 1;
  heap_.store64(slice + 8, len);
  heap_.store64(slice + 16, len);
}

uint64_t GoMap::extraField(uint64_t field) const {
  uint64_t x = extra();
  return x == 0 ? 0 : heap_.load64(x + field);
}

void GoMap::setExtraField(uint64_t field, uint64_t v) {
  if (extra() == 0) {
    if (v == 0) return;
    heap_.store64(h_ + hmap::extra, heap_.alloc(mapextra::size));
  }
  heap_.store64(extra() + field, v);
}

uint64_t GoMap::nextOverflow() const { return extraField(mapextra::nextOverflow); }

uint16_t GoMap::noverflow() const {
  uint16_t v;
  std::memcpy(&v, heap_.at(h_ + hmap::noverflow), 2);
  return v;
}
void GoMap::setNoverflow(uint16_t v) { heap_.write(h_ + hmap::noverflow, &v, 2); }
void GoMap::setHash0(uint32_t v) { heap_.write(h_ + hmap::hash0, &v, 4); }

uint64_t GoMap::noldbuckets() const {
  uint8_t oldB = B();
  if (!sameSizeGrow()) --oldB;
  return bucketShift(oldB);
}

}  // namespace gomap
