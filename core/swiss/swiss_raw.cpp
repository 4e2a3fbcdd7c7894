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

// A raw-path key: the bytes of a faststr key, or an 8-byte key as a word.
struct RawKey {
  const char* data;
  size_t size;
  bool isString;
  uint64_t word = 0;

  RawKey(const char* key, size_t n, bool str) : data(key), size(n), isString(str) {
    if (!str) std::memcpy(&word, key, 8);
  }
  // Does the key slot at `slot` hold this key?
  bool equals(const uint8_t* mem, const uint8_t* slot) const {
    return isString ? strEqual(mem, slot, data, size) : ld64(slot) == word;
  }
  uint64_t hash(uint64_t seed, const HashKey& k) const {
    if (!isString) return memhash126Word(word, seed, k);
    const uint8_t* p = reinterpret_cast<const uint8_t*>(data);
    return size <= 16 ? memhash126Short(p, seed, size, k) : memhash126(p, seed, size, k);
  }
};

// A table's header fields a raw probe reads once.
struct RawTable {
  const uint8_t* bytes;
  uint64_t groups, mask;
  RawTable(const uint8_t* mem, uint64_t address)
      : bytes(mem + (address - SimHeap::kBase)),
        groups(ld64(bytes + tablef::groupsData)),
        mask(ld64(bytes + tablef::lengthMask)) {}
};

}  // namespace

// The table that the directory entry for `hash` names (the map has a directory).
uint64_t SwissMap::rawTableOf(const uint8_t* hdr, uint64_t hash) const {
  const uint64_t dirLen = ld64(hdr + mapf::dirLen);
  const uint64_t idx = dirLen == 1 ? 0 : hash >> (hdr[mapf::globalShift] & 63);
  return ld64(mem() + (ld64(hdr + mapf::dirPtr) - SimHeap::kBase) + 8 * idx);
}

// fast64's and faststr's lookup; a small map is scanned without a hash
// (fast64 never hashes there, and faststr, hashed or not, finds the one
// equal key).
template <bool kString>
void SwissMap::rawGet(const char* keyBytes, size_t size, SwissFound* out) const {
  const RawKey key(keyBytes, size, kString);
  const uint8_t* base = mem();
  const uint8_t* hdr = base + (m_ - SimHeap::kBase);
  *out = SwissFound();
  if (ld64(hdr + mapf::used) == 0) return;
  const uint64_t ss = layout_.slotSize, eo = layout_.elemOff;
  if (ld64(hdr + mapf::dirLen) == 0) {
    const uint64_t dirPtr = ld64(hdr + mapf::dirPtr);
    const uint8_t* g = base + (dirPtr - SimHeap::kBase);
    for (uint64_t full = matchFull(ld64(g)); full != 0; full &= full - 1) {
      const uint64_t off = 8 + uint64_t(bitsetFirst(full)) * ss;
      if (key.equals(base, g + off)) {
        *out = {true, dirPtr + off, dirPtr + off + eo};
        return;
      }
    }
    return;
  }
  const uint64_t hash = key.hash(ld64(hdr + mapf::seed), config_.hashkey);
  const RawTable t(base, rawTableOf(hdr, hash));
  const uint8_t* groups = base + (t.groups - SimHeap::kBase);
  const uint64_t gs = layout_.groupSize, want = h2(hash);
  for (ProbeSeq seq(h1(hash), t.mask);; seq.next()) {
    const uint8_t* g = groups + seq.offset * gs;
    const uint64_t ctrl = ld64(g);
    for (uint64_t match = matchH2(ctrl, want); match != 0; match &= match - 1) {
      const uint64_t slot = 8 + uint64_t(bitsetFirst(match)) * ss;
      if (key.equals(base, g + slot)) {
        const uint64_t a = t.groups + seq.offset * gs + slot;
        *out = {true, a, a + eo};
        return;
      }
    }
    if (matchEmpty(ctrl) != 0) return;
  }
}

template void SwissMap::rawGet<false>(const char*, size_t, SwissFound*) const;
template void SwissMap::rawGet<true>(const char*, size_t, SwissFound*) const;

