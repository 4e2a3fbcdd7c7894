// Delete and clear: Map.Delete / deleteSmall, table.Delete (a tombstone only
// when the group has no empty slot), Map.Clear / clearSmall, table.Clear
// (the fullTest rule that lets stale bytes survive).
#include "swiss/swiss_map.h"

namespace gomap::swiss {

Status SwissMap::delBytes(const char* key, size_t size, std::optional<uint64_t> reseed) {
  if (Status s = checkKey(std::string_view(key, size)); !s.ok()) return s;
  if (rawKind_ != Variant::Generic) {
    rawDelete(key, size, reseed);
  } else if (trace_) {
    deleteImpl<true>(key, size, reseed);
  } else {
    deleteImpl<false>(key, size, reseed);
  }
  return Status::success();
}

template <bool kTraced>
void SwissMap::deleteImpl(const char* key, size_t size, std::optional<uint64_t> reseed) {
  if (used() == 0) return;  // before hashing, as Go does
  const uint64_t hash = hashKey(std::string_view(key, size), SwissTraceFunc::Delete);
  if constexpr (kTraced) toggleWriting();
  if (dirLen() == 0) {
    deleteSmall<kTraced>(hash, key, size);
  } else {
    const uint64_t idx = directoryIndex(hash);
    const uint64_t t = directoryAt(idx);
    note<kTraced>({SwissTraceKind::DirEntry, SwissTraceFunc::Delete, 0, 0, 0, t, idx, 0});
    if (tableDelete<kTraced>(t, hash, key, size)) heap_.store8(m_ + mapf::tombstonePossible, 1);
  }
  if (used() == 0) {
    const uint64_t s = reseed ? *reseed : draw();
    setSeed(s);
    note<kTraced>({SwissTraceKind::Reseed, SwissTraceFunc::Delete, 0, 0, 0, 0, s, reseed ? 1u : 0u});
  }
  if constexpr (kTraced) {
    toggleWriting();
    if (!trace_->events.empty()) trace_->events.back().writes = uint32_t(heap_.journalSize());
  }
}

// A deleted slot's bytes: a key is cleared only when it holds pointers (a
// string header, an indirect key's pointer); the elem always is.
void SwissMap::clearDeletedSlot(uint64_t g, int i) {
  const uint64_t k = keySlot(g, i);
  if (type().indirectKey) {
    heap_.store64(k, 0);
  } else if (layout_.keyHasPointers) {
    heap_.zero(k, type().keysize);
  }
  const uint64_t e = elemSlot(g, i);
  if (type().elemsize == 8) {
    heap_.store64(e, 0);  // an int64, or an indirect elem's pointer
  } else {
    heap_.zero(e, type().elemsize);
  }
}

template <bool kTraced>
bool SwissMap::deleteSmall(uint64_t hash, const char* key, size_t size) {
  const uint64_t g = dirPtr();
  const uint8_t want = h2(hash);
  if (int i = findInGroup<kTraced>(SwissTraceFunc::Delete, g, ctrlWord(g), want, 0, key, size); i >= 0) {
    setUsed(used() - 1);
    clearDeletedSlot(g, i);
    setCtrl(g, i, kCtrlEmpty);  // one group never needs a tombstone
    note<kTraced>({SwissTraceKind::DeleteEmpty, SwissTraceFunc::Delete, uint8_t(i), kCtrlEmpty, 0, g, 0, 0});
    return true;
  }
  note<kTraced>({SwissTraceKind::NotFound, SwissTraceFunc::Delete, 0, 0, 0, g, 0, 0});
  return false;
}

template <bool kTraced>
bool SwissMap::tableDelete(uint64_t t, uint64_t hash, const char* key, size_t size) {
  const uint8_t want = h2(hash);
  const uint64_t data = tGroups(t), gs = layout_.groupSize;
  for (ProbeSeq seq(h1(hash), tLengthMask(t));; seq.next()) {
    const uint64_t g = data + seq.offset * gs;
    const uint64_t ctrl = ctrlWord(g);
    if (int i = findInGroup<kTraced>(SwissTraceFunc::Delete, g, ctrl, want, seq.offset, key, size); i >= 0) {
      setTUsed(t, uint16_t(tUsed(t) - 1));
      setUsed(used() - 1);
      clearDeletedSlot(g, i);
      if (matchEmpty(ctrl) != 0) {
        setCtrl(g, i, kCtrlEmpty);
        setTGrowthLeft(t, uint16_t(tGrowthLeft(t) + 1));
        note<kTraced>({SwissTraceKind::DeleteEmpty, SwissTraceFunc::Delete, uint8_t(i), kCtrlEmpty,
                       seq.offset, g, 0, 0});
        return false;
      }
      setCtrl(g, i, kCtrlDeleted);
      note<kTraced>({SwissTraceKind::DeleteTombstone, SwissTraceFunc::Delete, uint8_t(i), kCtrlDeleted,
                     seq.offset, g, 0, 0});
      return true;
    }
    if (matchEmpty(ctrl) != 0) {
      note<kTraced>({SwissTraceKind::NotFound, SwissTraceFunc::Delete, 0, 0, seq.offset, g, 0, 0});
      return false;
    }
  }
}

void SwissMap::clear(std::optional<uint64_t> reseed) {
  if (used() == 0 && !tombstonePossible()) {
    record({SwissTraceKind::ClearMap, SwissTraceFunc::Clear, 0, 0, 0, m_, 1, 0});
    return;
  }
  if (trace_) toggleWriting();
  record({SwissTraceKind::ClearMap, SwissTraceFunc::Clear, 0, 0, 0, m_, 0, 0});
  if (dirLen() == 0) {
    const uint64_t g = dirPtr();
    heap_.zero(g, layout_.groupSize);
    heap_.store64(g, kCtrlAllEmpty);
    record({SwissTraceKind::ClearGroup, SwissTraceFunc::Clear, 0, 0, 0, g, 1, 0});
    setUsed(0);
  } else {
    uint64_t last = 0;
    for (uint64_t i = 0, n = dirLen(); i < n; ++i) {
      const uint64_t t = directoryAt(i);
      if (t == last) continue;
      tableClear(t);
      last = t;
    }
    setUsed(0);
    heap_.store8(m_ + mapf::tombstonePossible, 0);
  }
  heap_.store64(m_ + mapf::clearSeq, clearSeq() + 1);
  const uint64_t s = reseed ? *reseed : draw();
  setSeed(s);
  record({SwissTraceKind::Reseed, SwissTraceFunc::Clear, 0, 0, 0, 0, s, reseed ? 1u : 0u});
  if (trace_) {
    toggleWriting();
    if (!trace_->events.empty()) trace_->events.back().writes = uint32_t(heap_.journalSize());
  }
}

// A sparse table (a quarter entry per group or less) or a big slot zeroes
// only the groups holding a live entry; every control word becomes empty.
// So the stale bytes of deleted plain keys can outlive a clear.
void SwissMap::tableClear(uint64_t t) {
  const uint16_t mgl = maxGrowthLeft(tCapacity(t));
  if (tUsed(t) == 0 && tGrowthLeft(t) == mgl) return;  // nothing live, no tombstones
  const uint64_t mask = tLengthMask(t);
  const bool fullTest = uint64_t(tUsed(t)) * 4 <= mask || layout_.slotSize > 32;
  for (uint64_t gi = 0; gi <= mask; ++gi) {
    const uint64_t g = groupAt(t, gi);
    const bool zero = !fullTest || matchFull(ctrlWord(g)) != 0;
    if (zero) heap_.zero(g, layout_.groupSize);
    heap_.store64(g, kCtrlAllEmpty);
    record({SwissTraceKind::ClearGroup, SwissTraceFunc::Clear, 0, 0, gi, g, zero, 0});
  }
  setTUsed(t, 0);
  setTGrowthLeft(t, mgl);
}

template void SwissMap::deleteImpl<true>(const char*, size_t, std::optional<uint64_t>);
template void SwissMap::deleteImpl<false>(const char*, size_t, std::optional<uint64_t>);

}  // namespace gomap::swiss
