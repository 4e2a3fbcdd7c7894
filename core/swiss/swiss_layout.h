// Go 1.26's Swiss-table map laid out as on amd64 (spec go-map-swiss-1.26.md,
// A.1): the constants, the field offsets of the Map header and of a table,
// and the slot geometry the compiler derives per map[K]V. Everything here is
// a plain fact about bytes; the behaviour lives in swiss_map.h.
#pragma once
#include <cstdint>

#include "map_type.h"

namespace gomap::swiss {

constexpr int kGroupSlots = 8;                // abi.MapGroupSlots
constexpr uint64_t kMaxTableCapacity = 1024;  // slots; capacity and growthLeft are uint16
constexpr uint64_t kMaxAvgGroupLoad = 7;      // 7 of 8 slots: the load factor
constexpr uint8_t kCtrlEmpty = 0x80;
constexpr uint8_t kCtrlDeleted = 0xFE;  // a tombstone
constexpr uint64_t kCtrlAllEmpty = 0x8080808080808080ULL;

// maps.Map, 48 bytes.
namespace mapf {
constexpr uint64_t used = 0, seed = 8, dirPtr = 16, dirLen = 24, globalDepth = 32, globalShift = 33,
                   writing = 34, tombstonePossible = 35, clearSeq = 40, size = 48;
}
// maps.table, 32 bytes.
namespace tablef {
constexpr uint64_t used = 0, capacity = 2, growthLeft = 4, localDepth = 6, index = 8, groupsData = 16,
                   lengthMask = 24, size = 32;
}

// The slot geometry of abi.MapType for one map[K]V: a slot is
// struct{ key K'; elem V' } with Go's alignment and padding (K' is a pointer
// when K is over 128 bytes, likewise V'), and a group is the 8-byte control
// word followed by 8 slots.
struct SwissLayout {
  uint32_t slotSize = 0;
  uint32_t elemOff = 0;
  uint32_t groupSize = 0;
  uint32_t flags = 0;           // 1 NeedKeyUpdate, 2 HashMightPanic, 4 IndirectKey, 8 IndirectElem
  bool keyHasPointers = false;  // typ.Key.Pointers(): strings and indirect keys
  bool prunes = false;          // the compiler's assign path is fast32/fast64/faststr

  static SwissLayout of(const MapType& t) {
    SwissLayout l;
    // The types' own alignment (go_type.h), a pointer's when indirect.
    const uint32_t keyAlign = t.indirectKey ? 8 : uint32_t(t.keyGo->align);
    const uint32_t elemAlign = t.indirectElem ? 8 : uint32_t(t.elemGo->align);
    const uint32_t slotAlign = keyAlign > elemAlign ? keyAlign : elemAlign;
    l.elemOff = (t.keysize + elemAlign - 1) / elemAlign * elemAlign;
    // A slot ending in a zero-size elem gets a byte of padding, as any
    // non-empty struct ending in a zero-size field does (map[K]struct{}).
    const uint32_t end = l.elemOff + t.elemsize + (t.elemsize == 0 && l.elemOff > 0 ? 1 : 0);
    l.slotSize = (end + slotAlign - 1) / slotAlign * slotAlign;
    l.groupSize = 8 + kGroupSlots * l.slotSize;
    l.keyHasPointers = t.keyHasPointers || t.indirectKey;
    l.flags = (t.needKeyUpdate ? 1u : 0u) | (t.indirectKey ? 4u : 0u) | (t.indirectElem ? 8u : 0u);
    l.prunes = t.variant != Variant::Generic;
    return l;
  }
};

// The control word as a bitset, one bit (bit 7 of each byte) per slot, as
// amd64's SIMD match functions return it: exact, no false positives.
constexpr uint64_t kLsb = 0x0101010101010101ULL;
constexpr uint64_t kMsb = 0x8080808080808080ULL;
constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
inline uint64_t matchZeroBytes(uint64_t v) { return ~(((v & kLow7) + kLow7) | v | kLow7); }
inline uint64_t matchH2(uint64_t ctrl, uint64_t h2) { return matchZeroBytes(ctrl ^ (kLsb * h2)); }
inline uint64_t matchEmpty(uint64_t ctrl) { return (ctrl & ~(ctrl << 6)) & kMsb; }
inline uint64_t matchEmptyOrDeleted(uint64_t ctrl) { return ctrl & kMsb; }
inline uint64_t matchFull(uint64_t ctrl) { return ~ctrl & kMsb; }
inline int bitsetFirst(uint64_t b) { return __builtin_ctzll(b) >> 3; }
inline uint64_t bitsetRemoveBelow(uint64_t b, int i) { return b & ~((uint64_t(1) << (8 * i)) - 1); }
inline int bitsetCount(uint64_t b) { return __builtin_popcountll(b); }

inline uint64_t h1(uint64_t hash) { return hash >> 7; }
inline uint8_t h2(uint64_t hash) { return uint8_t(hash & 0x7f); }

// maxGrowthLeft of a table of `capacity` slots.
inline uint16_t maxGrowthLeft(uint16_t capacity) {
  return capacity <= kGroupSlots ? uint16_t(capacity - 1)
                                 : uint16_t(capacity * kMaxAvgGroupLoad / kGroupSlots);
}

// The probe sequence over groups: triangular steps, which visit every group
// of a power-of-two table once.
struct ProbeSeq {
  uint64_t mask, offset, index = 0;
  ProbeSeq(uint64_t hash1, uint64_t m) : mask(m), offset(hash1 & m) {}
  void next() {
    ++index;
    offset = (offset + index) & mask;
  }
};

}  // namespace gomap::swiss
