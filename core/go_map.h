// go_map.h — a byte-faithful model of Go 1.14.2's runtime map.
//
// THE DESIGN (Go's, reproduced here; see NOTICE)
//
// A map is a header (hmap, 48 bytes) pointing at an array of 2^B buckets. A
// bucket holds 8 entries laid out as
//
//     tophash[8] | key[8] | elem[8] | overflow pointer
//
// all keys together, then all elems, so no padding is ever needed on a 64-bit
// target. A key's 64-bit hash does two jobs: its low B bits choose the
// bucket, its top byte (the "tophash", pushed up to at least 5) is cached in
// the bucket so a probe compares one byte before it compares a whole key.
// Tophash values 0..4 are states, not hashes: emptyRest (0: this slot and all
// after it in the chain are empty), emptyOne (1), and, in a bucket that has
// been moved during growth, evacuatedX/Y (2/3: moved to the low/high half)
// and evacuatedEmpty (4).
//
// When a bucket's 8 slots are full, an overflow bucket is chained to it.
// Arrays with B >= 4 are allocated with some spare buckets (the slack of the
// allocator's size class) that are handed out as overflow buckets first.
//
// The map grows when a new key would push the average load over 6.5 entries
// per bucket — the point Go's authors measured as the best trade between
// wasted slots and long overflow chains — and, without doubling, when it has
// about as many overflow buckets as buckets (a "same-size grow" that repacks
// chains left holey by deletes). Growth is incremental: hashGrow only
// allocates the new array; every later write first evacuates the old bucket
// it is about to use plus one more, so no single insert pays for the whole
// move. A doubling splits each old bucket into X (same index) and Y (index +
// old size) by the hash bit that the new B adds.
//
// Iteration starts at a random bucket and a random slot offset, so programs
// cannot rely on an order; it copes with a grow that is under way.
//
// THE MODEL
//
// Pinned to Go 1.14.2 for amd64/arm64/wasm (64-bit pointers), with Go 1.19's
// few differences behind a switch. Every byte lives in a SimHeap at a 64-bit
// address: this object holds only the heap, the hmap's address and the
// injected inputs (hasher, hashkey, random stream, pinned hashes). Function
// names follow runtime/map.go so the two can be read side by side. The
// operation variant Go's compiler would pick for the key type (generic,
// fast32, fast64, faststr) is followed, because the variants leave different
// bytes behind (stale keys, string lengths) and take different steps.
#pragma once
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "hashing.h"
#include "map_type.h"
#include "sim_heap.h"
#include "status.h"
#include "trace.h"

namespace gomap {

// Tophash states (runtime/map.go).
constexpr uint8_t kEmptyRest = 0;
constexpr uint8_t kEmptyOne = 1;
constexpr uint8_t kEvacuatedX = 2;
constexpr uint8_t kEvacuatedY = 3;
constexpr uint8_t kEvacuatedEmpty = 4;
constexpr uint8_t kMinTopHash = 5;
static_assert(kEvacuatedX + 1 == kEvacuatedY,
              "evacuate stores evacuatedX + useY, and the NaN rule reads bit 0");
static_assert(kEmptyRest < kEmptyOne && kEmptyOne < kEvacuatedX, "isEmpty(t) is t <= emptyOne");
static_assert(kEvacuatedEmpty + 1 == kMinTopHash, "evacuated(b) is 2 <= tophash[0] < minTopHash");

// hmap.flags bits.
constexpr uint8_t kFlagIterator = 1;
constexpr uint8_t kFlagOldIterator = 2;
constexpr uint8_t kFlagHashWriting = 4;
constexpr uint8_t kFlagSameSizeGrow = 8;

// hmap and mapextra field offsets on a 64-bit target.
namespace hmap {
constexpr uint64_t count = 0, flags = 8, B = 9, noverflow = 10, hash0 = 12, buckets = 16, oldbuckets = 24,
                   nevacuate = 32, extra = 40, size = 48;
}
namespace mapextra {
constexpr uint64_t overflow = 0, oldoverflow = 8, nextOverflow = 16, size = 24;
}

constexpr uint64_t kNoCheck = ~uint64_t(0);

enum class HasherKind : uint8_t { Go114, Go119, Identity };
enum class GoVersion : uint8_t { Go114, Go119 };

struct Limits {
  uint64_t maxEntries = 1u << 21;  // 2,097,152 live keys
  uint64_t maxStringKeyBytes = 64 * 1024;
  // The simulated heap, garbage included. Half the MemoryBudget (sim_heap.h),
  // so the heap's last move (old and new buffers at once) fits with room left.
  uint64_t maxHeapBytes = 512ull << 20;
};

struct MapConfig {
  MapType type;
  HasherKind hasher = HasherKind::Go114;
  GoVersion version = GoVersion::Go114;
  HashKey hashkey = kDefaultHashKey;
  std::optional<uint32_t> seed;  // hash0; when absent it is drawn from `rand`, as Go does
  FastRand rand;
  int64_t hint = 0;
  Limits limits;
};

// runtime.hiter, minus the GC-only fields. Owned by the caller.
struct Hiter {
  uint64_t key = 0;  // address of the current key (dereferenced), 0 when done
  uint64_t elem = 0;
  uint64_t buckets = 0;  // the array when iteration started
  uint64_t bptr = 0;     // current bucket
  uint64_t startBucket = 0;
  uint8_t offset = 0;
  bool wrapped = false;
  uint8_t B = 0;
  uint8_t i = 0;
  uint64_t bucket = 0;
  uint64_t checkBucket = 0;
  bool started = false;
};

struct IterPin {
  uint64_t startBucket;
  uint8_t offset;
};

// Where a key lives after a lookup (addresses already dereferenced).
struct Found {
  bool found = false;
  uint64_t key = 0;
  uint64_t elem = 0;
};

class GoMap {
 public:
  // makemap / makemap_small. Draws hash0 from the random stream (one call,
  // as every make does) unless the config pins it.
  static Status create(const MapConfig& config, GoMap* out);

