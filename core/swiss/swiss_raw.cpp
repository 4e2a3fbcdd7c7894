// The raw path: lookups, inserts and deletes of a fast64 (int64, [8]byte)
// or faststr map with go126 hashing and nothing watching (no trace, hash
// log or pinned hash). The same probes and the same writes as the general
// code in swiss_access/assign/delete.cpp, read straight off the bytes with
// the header loaded once: a big map's probes miss the cache, and the fewer
// instructions around each one, the more misses the processor overlaps.
// tests/core/swiss_raw.test.cpp runs twin maps, one traced and one not,
// and requires identical answers and identical heaps.
#include "go_map.h"  // bytesEqual
#include "swiss/swiss_map.h"

namespace gomap::swiss {
namespace {

inline uint64_t ld64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline uint16_t ld16(const uint8_t* p) {
  uint16_t v;
  std::memcpy(&v, p, 2);
  return v;
}

// A stored string key (data pointer, length) equal to key?
inline bool strEqual(const uint8_t* mem, const uint8_t* slot, const char* key, size_t size) {
  if (ld64(slot + 8) != size) return false;
  return size == 0 || bytesEqual(mem + (ld64(slot) - SimHeap::kBase), key, size);
}

inline uint64_t strHash(const char* key, size_t size, uint64_t seed, const HashKey& k) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(key);
  return size <= 16 ? memhash126Short(p, seed, size, k) : memhash126(p, seed, size, k);
}

}  // namespace

void SwissMap::rawGet64(uint64_t key, SwissFound* out) const {
  const uint8_t* base = mem();
  const uint8_t* hdr = base + (m_ - SimHeap::kBase);
  *out = SwissFound();
  if (ld64(hdr + mapf::used) == 0) return;
  const uint64_t ss = layout_.slotSize, eo = layout_.elemOff;
  const uint64_t dirLen = ld64(hdr + mapf::dirLen), dirPtr = ld64(hdr + mapf::dirPtr);
  if (dirLen == 0) {
    // fast64's small-map scan: full slots in order, no hash.
    const uint8_t* g = base + (dirPtr - SimHeap::kBase);
    for (uint64_t full = matchFull(ld64(g)); full != 0; full &= full - 1) {
      const uint64_t off = 8 + uint64_t(bitsetFirst(full)) * ss;
      if (ld64(g + off) == key) {
        *out = {true, dirPtr + off, dirPtr + off + eo};
        return;
      }
    }
    return;
  }
  const uint64_t hash = memhash126Word(key, ld64(hdr + mapf::seed), config_.hashkey);
  const uint64_t idx = dirLen == 1 ? 0 : hash >> (hdr[mapf::globalShift] & 63);
  const uint8_t* t = base + (ld64(base + (dirPtr - SimHeap::kBase) + 8 * idx) - SimHeap::kBase);
  const uint64_t data = ld64(t + tablef::groupsData), mask = ld64(t + tablef::lengthMask);
  const uint8_t* groups = base + (data - SimHeap::kBase);
  const uint64_t gs = layout_.groupSize, want = h2(hash);
  uint64_t off = h1(hash) & mask;
  for (uint64_t step = 1;; ++step) {
    const uint8_t* g = groups + off * gs;
    const uint64_t ctrl = ld64(g);
    for (uint64_t match = matchH2(ctrl, want); match != 0; match &= match - 1) {
      const uint64_t slot = 8 + uint64_t(bitsetFirst(match)) * ss;
      if (ld64(g + slot) == key) {
        const uint64_t a = data + off * gs + slot;
        *out = {true, a, a + eo};
        return;
      }
    }
    if (matchEmpty(ctrl) != 0) return;
    off = (off + step) & mask;
  }
}