// mapassign_fast64 / _faststr on a table, when the key is there or a slot
// is free without a rehash; otherwise (small map, growthLeft 0) the general
// putSlotImpl, which starts from the same unchanged bytes. Returns the
// elem's address.
uint64_t SwissMap::rawPut(const char* key, size_t size) {
  const bool str = rawKind_ == Variant::FastStr;
  const uint8_t* hdr = mem() + (m_ - SimHeap::kBase);
  if (ld64(hdr + mapf::dirLen) == 0) return putSlotImpl<false>(key, size);
  const RawKey raw(key, size, str);
  const uint64_t hash = raw.hash(ld64(hdr + mapf::seed), config_.hashkey);
  const uint64_t t = rawTableOf(hdr, hash);
  const RawTable table(mem(), t);
  const uint64_t gs = layout_.groupSize, ss = layout_.slotSize, want = h2(hash);
  uint64_t deleted = 0;
  for (ProbeSeq seq(h1(hash), table.mask);; seq.next()) {
    const uint64_t g = table.groups + seq.offset * gs;
    const uint8_t* gp = mem() + (g - SimHeap::kBase);
    const uint64_t ctrl = ld64(gp);
    for (uint64_t match = matchH2(ctrl, want); match != 0; match &= match - 1) {
      const uint64_t slot = 8 + uint64_t(bitsetFirst(match)) * ss;
      if (raw.equals(mem(), gp + slot)) {
        if (str) writeKeyValue(g + slot, key, size);  // faststr rewrites the key's header
        return g + slot + layout_.elemOff;
      }
    }
    const uint64_t free = matchEmptyOrDeleted(ctrl);
    if (free == 0) continue;
    const int i = bitsetFirst(free);
    if (gp[i] == kCtrlDeleted) {
      if (deleted == 0) deleted = g + 8 + uint64_t(i) * ss;  // remembered as its key slot
      continue;
    }
    uint64_t slot = deleted != 0 ? deleted : g + 8 + uint64_t(i) * ss;
    const uint16_t growthLeft = ld16(table.bytes + tablef::growthLeft);
    if (deleted == 0 && growthLeft == 0) return putSlotImpl<false>(key, size);  // prune or rehash
    const uint64_t group = deleted != 0 ? deleted - (deleted - table.groups) % gs : g;
    const int index = int((slot - group - 8) / ss);
    if (str) {
      writeKeyValue(slot, key, size);
    } else {
      heap_.store64(slot, raw.word);
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
  if (ld64(hdr + mapf::dirLen) == 0) return deleteImpl<false>(key, size, reseed);
  const RawKey raw(key, size, str);
  const uint64_t hash = raw.hash(ld64(hdr + mapf::seed), config_.hashkey);
  const uint64_t t = rawTableOf(hdr, hash);
  const RawTable table(mem(), t);
  const uint64_t gs = layout_.groupSize, ss = layout_.slotSize, want = h2(hash);
  for (ProbeSeq seq(h1(hash), table.mask);; seq.next()) {
    const uint64_t g = table.groups + seq.offset * gs;
    const uint8_t* gp = mem() + (g - SimHeap::kBase);
    const uint64_t ctrl = ld64(gp);
    for (uint64_t match = matchH2(ctrl, want); match != 0; match &= match - 1) {
      const int i = bitsetFirst(match);
      const uint64_t slot = 8 + uint64_t(i) * ss;
      if (!raw.equals(mem(), gp + slot)) continue;
      setTUsed(t, uint16_t(ld16(table.bytes + tablef::used) - 1));
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
        setTGrowthLeft(t, uint16_t(ld16(table.bytes + tablef::growthLeft) + 1));
      } else {
        setCtrl(g, i, kCtrlDeleted);
        heap_.store8(m_ + mapf::tombstonePossible, 1);
      }
      if (used == 0) setSeed(reseed ? *reseed : draw());
      return;
    }
    if (matchEmpty(ctrl) != 0) return;
  }
}

}  // namespace gomap::swiss