  // --- operations; each checks its input and its limits before changing
  // anything, so a failed call leaves every byte as it was.
  // key and elem are the values' bytes: 8 little-endian bytes for int64 and
  // float64, 4 for int32, N for [N]byte, the characters of a string.
  Status set(std::string_view key, std::string_view elem);
  // Under wasm32 a view passed by value to a call that is not inlined goes
  // through the in-memory stack; measured in V8, a lookup at a million keys
  // took 3-4x as long that way. So the entry points take two scalars.
  Status get(std::string_view key, Found* out) { return getBytes(key.data(), key.size(), out); }
  Status del(std::string_view key) { return delBytes(key.data(), key.size()); }
  void clear();
  // A `for range` step by step. pin replaces the random start.
  void iterInit(Hiter* it, const std::optional<IterPin>& pin);
  void iterNext(Hiter* it);

  // From now on `key` hashes to `hash`, whatever the hasher says.
  Status pinHash(std::string_view key, uint64_t hash);
  // The hash this map would use for key (pins included); NaN draws randomness.
  uint64_t hashOf(std::string_view key);
  Status checkKey(std::string_view key) const { return keyFits(key) ? Status::success() : checkKeySlow(key); }
  bool keyFits(std::string_view key) const {
    return keyBytesFit(type(), config_.limits.maxStringKeyBytes, key);
  }
  Status checkKeySlow(std::string_view key) const;
  Status checkElem(std::string_view elem) const;
  // Headroom for `newKeys` more inserts (entries and heap), for bulk callers:
  // checks the limits and reserves the heap room for the batch's worst case
  // (see SimHeap::makeRoom), so the inserts that follow cannot run out.
  Status checkCapacity(uint64_t newKeys);
  Status capacityNeed(uint64_t newKeys, uint64_t& need) const;
  // checkCapacity's heap room made in slices (SimHeap::prepareRoom) by a
  // caller that must not block: `ready` once a checkCapacity(newKeys) would
  // not move the heap. A refusal is checkCapacity's own.
  Status prepareCapacity(uint64_t newKeys, uint64_t maxCopyBytes, bool& ready);
  // set() without its per-call limit checks, for a bulk caller that passed
  // checkCapacity for the whole batch and checkKey/checkElem for each key.
  void setUnchecked(std::string_view key, std::string_view elem) {
    assignBytes(key.data(), key.size(), elem.data(), elem.size());
  }