void SwissMap::rawGetStr(const char* key, size_t size, SwissFound* out) const {
  const uint8_t* base = mem();
  const uint8_t* hdr = base + (m_ - SimHeap::kBase);
  *out = SwissFound();
  if (ld64(hdr + mapf::used) == 0) return;
  const uint64_t ss = layout_.slotSize, eo = layout_.elemOff;
  const uint64_t dirLen = ld64(hdr + mapf::dirLen), dirPtr = ld64(hdr + mapf::dirPtr);
  if (dirLen == 0) {
    // Whichever way faststr gets there (hashed or not), the one equal key.
    const uint8_t* g = base + (dirPtr - SimHeap::kBase);
    for (uint64_t full = matchFull(ld64(g)); full != 0; full &= full - 1) {
      const uint64_t off = 8 + uint64_t(bitsetFirst(full)) * ss;
      if (strEqual(base, g + off, key, size)) {
        *out = {true, dirPtr + off, dirPtr + off + eo};
        return;
      }
    }
    return;
  }
  const uint64_t hash = strHash(key, size, ld64(hdr + mapf::seed), config_.hashkey);
  const uint64_t idx = dirLen == 1 ? 0 : hash >> (hdr[mapf::globalShift] & 63);
  const uint8_t* t = base + (ld64(base + (dirPtr - SimHeap::kBase) + 8 * idx) - SimHeap::kBase);
  const uint64_t data = ld64(t + tablef::groupsData), mask = ld64(t + tablef::lengthMask);
  const uint8_t* groups = base + (data - SimHeap::kBase);
  const uint64_t gs = layout_.groupSize, want = h2(hash);
  uint64_t off = h1(hash) & mask;
  for (uint64_t step = 1;; ++step) {
    const uint8_t* g = groups + off * gs;
    const uint64_t ctrl = ld64(g);
    for (uint64_t match = matchH2(ctrl, want); match != 0; match &= match - 1) {
      const uint64_t slot = 8 + uint64_t(bitsetFirst(match)) * ss;
      if (strEqual(base, g + slot, key, size)) {
        const uint64_t a = data + off * gs + slot;
        *out = {true, a, a + eo};
        return;
      }
    }
    if (matchEmpty(ctrl) != 0) return;
    off = (off + step) & mask;
  }
}

// mapassign_fast64 / _faststr on a table, when the key is there or a slot
// is free without a rehash; otherwise (small map, growthLeft 0) the general
// putSlotImpl, which starts from the same unchanged bytes. Returns the
// elem's address.
uint64_t SwissMap::rawPut(const char* key, size_t size) {
  const bool str = rawKind_ == Variant::FastStr;
  const uint8_t* hdr = mem() + (m_ - SimHeap::kBase);
  const uint64_t dirLen = ld64(hdr + mapf::dirLen);
  if (dirLen == 0) return putSlotImpl<false>(key, size);
  uint64_t key64 = 0;
  if (!str) std::memcpy(&key64, key, 8);
  const uint64_t seed = ld64(hdr + mapf::seed);
  const uint64_t hash =
      str ? strHash(key, size, seed, config_.hashkey) : memhash126Word(key64, seed, config_.hashkey);
  const uint64_t idx = dirLen == 1 ? 0 : hash >> (hdr[mapf::globalShift] & 63);
  const uint64_t dirPtr = ld64(hdr + mapf::dirPtr);
  const uint64_t t = ld64(mem() + (dirPtr - SimHeap::kBase) + 8 * idx);
  const uint8_t* tp = mem() + (t - SimHeap::kBase);
  const uint64_t data = ld64(tp + tablef::groupsData), mask = ld64(tp + tablef::lengthMask);
  const uint64_t gs = layout_.groupSize, ss = layout_.slotSize, want = h2(hash);
  uint64_t off = h1(hash) & mask, deleted = 0;
  for (uint64_t step = 1;; ++step) {
    const uint64_t g = data + off * gs;
    const uint8_t* gp = mem() + (g - SimHeap::kBase);
    const uint64_t ctrl = ld64(gp);
    for (uint64_t match = matchH2(ctrl, want); match != 0; match &= match - 1) {
      const uint64_t slot = 8 + uint64_t(bitsetFirst(match)) * ss;
      if (str ? strEqual(mem(), gp + slot, key, size) : ld64(gp + slot) == key64) {
        if (str) writeKeyValue(g + slot, key, size);  // faststr rewrites the key's header
        return g + slot + layout_.elemOff;
      }
    }
    const uint64_t free = matchEmptyOrDeleted(ctrl);
    if (free == 0) {
      off = (off + step) & mask;
      continue;
    }
    const int i = bitsetFirst(free);
    if (gp[i] == kCtrlDeleted) {
      if (deleted == 0) deleted = g + 8 + uint64_t(i) * ss;  // remembered as its key slot
      off = (off + step) & mask;
      continue;
    }
    uint64_t slot = deleted != 0 ? deleted : g + 8 + uint64_t(i) * ss;
    const uint16_t growthLeft = ld16(tp + tablef::growthLeft);
    if (deleted == 0 && growthLeft == 0) return putSlotImpl<false>(key, size);  // prune or rehash
    const uint64_t group = deleted != 0 ? deleted - (deleted - data) % gs : g;
    const int index = int((slot - group - 8) / ss);
    if (str) {
      writeKeyValue(slot, key, size);
    } else {
      heap_.store64(slot, key64);
    }
    // (A string's characters were just allocated: re-read through the
    // accessors, not through pointers taken before.)
    setCtrl(group, index, uint8_t(want));
    if (deleted == 0) setTGrowthLeft(t, uint16_t(growthLeft - 1));
    setTUsed(t, uint16_t(tUsed(t) + 1));
    setUsed(used() + 1);
    return slot + layout_.elemOff;
  }
}

