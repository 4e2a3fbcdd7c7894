// Iteration: Iter.Init and Iter.Next. Two draws (entryOffset, then
// dirOffset) fix the order; the iterator walks the directory a table at a
// time and each table's slots from entryOffset. It keeps walking the table
// (or small group) it started even after a grow replaced it, and then looks
// every key up again in the current map: the current elem is returned, a
// deleted key skipped, and keys that only live in the new tables are never
// seen.
#include "swiss/swiss_map.h"

namespace gomap::swiss {

void SwissMap::iterInit(SwissIter* it, std::optional<uint64_t> entryPin, std::optional<uint64_t> dirPin) {
  *it = SwissIter();
  if (used() == 0) return;  // nothing drawn, a pin is ignored
  it->dirIdx = 0;
  if (dirLen() == 0) {
    it->dirIdx = -1;
    it->group = dirPtr();
  }
  it->started = true;
  it->entryOffset = entryPin ? *entryPin : draw();
  it->dirOffset = dirPin ? *dirPin : draw();
  it->globalDepth = globalDepth();
  it->clearSeq = clearSeq();
  record({SwissTraceKind::IterStart, SwissTraceFunc::IterInit, 0, 0, 0, 0, it->entryOffset, it->dirOffset});
}

// The current key and elem of a key read from a replaced table: looked up
// again. A NaN key cannot be found, so it is returned from the old slot as
// long as no clear happened since the iterator started.
bool SwissMap::grownKeyElem(SwissIter* it, uint64_t keyAddr, int slot, uint64_t* key, uint64_t* elem) {
  std::string_view k = storedKeyView(keyAddr);
  if (k.data() == nullptr) k = std::string_view("", 0);
  // The lookup reads the heap; keep the bytes apart (a key holding strings
  // as its encoding, typed_value.h).
  const std::string copy = type().keyTails ? keyBytes(keyAddr) : std::string(k);
  SwissTrace* saved = trace_;
  trace_ = nullptr;  // the re-lookup's own probe steps would drown the iteration's
  refreshRaw();
  SwissFound f = lookupImpl<false>(copy.data(), copy.size(), true);
  trace_ = saved;
  refreshRaw();
  if (!f.found) {
    if (it->clearSeq == clearSeq() && keyIsNaN(keyAddr)) {
      *key = keyAddr;
      *elem = elemAt(it->group, slot);
      return true;
    }
    return false;
  }
  *key = f.key;
  *elem = f.elem;
  return true;
}

void SwissMap::nextDirIdx(SwissIter* it) {
  it->dirIdx += int64_t(1) << (globalDepth() - tLocalDepth(it->tab));
  it->tab = 0;
  it->group = 0;
  it->entryIdx = 0;
}

void SwissMap::iterNext(SwissIter* it) {
  auto yield = [&](uint64_t g, int slot, uint64_t key, uint64_t elem, bool relooked) {
    it->key = key;
    it->elem = elem;
    record({SwissTraceKind::IterYield, SwissTraceFunc::IterNext, uint8_t(slot), ctrlAt(g, slot), 0, g, key,
            relooked ? 1u : 0u});
  };
  if (!it->started) {
    it->key = it->elem = 0;
    return;
  }
  if (it->dirIdx < 0) {
    // A small map's group, slot (e + entryOffset) mod 8.
    for (; it->entryIdx < kGroupSlots; ++it->entryIdx) {
      const int k = int((it->entryIdx + it->entryOffset) % kGroupSlots);
      if ((ctrlAt(it->group, k) & kCtrlEmpty) == kCtrlEmpty) continue;
      uint64_t key = keyAt(it->group, k), elem;
      const bool grown = dirLen() > 0;
      if (grown) {
        if (!grownKeyElem(it, key, k, &key, &elem)) {
          record({SwissTraceKind::IterSkip, SwissTraceFunc::IterNext, uint8_t(k), 0, 0, it->group, 0, 0});
          continue;
        }
      } else {
        elem = elemAt(it->group, k);
      }
      ++it->entryIdx;
      yield(it->group, k, key, elem, grown);
      return;
    }
    it->key = it->elem = 0;
    record({SwissTraceKind::IterEnd, SwissTraceFunc::IterNext, 0, 0, 0, 0, 0, 0});
    return;
  }
  if (it->globalDepth != globalDepth()) {
    // The directory doubled since: the same position is further along.
    const int orders = globalDepth() - it->globalDepth;
    it->dirIdx <<= orders;
    it->dirOffset <<= orders;
    it->globalDepth = globalDepth();
    record({SwissTraceKind::IterDirShift, SwissTraceFunc::IterNext, 0, 0, 0, 0, uint64_t(orders), 0});
  }
  for (; it->dirIdx < int64_t(dirLen()); nextDirIdx(it)) {
    if (it->tab == 0) {
      int64_t dirIdx = int64_t((uint64_t(it->dirIdx) + it->dirOffset) & (dirLen() - 1));
      const uint64_t t = directoryAt(uint64_t(dirIdx));
      if (tIndex(t) != dirIdx) {
        // Start at the beginning of the table's run of entries.
        it->dirOffset -= uint64_t(dirIdx - tIndex(t));
        dirIdx = tIndex(t);
      }
      it->tab = t;
      record({SwissTraceKind::IterTable, SwissTraceFunc::IterNext, 0, 0, 0, t, uint64_t(dirIdx), 0});
    }
    const uint64_t entryMask = uint64_t(tCapacity(it->tab)) - 1;
    if (it->entryIdx > entryMask) continue;
    const bool grown = tIndex(it->tab) == -1;

    // The slot at entryIdx itself first.
    uint64_t entry = (it->entryIdx + it->entryOffset) & entryMask;
    int slot = int(entry & (kGroupSlots - 1));
    if (slot == 0 || it->group == 0) it->group = groupAt(it->tab, entry >> 3);
    if ((ctrlAt(it->group, slot) & kCtrlEmpty) == 0) {
      uint64_t key = keyAt(it->group, slot), elem = 0;
      bool ok = true;
      if (grown) {
        ok = grownKeyElem(it, key, slot, &key, &elem);
      } else {
        elem = elemAt(it->group, slot);
      }
      if (ok) {
        ++it->entryIdx;
        yield(it->group, slot, key, elem, grown);
        return;
      }
      record({SwissTraceKind::IterSkip, SwissTraceFunc::IterNext, uint8_t(slot), 0, 0, it->group, 0, 0});
    }

    // Then whole groups at a time, from a snapshot of their full slots; on
    // a yield entryIdx already points at the next full slot of the group.
    ++it->entryIdx;
    uint64_t groupMatch = 0;
    while (it->entryIdx <= entryMask) {
      entry = (it->entryIdx + it->entryOffset) & entryMask;
      slot = int(entry & (kGroupSlots - 1));
      if (slot == 0 || it->group == 0) it->group = groupAt(it->tab, entry >> 3);
      if (groupMatch == 0) {
        groupMatch = matchFull(ctrlWord(it->group));
        if (slot != 0) groupMatch = bitsetRemoveBelow(groupMatch, slot);
        if (groupMatch == 0) {
          it->entryIdx += uint64_t(kGroupSlots - slot);
          continue;
        }
        const int i = bitsetFirst(groupMatch);
        it->entryIdx += uint64_t(i - slot);
        if (it->entryIdx > entryMask) continue;
        slot = i;
      }
      uint64_t key = keyAt(it->group, slot), elem = 0;
      if (grown) {
        if (!grownKeyElem(it, key, slot, &key, &elem)) {
          record({SwissTraceKind::IterSkip, SwissTraceFunc::IterNext, uint8_t(slot), 0, 0, it->group, 0, 0});
          groupMatch &= groupMatch - 1;
          if (groupMatch == 0) {
            it->entryIdx += uint64_t(kGroupSlots - slot);
            continue;
          }
          it->entryIdx += uint64_t(bitsetFirst(groupMatch) - slot);
          continue;
        }
      } else {
        elem = elemAt(it->group, slot);
      }
      const uint64_t g = it->group;
      groupMatch &= groupMatch - 1;
      if (groupMatch == 0) {
        it->entryIdx += uint64_t(kGroupSlots - slot);
      } else {
        it->entryIdx += uint64_t(bitsetFirst(groupMatch) - slot);
      }
      yield(g, slot, key, elem, grown);
      return;
    }
  }
  it->key = it->elem = 0;
  record({SwissTraceKind::IterEnd, SwissTraceFunc::IterNext, 0, 0, 0, 0, 0, 0});
}

}  // namespace gomap::swiss