  void setTrace(Trace* trace) {
    trace_ = trace;
    refreshRawPath();
  }
  // Whether lookups and deletes take the raw path now (for tests and benches).
  bool onRawPath() const { return rawKind_ != Variant::Generic; }
  // Collects (key bytes, hash) for every key hashed, up to kHashLogLimit.
  using HashLog = std::vector<std::pair<std::string, uint64_t>>;
  static constexpr size_t kHashLogLimit = 4096;
  void setHashLog(HashLog* log) {
    hashLog_ = log;
    refreshRawPath();
  }
  Trace* trace() const { return trace_; }

  // --- the read-only window (see inspect.h for the structured view).
  const MapType& type() const { return config_.type; }
  const MapConfig& config() const { return config_; }
  const SimHeap& heap() const { return heap_; }
  // For a session's sliced snapshot or restore, which hands the heap's bytes
  // over whole (SimHeap::releaseBytes, adoptBytes); nothing else writes through it.
  SimHeap& mutableHeap() { return heap_; }
  // Journal the next operation's writes (see SimHeap) and wind them back to
  // the state right after a trace event: heap().journalSize() at that event.
  void startJournal() { heap_.startJournal(); }
  void stopJournal() { heap_.stopJournal(); }
  void rollbackTo(size_t writes) { heap_.rollbackTo(writes); }
  uint64_t hmapAddress() const { return h_; }
  FastRand randState() const { return rand_; }

  uint64_t count() const { return heap_.load64(h_ + hmap::count); }
  uint8_t flags() const { return heap_.load8(h_ + hmap::flags); }
  uint8_t B() const { return heap_.load8(h_ + hmap::B); }
  uint16_t noverflow() const;
  uint32_t hash0() const {
    uint32_t v;
    std::memcpy(&v, heap_.at(h_ + hmap::hash0), 4);
    return v;
  }
  uint64_t buckets() const { return heap_.load64(h_ + hmap::buckets); }
  uint64_t oldbuckets() const { return heap_.load64(h_ + hmap::oldbuckets); }
  uint64_t nevacuate() const { return heap_.load64(h_ + hmap::nevacuate); }
  uint64_t extra() const { return heap_.load64(h_ + hmap::extra); }
  uint64_t nextOverflow() const;
  bool growing() const { return oldbuckets() != 0; }
  bool sameSizeGrow() const { return (flags() & kFlagSameSizeGrow) != 0; }
  uint64_t noldbuckets() const;

  uint8_t tophashAt(uint64_t b, int i) const { return heap_.load8(b + i); }
  uint64_t overflowOf(uint64_t b) const { return heap_.load64(b + type().overflowOffset()); }
  uint64_t bucketAddress(uint64_t array, uint64_t index) const { return array + index * type().bucketsize; }
  // Address of the key / elem value in slot i (through the pointer if indirect).
  uint64_t keyAt(uint64_t b, int i) const {
    uint64_t slot = b + type().keyOffset(i);
    return type().indirectKey ? heap_.load64(slot) : slot;
  }
  uint64_t elemAt(uint64_t b, int i) const {
    uint64_t slot = b + type().elemOffset(i);
    return type().indirectElem ? heap_.load64(slot) : slot;
  }
  // The key's value bytes as the API takes them (string: its characters).
  std::string keyBytes(uint64_t keyAddr) const;
  std::string elemBytes(uint64_t elemAddr) const;
  // Buckets in the array (including the preallocated overflow area).
  uint64_t arrayBuckets(uint8_t b) const;

 private:
  struct ChainStart {
    uint64_t b;      // first bucket of the chain to probe
    uint64_t index;  // its index in its array
    bool old;        // in the old array
  };
  template <bool kTraced>
  ChainStart chainStart(uint64_t hash, TraceFunc fn);
  template <bool kTraced>
  ChainStart deleteStart(uint64_t hash);
  // Each probing operation is compiled twice, with and without recording
  // (map_probe.h), so that an untraced map pays nothing for the trace.
  template <bool kTraced>
  Found mapaccessImpl(std::string_view key, bool forIterator);
  struct SlotRef {
    uint64_t b;  // 0 when not found
    int i;
  };
  // An insert's probe: the existing slot of the key, else the first hole
  // (or none) and the chain's last bucket.
  struct AssignProbe {
    SlotRef existing{0, 0};
    SlotRef hole{0, 0};
    uint64_t last = 0;
  };
  template <bool kTraced, class Probe>
  uint64_t assignWith(uint64_t hash, const char* key, size_t size, Probe&& probe);
  template <bool kTraced, class Candidate, class Equal>
  AssignProbe assignProbe(uint64_t first, uint64_t bucket, Candidate&& candidate, Equal&& equal);
  template <bool kTraced>
  auto tophashTest(uint64_t bucket, uint8_t top);
  template <bool kTraced>
  SlotRef findGeneric(ChainStart start, std::string_view key, uint8_t top, TraceFunc fn);
  void rewriteStringData(uint64_t keyAddr, std::string_view key);

