#pragma once
// mapaccess2, mapassign and mapdelete for keys that are one plain 4- or
// 8-byte word (spec §6.2-6.4): Go's map_fast32.go and map_fast64.go are the
// same code twice over a different width; here it is one template over the
// word, used by map_fast32.cpp and map_fast64.cpp. Slots are matched by
// their key word and a live tophash, never by tophash alone; keys are
// inline and compared as words. Internal to core/.
#include <cstring>

#include "map_probe.h"

namespace gomap {

template <class Word>
inline Word wordAt(const char* key) {
  Word w;
  std::memcpy(&w, key, sizeof w);
  return w;
}

// The key's hash. While nothing watches an 8-byte-key map it is the memory
// hash on the word itself, inline (the same value as on its bytes).
template <class Word>
inline uint64_t GoMap::hashWord(Word key, TraceFunc fn) {
  if constexpr (sizeof(Word) == 8) {
    if (rawKind_ != Variant::Generic) {
      return config_.hasher == HasherKind::Go119 ? memhash119Word(key, hash0(), config_.hashkey[0])
                                                 : memhash114Word(key, hash0(), config_.hashkey[0]);
    }
  }
  return hashKey(std::string_view(reinterpret_cast<const char*>(&key), sizeof key), fn);
}

// The lookup probe, a lookup's and a delete's: every slot of the chain, the
// key word compared wherever the tophash is live, no stop at emptyRest.
// kFiltered (untraced only) first skips slots whose tophash is not `top`:
// it finds the same slot, because a live key's stored tophash is always
// tophash(hash(key)) on the raw path:
// - word keys are integers, hashed the same every time (no NaN);
// - the tophash is written once, at insert, and evacuate copies it as is;
// - hash0 changes only on an empty map (go1.19's reseed, clear);
// - a pinned hash closes the raw path for good (pins are never removed);
// - deleted, empty and evacuated slots hold 0..4, never a tophash (>= 5).
// Records the Found (or NotFound) step.
template <bool kTraced, bool kFiltered, class Word>
inline GoMap::SlotRef GoMap::findWord(ChainStart start, Word want, uint8_t top, TraceFunc fn) {
  for (uint64_t b = start.b; b != 0; b = overflowOf(b)) {
    const uint8_t* p = heap_.at(b);
    const int i = firstSlotWhere<kFiltered>(p, top, [&](int i) {
      const Word k = wordAt<Word>(reinterpret_cast<const char*>(p) + kDataOffset + sizeof(Word) * i);
      const bool live = !isEmpty(p[i]), eq = k == want;
      if (live) {
        note<kTraced>({TraceKind::CompareKey, fn, start.old, uint8_t(i), p[i], start.index, b, eq ? 1u : 0u});
      }
      return eq && live;
    });
    if (i >= 0) {
      note<kTraced>({TraceKind::Found, fn, start.old, uint8_t(i), p[i], start.index, b});
      return {b, i};
    }
  }
  note<kTraced>({TraceKind::NotFound, fn});
  return {0, 0};
}

// Results go through `out` field by field: a Found returned by value was
// reloaded by the caller with one wide load over narrower stores, a stall.
template <bool kTraced, class Word>
[[gnu::always_inline]] inline void GoMap::mapaccess2_fastWordImpl(Word key, Found* out) {
  const TraceFunc fn = TraceFunc::mapaccess;
  SlotRef r{0, 0};
  if (count() == 0) {
    note<kTraced>({TraceKind::NotFound, fn});
  } else if (B() == 0) {
    // One bucket: no hash, and no old array (at B = 0 a grow ends within
    // the insert that starts it).
    note<kTraced>({TraceKind::SkipHash, fn, false, 0, 0, 0, buckets()});
    r = findWord<kTraced, false>({buckets(), 0, false}, key, 0, fn);
  } else {
    const uint64_t hash = hashWord(key, fn);
    const ChainStart start = chainStart<kTraced>(hash, fn);
    // While the array is small enough to stay in the nearer caches,
    // comparing key words straight away wins (no load waits on another);
    // beyond that, reading only the tophash line of each bucket does.
    const bool filter =
        !kTraced && sizeof(Word) == 8 && rawKind_ != Variant::Generic && B() > kCacheResidentB;
    if (filter) {
      prefetchBucket(start.b);
      r = findWord<kTraced, !kTraced>(start, key, tophash(hash), fn);
    } else {
      r = findWord<kTraced, false>(start, key, 0, fn);
    }
  }
  out->found = r.b != 0;
  out->key = r.b != 0 ? keyAt(r.b, r.i) : 0;
  out->elem = r.b != 0 ? elemAt(r.b, r.i) : 0;
}

// An insert compares the key word of every live slot (no tophash test);
// these key types never need their bytes rewritten.
template <bool kTraced, class Word>
[[gnu::always_inline]] inline uint64_t GoMap::mapassign_fastWordImpl(Word key, const char* bytes) {
  const uint64_t hash = hashWord(key, TraceFunc::mapassign);
  return assignWith<kTraced>(hash, bytes, sizeof key, [&](uint64_t first, uint64_t bucket, uint8_t) {
    return assignProbe<kTraced>(
        first, bucket, [](uint64_t, int, uint8_t th) { return !isEmpty(th); },
        [&](uint64_t b, int i) {
          return wordAt<Word>(reinterpret_cast<const char*>(heap_.at(b)) + kDataOffset + sizeof(Word) * i) ==
                 key;
        });
  });
}

template <bool kTraced, class Word>
[[gnu::always_inline]] inline void GoMap::mapdelete_fastWordImpl(Word key) {
  const TraceFunc fn = TraceFunc::mapdelete;
  if (count() == 0) {
    note<kTraced>({TraceKind::NotFound, fn});
    return;  // nothing at all happens: no hash, no evacuation work
  }
  const ChainStart start = deleteStart<kTraced>(hashWord(key, fn));
  if constexpr (!kTraced) prefetchBucket(start.b);
  // A delete reads the key word anyway; comparing key words from the
  // start, as Go does, measured faster here than the tophash filter,
  // whose key load waits on the tophash load.
  const SlotRef r = findWord<kTraced, false>(start, key, 0, fn);
  if (r.b != 0) removeAt<kTraced>(start.b, r.b, r.i, start.index);
}

// The entries (map_fast32.cpp, map_fast64.cpp): the traced instantiation
// when a trace is attached, else the untraced one. The operations are
// forced inline into them: left to itself the compiler kept the untraced
// int64 lookup as a call of its own, one more per get than the code this
// replaced. A traced write clears
// hashWriting as it returns (an empty map's delete never set it).
template <class Word>
inline void GoMap::accessWord(const char* key, Found* out) {
  if (trace_) return mapaccess2_fastWordImpl<true>(wordAt<Word>(key), out);
  mapaccess2_fastWordImpl<false>(wordAt<Word>(key), out);
}

template <class Word>
inline uint64_t GoMap::assignWord(const char* key) {
  if (!trace_) return mapassign_fastWordImpl<false>(wordAt<Word>(key), key);
  const uint64_t elem = mapassign_fastWordImpl<true>(wordAt<Word>(key), key);
  endWrite();
  return elem;
}

template <class Word>
inline void GoMap::deleteWord(const char* key) {
  if (!trace_) return mapdelete_fastWordImpl<false>(wordAt<Word>(key));
  mapdelete_fastWordImpl<true>(wordAt<Word>(key));
  if (flags() & kFlagHashWriting) endWrite();
}

}  // namespace gomap
