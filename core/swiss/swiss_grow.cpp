// Growth, one table at a time: rehash picks grow (double the capacity, up
// to 1,024 slots) or split (two tables of 1,024 told apart by one more hash
// bit, the directory doubling first if the table was as deep as it).
#include "swiss/swiss_map.h"

namespace gomap::swiss {

void SwissMap::rehash(uint64_t t) {
  const uint64_t newCapacity = 2 * uint64_t(tCapacity(t));
  record({SwissTraceKind::Rehash, SwissTraceFunc::rehash, 0, 0, 0, t,
          newCapacity <= kMaxTableCapacity ? newCapacity : 0, 0});
  if (newCapacity <= kMaxTableCapacity) {
    grow(t, uint16_t(newCapacity));
  } else {
    split(t);
  }
}

void SwissMap::grow(uint64_t t, uint16_t newCapacity) {
  const uint64_t nt = newTable(newCapacity, tIndex(t), tLocalDepth(t));
  moveEntries(t, SwissTraceFunc::grow, nt, nt, 0);
  replaceTable(nt);
  setTIndex(t, -1);
}

void SwissMap::split(uint64_t t) {
  const uint8_t localDepth = uint8_t(tLocalDepth(t) + 1);
  const uint64_t left = newTable(kMaxTableCapacity, -1, localDepth);
  const uint64_t right = newTable(kMaxTableCapacity, -1, localDepth);
  moveEntries(t, SwissTraceFunc::split, left, right, uint64_t(1) << (64 - localDepth));
  installTableSplit(t, left, right);
  setTIndex(t, -1);
}

// Every full slot of the old table t, in slot order, re-hashed with the
// map's seed (traced as fn) into `right` when the hash has `bit` set, else
// into `left`; grow names one table twice and no bit. Tombstones are left
// behind.
void SwissMap::moveEntries(uint64_t t, SwissTraceFunc fn, uint64_t left, uint64_t right, uint64_t bit) {
  const uint64_t mask = tLengthMask(t);
  for (uint64_t gi = 0; gi <= mask; ++gi) {
    const uint64_t g = groupAt(t, gi);
    for (int j = 0; j < kGroupSlots; ++j) {
      if ((ctrlAt(g, j) & kCtrlEmpty) == kCtrlEmpty) continue;
      const uint64_t hash = hashStored(keyAt(g, j), fn);
      const bool toRight = (hash & bit) != 0;
      uncheckedPutSlot(toRight ? right : left, hash, keySlot(g, j), elemSlot(g, j), gi, j, toRight ? 1 : 0);
    }
  }
}

}  // namespace gomap::swiss