  // The fast variants Go's compiler picks by key type, by Go's names: one
  // file each (map_fast32.cpp, map_fast64.cpp, map_faststr.cpp). Each entry
  // runs its variant's one probe traced or untraced; fast32 and fast64 are
  // one algorithm over a 4- or 8-byte word (map_fast_word.h).
  void mapaccess2_fast32(const char* key, Found* out);
  void mapaccess2_fast64(const char* key, Found* out);
  void mapaccess2_faststr(const char* key, size_t size, Found* out);
  uint64_t mapassign_fast32(const char* key);
  uint64_t mapassign_fast64(const char* key);
  uint64_t mapassign_faststr(const char* key, size_t size);
  void mapdelete_fast32(const char* key);
  void mapdelete_fast64(const char* key);
  void mapdelete_faststr(const char* key, size_t size);
  template <class Word>
  void accessWord(const char* key, Found* out);
  template <class Word>
  uint64_t assignWord(const char* key);
  template <class Word>
  void deleteWord(const char* key);
  template <bool kTraced, class Word>
  void mapaccess2_fastWordImpl(Word key, Found* out);
  template <bool kTraced, class Word>
  uint64_t mapassign_fastWordImpl(Word key, const char* bytes);
  template <bool kTraced, class Word>
  void mapdelete_fastWordImpl(Word key);
  template <bool kTraced, bool kFiltered, class Word>
  SlotRef findWord(ChainStart start, Word want, uint8_t top, TraceFunc fn);
  template <class Word>
  uint64_t hashWord(Word key, TraceFunc fn);
  template <bool kTraced>
  void mapaccess2_faststrImpl(const char* key, size_t size, Found* out);
  template <bool kTraced>
  uint64_t mapassign_faststrImpl(const char* key, size_t size);
  template <bool kTraced>
  void mapdelete_faststrImpl(const char* key, size_t size);
  template <bool kTraced>
  SlotRef findStr(ChainStart start, const char* key, size_t size, uint8_t top, TraceFunc fn);
  // The raw path: a fast64 or faststr map that nothing watches (no trace,
  // hash log or pins) hashes inline and, for a big int64 array, probes
  // tophash-first (map_fast_word.h). Called whenever a trace, a hash log or
  // a pin comes or goes. (Fast variants never have float keys, so their
  // hash is always plain memory.)
  void refreshRawPath() {
    const Variant v = type().variant;
    const bool fast = v == Variant::Fast64 || v == Variant::FastStr;
    rawKind_ = fast && unwatchedMemoryHash() ? v : Variant::Generic;
  }
  bool unwatchedMemoryHash() const { return memoryHash_ && !trace_ && !hashLog_ && pins_.empty(); }
  // The hasher on a key's plain bytes, seeded with hash0: what hashKeySlow
  // computes when nothing is pinned, recorded or special (floats).
  uint64_t rawHash(const char* key, size_t size) const {
    const uint8_t* p = reinterpret_cast<const uint8_t*>(key);
    if (config_.hasher == HasherKind::Go119) return memhash119(p, hash0(), size, config_.hashkey[0]);
    return size <= 16 ? memhash114Short(p, hash0(), size, config_.hashkey[0])
                      : memhash114(p, hash0(), size, config_.hashkey);
  }
  // get() and del() by the function Go's compiler picks for the key type;
  // inline, so a lookup or a delete is one call deep.
  Status getBytes(const char* key, size_t size, Found* out) {
    switch (keyFits(std::string_view(key, size)) ? type().variant : Variant::Generic) {
      case Variant::Fast64: mapaccess2_fast64(key, out); break;
      case Variant::FastStr: mapaccess2_faststr(key, size, out); break;
      case Variant::Fast32: mapaccess2_fast32(key, out); break;
      default: return getChecked(std::string_view(key, size), out);
    }
    return Status::success();
  }
  Status delBytes(const char* key, size_t size) {
    const std::string_view view(key, size);
    if (Status s = checkKey(view); !s.ok()) return s;
    switch (type().variant) {
      case Variant::Fast64: mapdelete_fast64(key); break;
      case Variant::FastStr: mapdelete_faststr(key, size); break;
      case Variant::Fast32: mapdelete_fast32(key); break;
      default: mapdelete(view);
    }
    return Status::success();
  }
  Status getChecked(std::string_view key, Found* out);
  void prefetchBucket(uint64_t b) const;
  template <bool kTraced>
  uint64_t mapassignImpl(const char* keyData, size_t keySize);
  template <bool kTraced>
  void mapdeleteImpl(std::string_view key);
  template <bool kTraced>
  void removeAt(uint64_t bOrig, uint64_t b, int i, uint64_t bucket);
  template <bool kTraced>
  void note(const TraceEvent& e) {
    if constexpr (kTraced) record(e);
  }

