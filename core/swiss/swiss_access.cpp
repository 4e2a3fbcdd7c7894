// Lookup: Map.getWithKey / getWithKeySmall, table.getWithKey, and the
// small-map shortcuts of the fast variants (fast32/fast64 compare keys
// without hashing; faststr skips the hash for a long key with at most one
// candidate).
#include "swiss/swiss_map.h"

namespace gomap::swiss {

Status SwissMap::getBytes(const char* key, size_t size, SwissFound* out) {
  if (rawKind_ == Variant::Fast64 && size == 8) {
    rawGet<false>(key, size, out);
    return Status::success();
  }
  if (rawKind_ == Variant::FastStr && size <= config_.limits.maxStringKeyBytes) {
    rawGet<true>(key, size, out);
    return Status::success();
  }
  if (Status s = checkKey(std::string_view(key, size)); !s.ok()) return s;
  *out = trace_ ? lookupImpl<true>(key, size, false) : lookupImpl<false>(key, size, false);
  return Status::success();
}

template <bool kTraced>
SwissFound SwissMap::lookupImpl(const char* key, size_t size, bool forIter) {
  if (used() == 0) return {};
  const Variant v = type().variant;
  if (dirLen() == 0 && !forIter) {
    const uint64_t g = dirPtr();
    if (v == Variant::Fast32 || v == Variant::Fast64) {
      // Every full slot in order, keys compared as words: no hash at all.
      note<kTraced>({SwissTraceKind::SkipHash, SwissTraceFunc::Get, 0, 0, 0, g, matchFull(ctrlWord(g)), 0});
      for (int i = 0; i < kGroupSlots; ++i) {
        if (ctrlAt(g, i) & kCtrlEmpty) continue;
        bool eq = keyEqual(keySlot(g, i), key, size);
        note<kTraced>(
            {SwissTraceKind::CompareKey, SwissTraceFunc::Get, uint8_t(i), ctrlAt(g, i), 0, g, eq, 0});
        if (eq) {
          note<kTraced>({SwissTraceKind::Found, SwissTraceFunc::Get, uint8_t(i), ctrlAt(g, i), 0, g, 0, 0});
          return {true, keySlot(g, i), elemAt(g, i)};
        }
      }
      note<kTraced>({SwissTraceKind::NotFound, SwissTraceFunc::Get, 0, 0, 0, g, 0, 0});
      return {};
    }
    if (v == Variant::FastStr && size > 64) {
      // A quick test (length, first and last 8 bytes) finds the candidates;
      // only two or more make it hash.
      int candidate = -1, count = 0;
      for (int i = 0; i < kGroupSlots; ++i) {
        if (ctrlAt(g, i) & kCtrlEmpty) continue;
        uint64_t k = keySlot(g, i);
        if (heap_.load64(k + 8) != size) continue;
        const uint8_t* d = heap_.at(heap_.load64(k));
        if (std::memcmp(d, key, 8) != 0 || std::memcmp(d + size - 8, key + size - 8, 8) != 0) continue;
        if (++count == 1) candidate = i;
      }
      if (count <= 1) {
        note<kTraced>({SwissTraceKind::SkipHash, SwissTraceFunc::Get, 0, 0, 0, g, 0, 0});
        if (candidate >= 0 && keyEqual(keySlot(g, candidate), key, size)) {
          note<kTraced>({SwissTraceKind::Found, SwissTraceFunc::Get, uint8_t(candidate), ctrlAt(g, candidate),
                         0, g, 0, 0});
          return {true, keySlot(g, candidate), elemAt(g, candidate)};
        }
        note<kTraced>({SwissTraceKind::NotFound, SwissTraceFunc::Get, 0, 0, 0, g, 0, 0});
        return {};
      }
    }
  }
  uint64_t hash = hashKey(std::string_view(key, size), SwissTraceFunc::Get);
  return getWithKey<kTraced>(key, size, hash);
}

template <bool kTraced>
SwissFound SwissMap::getWithKey(const char* key, size_t size, uint64_t hash) {
  const uint8_t want = h2(hash);
  if (dirLen() == 0) {
    const uint64_t g = dirPtr();
    if (int i = findInGroup<kTraced>(SwissTraceFunc::Get, g, ctrlWord(g), want, 0, key, size); i >= 0) {
      note<kTraced>({SwissTraceKind::Found, SwissTraceFunc::Get, uint8_t(i), want, 0, g, 0, 0});
      return {true, keyAt(g, i), elemAt(g, i)};
    }
    note<kTraced>({SwissTraceKind::NotFound, SwissTraceFunc::Get, 0, 0, 0, g, 0, 0});
    return {};
  }
  const uint64_t idx = directoryIndex(hash);
  const uint64_t t = directoryAt(idx);
  note<kTraced>({SwissTraceKind::DirEntry, SwissTraceFunc::Get, 0, 0, 0, t, idx, 0});
  const uint64_t data = tGroups(t), gs = layout_.groupSize;
  for (ProbeSeq seq(h1(hash), tLengthMask(t));; seq.next()) {
    const uint64_t g = data + seq.offset * gs;
    const uint64_t ctrl = ctrlWord(g);
    if (int i = findInGroup<kTraced>(SwissTraceFunc::Get, g, ctrl, want, seq.offset, key, size); i >= 0) {
      note<kTraced>({SwissTraceKind::Found, SwissTraceFunc::Get, uint8_t(i), want, seq.offset, g, 0, 0});
      return {true, keyAt(g, i), elemAt(g, i)};
    }
    if (matchEmpty(ctrl) != 0) {
      note<kTraced>({SwissTraceKind::NotFound, SwissTraceFunc::Get, 0, 0, seq.offset, g, 0, 0});
      return {};
    }
  }
}

template SwissFound SwissMap::lookupImpl<true>(const char*, size_t, bool);
template SwissFound SwissMap::lookupImpl<false>(const char*, size_t, bool);
template SwissFound SwissMap::getWithKey<true>(const char*, size_t, uint64_t);
template SwissFound SwissMap::getWithKey<false>(const char*, size_t, uint64_t);

}  // namespace gomap::swiss
