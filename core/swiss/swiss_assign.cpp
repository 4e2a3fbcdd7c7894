// Insert and update: Map.PutSlot / putSlotSmall, table.PutSlot (the fast
// variants' form, which prunes, and the generic form, which does not),
// uncheckedPutSlot and pruneTombstones.
#include "elem_store.h"
#include "swiss/swiss_map.h"
#include "typed_value.h"

namespace gomap::swiss {

Status SwissMap::set(std::string_view key, std::string_view elem) {
  if (Status s = checkKey(key); !s.ok()) return s;
  if (Status s = checkElem(elem); !s.ok()) return s;
  if (heap_.used() + worstCaseWriteBytes(key.size()) > heap_.limit()) {
    return Status::error("the simulated heap is full (" + std::to_string(heap_.limit() >> 20) +
                         " MiB limit)");
  }
  if (used() >= config_.limits.maxEntries) {
    // At the limit only an update may go ahead; a lookup decides it without
    // touching the map.
    SwissTrace* saved = trace_;
    trace_ = nullptr;
    bool exists = lookupImpl<false>(key.data(), key.size(), true).found;
    trace_ = saved;
    if (!exists) {
      return Status::error("the map already holds " + std::to_string(used()) +
                           " entries, the most this playground allows");
    }
  }
  // Reserve the worst case before the first write, so running out of
  // memory is a refusal that leaves every byte as it was.
  if (Status s = heap_.makeRoom(worstCaseWriteBytes(key.size())); !s.ok()) return s;
  setUnchecked(key, elem);
  return Status::success();
}

void SwissMap::assignBytes(const char* key, size_t size, const char* elem, size_t elemSize) {
  uint64_t e = rawKind_ != Variant::Generic ? rawPut(key, size)
               : trace_                     ? putSlotImpl<true>(key, size)
                                            : putSlotImpl<false>(key, size);
  storeElemValue(heap_, type(), e, elem, elemSize);
  if (trace_) {
    toggleWriting();  // the write is over (set after hashing, see putSlotImpl)
    if (!trace_->events.empty()) trace_->events.back().writes = uint32_t(heap_.journalSize());
  }
}

template <bool kTraced>
uint64_t SwissMap::putSlotImpl(const char* key, size_t size) {
  const uint64_t hash = hashKey(std::string_view(key, size), SwissTraceFunc::PutSlot);
  // Go marks the map as being written once the key is hashed; only a trace
  // can see it, so only traced writes do it.
  if constexpr (kTraced) toggleWriting();
  if (dirPtr() == 0) growToSmall();
  if (dirLen() == 0) {
    if (used() < kGroupSlots) return putSlotSmall<kTraced>(hash, key, size);
    growToTable();  // even when the key is already there
  }
  for (;;) {
    const uint64_t idx = directoryIndex(hash);
    const uint64_t t = directoryAt(idx);
    note<kTraced>({SwissTraceKind::DirEntry, SwissTraceFunc::PutSlot, 0, 0, 0, t, idx, 0});
    if (uint64_t e = tablePutSlot<kTraced>(t, hash, key, size); e != 0) return e;
  }
}

template <bool kTraced>
uint64_t SwissMap::putSlotSmall(uint64_t hash, const char* key, size_t size) {
  const uint64_t g = dirPtr();
  const uint8_t want = h2(hash);
  const uint64_t ctrl = ctrlWord(g);
  if (const int i = findInGroup<kTraced>(SwissTraceFunc::PutSlot, g, ctrl, want, 0, key, size); i >= 0) {
    return foundSlot<kTraced>(g, i, want, 0, key, size);
  }
  const int i = bitsetFirst(matchEmptyOrDeleted(ctrl));  // a small map always has one here
  note<kTraced>({SwissTraceKind::ChooseSlot, SwissTraceFunc::PutSlot, uint8_t(i), ctrlAt(g, i), 0, g, 0, 0});
  const uint64_t e = fillSlot(g, i, want, key, size);
  setUsed(used() + 1);
  note<kTraced>({SwissTraceKind::StoreEntry, SwissTraceFunc::PutSlot, uint8_t(i), want, 0, g, 0, 0});
  return e;
}

template <bool kTraced>
uint64_t SwissMap::tablePutSlot(uint64_t t, uint64_t hash, const char* key, size_t size) {
  const uint8_t want = h2(hash);
  const bool prunes = layout_.prunes;
  const uint64_t data = tGroups(t), gs = layout_.groupSize;
  uint64_t deletedGroup = 0, deletedGroupIndex = 0;
  int deletedSlot = 0;
  for (ProbeSeq seq(h1(hash), tLengthMask(t));; seq.next()) {
    uint64_t g = data + seq.offset * gs;
    const uint64_t ctrl = ctrlWord(g);
    if (const int i = findInGroup<kTraced>(SwissTraceFunc::PutSlot, g, ctrl, want, seq.offset, key, size);
        i >= 0) {
      return foundSlot<kTraced>(g, i, want, seq.offset, key, size);
    }
    int i;
    uint64_t gIndex = seq.offset;
    if (prunes) {
      // fast32/fast64/faststr: the first empty-or-deleted slot decides.
      uint64_t free = matchEmptyOrDeleted(ctrl);
      if (free == 0) continue;
      i = bitsetFirst(free);
      if (ctrlAt(g, i) == kCtrlDeleted) {
        if (deletedGroup == 0) {
          deletedGroup = g, deletedGroupIndex = seq.offset, deletedSlot = i;
          note<kTraced>({SwissTraceKind::RememberTombstone, SwissTraceFunc::PutSlot, uint8_t(i), kCtrlDeleted,
                         seq.offset, g, 0, 0});
        }
        continue;
      }
    } else {
      // The generic path: only a group with an empty slot ends the search.
      uint64_t empty = matchEmpty(ctrl);
      if (empty == 0) {
        if (deletedGroup == 0) {
          if (uint64_t free = matchEmptyOrDeleted(ctrl); free != 0) {
            deletedGroup = g, deletedGroupIndex = seq.offset, deletedSlot = bitsetFirst(free);
            note<kTraced>({SwissTraceKind::RememberTombstone, SwissTraceFunc::PutSlot, uint8_t(deletedSlot),
                           kCtrlDeleted, seq.offset, g, 0, 0});
          }
        }
        continue;
      }
      i = bitsetFirst(empty);
    }
    bool reuse = deletedGroup != 0;
    if (reuse) {
      g = deletedGroup, gIndex = deletedGroupIndex, i = deletedSlot;
      setTGrowthLeft(t, uint16_t(tGrowthLeft(t) + 1));  // undone by the decrement below
    }
    if (prunes && tGrowthLeft(t) == 0) pruneTombstones(t);
    if (tGrowthLeft(t) > 0) {
      note<kTraced>({SwissTraceKind::ChooseSlot, SwissTraceFunc::PutSlot, uint8_t(i), ctrlAt(g, i), gIndex, g,
                     reuse, 0});
      const uint64_t e = fillSlot(g, i, want, key, size);
      setTGrowthLeft(t, uint16_t(tGrowthLeft(t) - 1));
      setTUsed(t, uint16_t(tUsed(t) + 1));
      setUsed(used() + 1);
      note<kTraced>({SwissTraceKind::StoreEntry, SwissTraceFunc::PutSlot, uint8_t(i), want, gIndex, g,
                     tGrowthLeft(t), 0});
      return e;
    }
    rehash(t);
    return 0;
  }
}

// The key is already in slot i of group g: types whose == ignores some
// bits (floats' zeros, strings' headers) get the new key written over it.
template <bool kTraced>
uint64_t SwissMap::foundSlot(uint64_t g, int i, uint8_t want, uint64_t step, const char* key, size_t size) {
  if (type().needKeyUpdate) {
    writeKeyValue(keyAt(g, i), key, size);
    note<kTraced>({SwissTraceKind::UpdateKey, SwissTraceFunc::PutSlot, uint8_t(i), want, step, g, 0, 0});
  }
  note<kTraced>({SwissTraceKind::Found, SwissTraceFunc::PutSlot, uint8_t(i), want, step, g, 0, 0});
  return elemAt(g, i);
}

uint64_t SwissMap::fillSlot(uint64_t g, int i, uint8_t want, const char* key, size_t size) {
  writeKeyValue(valueHome(keySlot(g, i), type().indirectKey, type().keyTypeSize), key, size);
  const uint64_t e = valueHome(elemSlot(g, i), type().indirectElem, type().elemTypeSize);
  setCtrl(g, i, want);
  return e;
}

// Where a new key's or elem's value goes: its slot, or for an indirect one a
// fresh object of objectSize bytes that the slot points to.
uint64_t SwissMap::valueHome(uint64_t slot, bool indirect, uint64_t objectSize) {
  if (!indirect) return slot;
  const uint64_t obj = heap_.alloc(objectSize);
  heap_.store64(slot, obj);
  return obj;
}

// Puts a moved entry (its key and elem slot bytes: the value, or the
// pointer of an indirect one) into the first empty-or-deleted slot along
// its probe sequence in table t. No key compares: the key is known new.
void SwissMap::uncheckedPutSlot(uint64_t t, uint64_t hash, uint64_t srcKeySlot, uint64_t srcElemSlot,
                                uint64_t fromGroup, int fromSlot, int side) {
  const uint64_t data = tGroups(t), gs = layout_.groupSize;
  for (ProbeSeq seq(h1(hash), tLengthMask(t));; seq.next()) {
    const uint64_t g = data + seq.offset * gs;
    uint64_t free = matchEmptyOrDeleted(ctrlWord(g));
    if (free == 0) continue;
    const int i = bitsetFirst(free);
    heap_.copySlot(keySlot(g, i), srcKeySlot, type().keysize);
    heap_.copySlot(elemSlot(g, i), srcElemSlot, type().elemsize);
    setTGrowthLeft(t, uint16_t(tGrowthLeft(t) - 1));
    setTUsed(t, uint16_t(tUsed(t) + 1));
    setCtrl(g, i, h2(hash));
    if (trace_) {
      record({SwissTraceKind::MoveEntry, SwissTraceFunc::uncheckedPutSlot, uint8_t(fromSlot), h2(hash),
              fromGroup, t, seq.offset, uint64_t(i) | uint64_t(side) << 8});
    }
    return;
  }
}

// Turns tombstones back into empty slots where no live key's probe path
// needs them, when that frees at least a tenth of the table; never moves
// an entry (iterators must not see reordering).
void SwissMap::pruneTombstones(uint64_t t) {
  const uint16_t capacity = tCapacity(t);
  const uint16_t tombstones = tTombstones(t);
  record({SwissTraceKind::PruneStart, SwissTraceFunc::pruneTombstones, 0, 0, 0, t, tombstones,
          uint64_t(tombstones) * 10 >= capacity});
  if (uint64_t(tombstones) * 10 < capacity) return;
  const uint64_t mask = tLengthMask(t);
  std::vector<bool> needed(mask + 1, false);
  for (uint64_t gi = 0; gi <= mask; ++gi) {
    const uint64_t g = groupAt(t, gi);
    for (uint64_t full = matchFull(ctrlWord(g)); full != 0; full &= full - 1) {
      const int j = bitsetFirst(full);
      const uint64_t k = keyAt(g, j);
      if (keyIsNaN(k)) continue;  // not equal to itself: no probe path to protect
      const uint64_t hash = hashStored(k, SwissTraceFunc::pruneTombstones);
      for (ProbeSeq seq(h1(hash), mask); seq.offset != gi; seq.next()) {
        if (matchEmptyOrDeleted(ctrlWord(groupAt(t, seq.offset))) != 0) needed[seq.offset] = true;
      }
    }
    if (matchEmpty(ctrlWord(g)) != 0) needed[gi] = true;
  }
  int count = 0;
  for (uint64_t gi = 0; gi <= mask; ++gi) {
    if (!needed[gi]) count += bitsetCount(matchEmptyOrDeleted(ctrlWord(groupAt(t, gi))));
  }
  if (uint64_t(count) * 10 < capacity) {
    record({SwissTraceKind::PruneResult, SwissTraceFunc::pruneTombstones, 0, 0, 0, t, 0, 0});
    return;
  }
  for (uint64_t gi = 0; gi <= mask; ++gi) {
    if (needed[gi]) continue;
    const uint64_t g = groupAt(t, gi);
    for (uint64_t m = matchEmptyOrDeleted(ctrlWord(g)); m != 0; m &= m - 1) {
      setCtrl(g, bitsetFirst(m), kCtrlEmpty);
      setTGrowthLeft(t, uint16_t(tGrowthLeft(t) + 1));
    }
  }
  record({SwissTraceKind::PruneResult, SwissTraceFunc::pruneTombstones, 0, 0, 0, t, uint64_t(count), 0});
}

template uint64_t SwissMap::putSlotImpl<true>(const char*, size_t);
template uint64_t SwissMap::putSlotImpl<false>(const char*, size_t);

}  // namespace gomap::swiss