  // runtime/map.go, by name.
  void makeBucketArray(uint8_t b, uint64_t dirty, uint64_t* array, uint64_t* nextOverflow);
  Found mapaccess(std::string_view key, bool forIterator);
  uint64_t mapassign(const char* key, size_t size);
  void assignBytes(const char* key, size_t size, const char* elem, size_t elemSize);
  void mapdelete(std::string_view key);
  void mapclear();
  void hashGrow();
  void growWork(uint64_t bucket);
  void evacuate(uint64_t oldbucket);
  void advanceEvacuationMark(uint64_t newbit);
  uint64_t newoverflow(uint64_t b);
  void incrnoverflow();
  void createOverflow();
  void appendOverflow();
  bool evacuated(uint64_t b) const {
    uint8_t h = tophashAt(b, 0);
    return h > kEmptyOne && h < kMinTopHash;
  }

  // Key handling shared by the operations.
  uint64_t hashKey(std::string_view key, TraceFunc fn = TraceFunc::mapaccess) {
    // The common case — no pins, nothing recording, no float — is inline.
    return unwatchedMemoryHash() ? rawHash(key.data(), key.size()) : hashKeySlow(key, fn);
  }
  uint64_t hashKeySlow(std::string_view key, TraceFunc fn);
  uint64_t hashStored(uint64_t keyAddr, TraceFunc fn);
  bool keyEqual(uint64_t stored, std::string_view key) const {
    const uint8_t* p = heap_.at(stored);
    switch (type().key) {
      case KeyKind::Int64: {
        uint64_t a, b;
        std::memcpy(&a, p, 8);
        std::memcpy(&b, key.data(), 8);
        return a == b;
      }
      case KeyKind::String: {
        uint64_t len, data;
        std::memcpy(&len, p + 8, 8);
        if (len != key.size()) return false;
        if (len == 0) return true;
        std::memcpy(&data, p, 8);
        return std::memcmp(heap_.at(data), key.data(), len) == 0;
      }
      case KeyKind::Float64: {
        double a, b;  // ==, not bytes: +0 equals -0 and NaN equals nothing
        std::memcpy(&a, p, 8);
        std::memcpy(&b, key.data(), 8);
        return a == b;
      }
      case KeyKind::Typed: return typedKeyEqual(stored, key);
      default: return type().keyTypeSize == 0 || std::memcmp(p, key.data(), type().keyTypeSize) == 0;
    }
  }
  // == for keys of any other type (typed_value.h), compared as Go compares them.
  bool typedKeyEqual(uint64_t stored, std::string_view key) const;
  bool storedKeyIsNaN(uint64_t keyAddr) const;
  void storeKey(uint64_t slot, const char* key, size_t size);
  void storeNewElem(uint64_t slot);
  void clearDeleted(uint64_t b, int i);
  void clearDeletedSlow(uint64_t b, int i);
  // Whether slot i of bucket b, just emptied, is now the chain's last live
  // position: the next slot (in the bucket or the next one) is emptyRest.
  bool endsChain(uint64_t b, int i) const {
    if (i < kBucketCnt - 1) return tophashAt(b, i + 1) == kEmptyRest;
    const uint64_t next = overflowOf(b);
    return next == 0 || tophashAt(next, 0) == kEmptyRest;
  }
  // Called when endsChain(b, i): that slot and the run of emptyOne slots
  // before it become emptyRest.
  void promoteEmptyRest(uint64_t bOrig, uint64_t b, int i, TraceFunc fn, uint64_t bucket);
  uint64_t worstCaseWriteBytes(std::string_view key) const;
  void reseed();