void SwissMap::rawDelete(const char* key, size_t size, std::optional<uint64_t> reseed) {
  const bool str = rawKind_ == Variant::FastStr;
  const uint8_t* hdr = mem() + (m_ - SimHeap::kBase);
  if (ld64(hdr + mapf::used) == 0) return;
  const uint64_t dirLen = ld64(hdr + mapf::dirLen);
  if (dirLen == 0) return deleteImpl<false>(key, size, reseed);
  uint64_t key64 = 0;
  if (!str) std::memcpy(&key64, key, 8);
  const uint64_t seed = ld64(hdr + mapf::seed);
  const uint64_t hash =
      str ? strHash(key, size, seed, config_.hashkey) : memhash126Word(key64, seed, config_.hashkey);
  const uint64_t idx = dirLen == 1 ? 0 : hash >> (hdr[mapf::globalShift] & 63);
  const uint64_t t = ld64(mem() + (ld64(hdr + mapf::dirPtr) - SimHeap::kBase) + 8 * idx);
  const uint8_t* tp = mem() + (t - SimHeap::kBase);
  const uint64_t data = ld64(tp + tablef::groupsData), mask = ld64(tp + tablef::lengthMask);
  const uint64_t gs = layout_.groupSize, ss = layout_.slotSize, want = h2(hash);
  uint64_t off = h1(hash) & mask;
  for (uint64_t step = 1;; ++step) {
    const uint64_t g = data + off * gs;
    const uint8_t* gp = mem() + (g - SimHeap::kBase);
    const uint64_t ctrl = ld64(gp);
    for (uint64_t match = matchH2(ctrl, want); match != 0; match &= match - 1) {
      const int i = bitsetFirst(match);
      const uint64_t slot = 8 + uint64_t(i) * ss;
      if (!(str ? strEqual(mem(), gp + slot, key, size) : ld64(gp + slot) == key64)) continue;
      setTUsed(t, uint16_t(ld16(tp + tablef::used) - 1));
      const uint64_t used = ld64(mem() + (m_ - SimHeap::kBase)) - 1;
      setUsed(used);
      if (str) heap_.zero(g + slot, 16);  // a string key holds a pointer: cleared
      if (type().elemsize == 8) {
        heap_.store64(g + slot + layout_.elemOff, 0);
      } else {
        heap_.zero(g + slot + layout_.elemOff, type().elemsize);  // a bool, a string header, struct{}, ...
      }
      if (matchEmpty(ctrl) != 0) {
        setCtrl(g, i, kCtrlEmpty);
        setTGrowthLeft(t, uint16_t(ld16(tp + tablef::growthLeft) + 1));
      } else {
        setCtrl(g, i, kCtrlDeleted);
        heap_.store8(m_ + mapf::tombstonePossible, 1);
      }
      if (used == 0) setSeed(reseed ? *reseed : draw());
      return;
    }
    if (matchEmpty(ctrl) != 0) return;
    off = (off + step) & mask;
  }
}

}  // namespace gomap::swiss