  // Go sets hashWriting once it has hashed the key of a write and clears it
  // as the write returns. Only a trace can see the map in between, so only
  // traced writes do it; the clearing joins the operation's last step.
  void beginWrite() { setFlags(flags() | kFlagHashWriting); }
  void endWrite() {
    setFlags(flags() & ~kFlagHashWriting);
    if (trace_ && !trace_->events.empty()) trace_->events.back().writes = uint32_t(heap_.journalSize());
  }
  void setCount(uint64_t v) { heap_.store64(h_ + hmap::count, v); }
  void setFlags(uint8_t v) { heap_.store8(h_ + hmap::flags, v); }
  void setB(uint8_t v) { heap_.store8(h_ + hmap::B, v); }
  void setNoverflow(uint16_t v);
  void setHash0(uint32_t v);
  void setBuckets(uint64_t v) { heap_.store64(h_ + hmap::buckets, v); }
  void setOldbuckets(uint64_t v) { heap_.store64(h_ + hmap::oldbuckets, v); }
  void setNevacuate(uint64_t v) { heap_.store64(h_ + hmap::nevacuate, v); }
  void setExtraField(uint64_t field, uint64_t v);
  uint64_t extraField(uint64_t field) const;
  void setOverflowOf(uint64_t b, uint64_t ovf) { heap_.store64(b + type().overflowOffset(), ovf); }

  void record(TraceEvent e) {
    if (trace_) {
      e.writes = uint32_t(heap_.journalSize());
      trace_->push(e);
    }
  }

  MapConfig config_;
  SimHeap heap_{0};
  uint64_t h_ = 0;
  FastRand rand_;
  std::unordered_map<std::string, uint64_t> pins_;
  Trace* trace_ = nullptr;
  HashLog* hashLog_ = nullptr;
  bool memoryHash_ = false;             // a go114/go119 hasher on a key hashed as plain memory (not a float)
  Variant rawKind_ = Variant::Generic;  // that variant while nothing watches, else Generic
};

// Helpers with Go's names.
inline uint64_t bucketShift(uint8_t b) { return uint64_t(1) << (b & 63); }
inline uint64_t bucketMask(uint8_t b) { return bucketShift(b) - 1; }
inline uint8_t tophash(uint64_t hash) {
  uint8_t top = uint8_t(hash >> 56);
  return top < kMinTopHash ? uint8_t(top + kMinTopHash) : top;
}
inline bool isEmpty(uint8_t t) { return t <= kEmptyOne; }
// The first and last sizeof(Word) bytes of a and b equal: for
// sizeof(Word) <= n <= 2 * sizeof(Word), all n bytes, in two overlapping loads.
template <class Word>
inline bool endsEqual(const uint8_t* a, const char* b, size_t n) {
  Word a0, a1, b0, b1;
  std::memcpy(&a0, a, sizeof(Word));
  std::memcpy(&b0, b, sizeof(Word));
  std::memcpy(&a1, a + n - sizeof(Word), sizeof(Word));
  std::memcpy(&b1, b + n - sizeof(Word), sizeof(Word));
  return ((a0 ^ b0) | (a1 ^ b1)) == 0;
}
// Bytes equal, as Go's memequal answers for short keys: two overlapping
// word (or half-word) loads instead of a call for anything up to 16 bytes.
inline bool bytesEqual(const uint8_t* a, const char* b, size_t n) {
  if (n >= 8 && n <= 16) return endsEqual<uint64_t>(a, b, n);
  if (n >= 4 && n < 8) return endsEqual<uint32_t>(a, b, n);
  return n == 0 || std::memcmp(a, b, n) == 0;
}
inline bool overLoadFactor(uint64_t count, uint8_t b) {
  // count > 8 && count > 6.5 * 2^B, in integers as Go writes it
  return count > kBucketCnt && count > 13 * (bucketShift(b) / 2);
}
inline bool tooManyOverflowBuckets(uint16_t noverflow, uint8_t b) {
  // "as many overflow buckets as buckets", capped at 2^15 since noverflow is 16 bits
  return noverflow >= (uint64_t(1) << (b > 15 ? 15 : b));
}

}  // namespace gomap
