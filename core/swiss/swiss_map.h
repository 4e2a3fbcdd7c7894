// swiss_map.h — a byte-faithful model of Go 1.26.11's Swiss-table map
// (internal/runtime/maps), the map every Go program has used since 1.24.
//
// THE DESIGN (Go's, reproduced here in our words)
//
// A key's 64-bit hash is split in two: its low 7 bits (h2) are cached in a
// control byte per slot, the rest (h1) picks where probing starts. Slots come
// in groups of 8 with one 8-byte control word in front, so one word compare
// (SIMD on amd64) tests 8 slots at once: which hold this h2, which are empty.
// A control byte is 0x80 for empty, 0xFE for deleted (a tombstone), or the
// h2 of a live key. Probing visits groups in triangular steps until it meets
// a group with an empty slot; a group full of live or deleted slots tells
// the search to keep going, which is why deletes in full groups must leave
// tombstones.
//
// Up to 8 entries, a map is one group and nothing else (a "small map"). Past
// that, keys live in tables of at most 1,024 slots kept under 7/8 full
// (counting tombstones); a table that fills up is rebuilt all at once, twice
// as big, or once at 1,024 split in two by one more bit of the hash. A
// directory indexed by the hash's top bits finds the table; a table that has
// split fewer times than the directory is deep owns a run of entries. So a
// map grows a table at a time: no single insert moves more than 896 entries.
//
// Iteration picks a random slot offset and a random directory offset; it
// keeps reading a table it started even after a grow replaced it, looking
// each key up again to return its current value or skip it if deleted.
//
// THE MODEL
//
// Every byte lives in a SimHeap at a 64-bit address: the Map header (48
// bytes), the directory, each table (32 bytes) and its group array, string
// characters and indirect keys/elems. This object holds only the heap, the
// header's address and the injected inputs (hasher, hashkey, random stream,
// pinned hashes and draws). Function names follow internal/runtime/maps.
// The assign path Go's compiler picks for the key type decides one thing
// that shows in the bytes: fast32/fast64/faststr prune tombstones before a
// rehash, the generic path never does.
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
#include "swiss/swiss_layout.h"
#include "swiss/swiss_trace.h"

namespace gomap::swiss {

enum class SwissHasher : uint8_t { Go126, Go114, Go119, Identity };

struct SwissLimits {
  uint64_t maxEntries = 1u << 21;
  uint64_t maxStringKeyBytes = 64 * 1024;
  uint64_t maxHeapBytes = 768ull << 20;
};

// The model's random stream stands in for the runtime's per-M ChaCha8
// rand(): a 64-bit draw is two outputs of the project's FastRand (high word
// first), so scenarios that do not pin a draw still replay identically.
struct SwissRand {
  FastRand r;
  uint64_t next() {
    uint64_t hi = r.next();
    return hi << 32 | r.next();
  }
};

struct SwissConfig {
  MapType type;
  SwissHasher hasher = SwissHasher::Go126;
  HashKey hashkey = kDefaultHashKey;  // used as given (go126 does not force odd)
  std::optional<uint64_t> seed;       // when absent drawn from the stream, as NewMap does
  SwissRand rand;
  int64_t hint = 0;
  SwissLimits limits;
};

// maps.Iter without the GC-only fields. Owned by the caller.
struct SwissIter {
  uint64_t key = 0;  // address of the current key value (0: done)
  uint64_t elem = 0;
  bool started = false;  // Init found a non-empty map (it.m != nil)
  uint64_t entryOffset = 0;
  uint64_t dirOffset = 0;
  uint64_t clearSeq = 0;
  uint8_t globalDepth = 0;
  int64_t dirIdx = 0;  // -1: iterating a small map's group
  uint64_t tab = 0;    // table being walked (kept even once replaced)
  uint64_t group = 0;  // current group address (0: none yet)
  uint64_t entryIdx = 0;
};

struct IterDraws {
  uint64_t entry;
  uint64_t dir;
};

struct SwissFound {
  bool found = false;
  uint64_t key = 0;   // the key value's address
  uint64_t elem = 0;  // the elem value's address
};

class SwissMap;
std::string checkSwissInvariants(SwissMap& m);

class SwissMap {
 public:
  static Status create(const SwissConfig& config, SwissMap* out);

  // Operations check input and limits first, so a failure changes nothing.
  Status set(std::string_view key, std::string_view elem);
  Status get(std::string_view key, SwissFound* out) { return getBytes(key.data(), key.size(), out); }
  Status getBytes(const char* key, size_t size, SwissFound* out);
  // reseed pins the seed drawn if this delete empties the map.
  Status del(std::string_view key, std::optional<uint64_t> reseed = std::nullopt) {
    return delBytes(key.data(), key.size(), reseed);
  }
  Status delBytes(const char* key, size_t size, std::optional<uint64_t> reseed = std::nullopt);
  void clear(std::optional<uint64_t> reseed = std::nullopt);
  // Iter.Init (then call iterNext for the first key, as `range` does). A
  // pinned draw replaces the stream's; an empty map draws nothing.
  void iterInit(SwissIter* it, std::optional<uint64_t> entryPin = std::nullopt,
                std::optional<uint64_t> dirPin = std::nullopt);
  void iterNext(SwissIter* it);

  Status pinHash(std::string_view key, uint64_t hash);
  uint64_t hashOf(std::string_view key) { return hashKey(key); }
  Status checkKey(std::string_view key) const;
  Status checkElem(std::string_view elem) const;
  // Headroom for `newKeys` more inserts: checks the limits and reserves the
  // heap room for the batch (SimHeap::makeRoom), so the inserts cannot run out.
  Status checkCapacity(uint64_t newKeys);
  Status capacityNeed(uint64_t newKeys, uint64_t& need) const;
  // checkCapacity's heap room made in slices (SimHeap::prepareRoom) by a
  // caller that must not block: `ready` once a checkCapacity(newKeys) would
  // not move the heap. A refusal is checkCapacity's own.
  Status prepareCapacity(uint64_t newKeys, uint64_t maxCopyBytes, bool& ready);
  void setUnchecked(std::string_view key, std::string_view elem) {
    assignBytes(key.data(), key.size(), elem.data(), elem.size());
  }

  void setTrace(SwissTrace* trace) {
    trace_ = trace;
    refreshRaw();
  }
  SwissTrace* trace() const { return trace_; }
  // Whether get/set/del take the raw path now (for tests and benches).
  bool onRawPath() const { return rawKind_ != Variant::Generic; }
  using HashLog = std::vector<std::pair<std::string, uint64_t>>;
  static constexpr size_t kHashLogLimit = 4096;
  void setHashLog(HashLog* log) {
    hashLog_ = log;
    refreshRaw();
  }

  // --- the read-only window.
  const MapType& type() const { return config_.type; }
  const SwissLayout& layout() const { return layout_; }
  const SwissConfig& config() const { return config_; }
  const SimHeap& heap() const { return heap_; }
  // For a session's sliced snapshot or restore, which hands the heap's bytes
  // over whole (SimHeap::releaseBytes, adoptBytes); nothing else writes through it.
  SimHeap& mutableHeap() { return heap_; }
  void startJournal() { heap_.startJournal(); }
  void stopJournal() { heap_.stopJournal(); }
  void rollbackTo(size_t writes) { heap_.rollbackTo(writes); }
  uint64_t mapAddress() const { return m_; }
  SwissRand randState() const { return rand_; }

  uint64_t used() const { return heap_.load64(m_ + mapf::used); }
  uint64_t seed() const { return heap_.load64(m_ + mapf::seed); }
  uint64_t dirPtr() const { return heap_.load64(m_ + mapf::dirPtr); }
  uint64_t dirLen() const { return heap_.load64(m_ + mapf::dirLen); }
  uint8_t globalDepth() const { return heap_.load8(m_ + mapf::globalDepth); }
  uint8_t globalShift() const { return heap_.load8(m_ + mapf::globalShift); }
  uint8_t writing() const { return heap_.load8(m_ + mapf::writing); }
  bool tombstonePossible() const { return heap_.load8(m_ + mapf::tombstonePossible) != 0; }
  uint64_t clearSeq() const { return heap_.load64(m_ + mapf::clearSeq); }
  bool isSmall() const { return dirLen() == 0; }
  uint64_t directoryAt(uint64_t i) const { return heap_.load64(dirPtr() + 8 * i); }

  uint16_t tUsed(uint64_t t) const { return load16(t + tablef::used); }
  uint16_t tCapacity(uint64_t t) const { return load16(t + tablef::capacity); }
  uint16_t tGrowthLeft(uint64_t t) const { return load16(t + tablef::growthLeft); }
  uint8_t tLocalDepth(uint64_t t) const { return heap_.load8(t + tablef::localDepth); }
  int64_t tIndex(uint64_t t) const { return int64_t(heap_.load64(t + tablef::index)); }
  uint64_t tGroups(uint64_t t) const { return heap_.load64(t + tablef::groupsData); }
  uint64_t tLengthMask(uint64_t t) const { return heap_.load64(t + tablef::lengthMask); }
  uint16_t tTombstones(uint64_t t) const {
    return uint16_t(tCapacity(t) * kMaxAvgGroupLoad / kGroupSlots - tUsed(t) - tGrowthLeft(t));
  }
  uint64_t groupAt(uint64_t t, uint64_t i) const { return tGroups(t) + i * layout_.groupSize; }

  uint64_t ctrlWord(uint64_t g) const { return heap_.load64(g); }
  uint8_t ctrlAt(uint64_t g, int i) const { return heap_.load8(g + i); }
  uint64_t keySlot(uint64_t g, int i) const { return g + 8 + uint64_t(i) * layout_.slotSize; }
  uint64_t elemSlot(uint64_t g, int i) const { return keySlot(g, i) + layout_.elemOff; }
  // The key / elem value's address (through the pointer when indirect).
  uint64_t keyAt(uint64_t g, int i) const {
    uint64_t s = keySlot(g, i);
    return type().indirectKey ? heap_.load64(s) : s;
  }
  uint64_t elemAt(uint64_t g, int i) const {
    uint64_t s = elemSlot(g, i);
    return type().indirectElem ? heap_.load64(s) : s;
  }
  // The key's value bytes as the API takes them (string: its characters).
  std::string keyBytes(uint64_t keyAddr) const;
  std::string elemBytes(uint64_t elemAddr) const;
  bool keyIsNaN(uint64_t keyAddr) const;

 private:
  friend std::string checkSwissInvariants(SwissMap& m);
  uint16_t load16(uint64_t a) const {
    uint16_t v;
    std::memcpy(&v, heap_.at(a), 2);
    return v;
  }
  void store16(uint64_t a, uint16_t v) { heap_.write(a, &v, 2); }
  void setUsed(uint64_t v) { heap_.store64(m_ + mapf::used, v); }
  void setSeed(uint64_t v) { heap_.store64(m_ + mapf::seed, v); }
  void setTUsed(uint64_t t, uint16_t v) { store16(t + tablef::used, v); }
  void setTGrowthLeft(uint64_t t, uint16_t v) { store16(t + tablef::growthLeft, v); }
  void setTIndex(uint64_t t, int64_t v) { heap_.store64(t + tablef::index, uint64_t(v)); }
  void setCtrl(uint64_t g, int i, uint8_t c) { heap_.store8(g + i, c); }
  void toggleWriting() { heap_.store8(m_ + mapf::writing, uint8_t(writing() ^ 1)); }

  // --- internal/runtime/maps, by name.
  void growToSmall();
  void growToTable();
  uint64_t newTable(uint64_t capacity, int64_t index, uint8_t localDepth);
  uint64_t directoryIndex(uint64_t hash) const {
    uint64_t n = dirLen();
    return n == 1 ? 0 : hash >> (globalShift() & 63);
  }
  void directorySet(uint64_t i, uint64_t t) { heap_.store64(dirPtr() + 8 * i, t); }
  void replaceTable(uint64_t t);
  void installTableSplit(uint64_t old, uint64_t left, uint64_t right);
  template <bool kTraced>
  SwissFound getWithKey(const char* key, size_t size, uint64_t hash);
  template <bool kTraced>
  SwissFound lookupImpl(const char* key, size_t size, bool forIter);
  template <bool kTraced>
  uint64_t putSlotImpl(const char* key, size_t size);
  template <bool kTraced>
  uint64_t putSlotSmall(uint64_t hash, const char* key, size_t size);
  // Writes a new entry's key into free slot i of group g (allocating the key
  // and elem objects of indirect ones) and marks the slot h2 `want`; returns
  // the elem's address. The caller keeps the counts.
  uint64_t fillSlot(uint64_t g, int i, uint8_t want, const char* key, size_t size);
  uint64_t valueHome(uint64_t slot, bool indirect, uint64_t objectSize);
  template <bool kTraced>
  uint64_t foundSlot(uint64_t g, int i, uint8_t want, uint64_t step, const char* key, size_t size);
  // One attempt of table.PutSlot; returns the elem slot, or 0 after a rehash.
  template <bool kTraced>
  uint64_t tablePutSlot(uint64_t t, uint64_t hash, const char* key, size_t size);
  void uncheckedPutSlot(uint64_t t, uint64_t hash, uint64_t srcKeySlot, uint64_t srcElemSlot,
                        uint64_t fromGroup, int fromSlot, int side);
  void pruneTombstones(uint64_t t);
  void rehash(uint64_t t);
  void grow(uint64_t t, uint16_t newCapacity);
  void split(uint64_t t);
  void moveEntries(uint64_t t, SwissTraceFunc fn, uint64_t left, uint64_t right, uint64_t bit);
  template <bool kTraced>
  void deleteImpl(const char* key, size_t size, std::optional<uint64_t> reseed);
  template <bool kTraced>
  bool tableDelete(uint64_t t, uint64_t hash, const char* key, size_t size);
  template <bool kTraced>
  bool deleteSmall(uint64_t hash, const char* key, size_t size);
  void clearDeletedSlot(uint64_t g, int i);
  void tableClear(uint64_t t);
  bool grownKeyElem(SwissIter* it, uint64_t keyAddr, int slot, uint64_t* key, uint64_t* elem);
  void nextDirIdx(SwissIter* it);
  void assignBytes(const char* key, size_t size, const char* elem, size_t elemSize);

  // --- keys.
  void refreshRaw() {
    raw_ = memoryHash_ && !trace_ && !hashLog_ && pins_.empty();
    const Variant v = type().variant;
    const bool fast = (v == Variant::Fast64 && type().keyTypeSize == 8) || v == Variant::FastStr;
    rawKind_ = raw_ && fast && config_.hasher == SwissHasher::Go126 ? v : Variant::Generic;
  }
  // The raw path (swiss_raw.cpp): get, set and delete of a fast64 or
  // faststr map that nothing watches read the header once and walk the
  // bytes directly; anything unusual (a small map's first write, a rehash)
  // falls back to the general code, which decides from the same bytes.
  const uint8_t* mem() const { return heap_.bytes().data(); }
  template <bool kString>
  void rawGet(const char* key, size_t size, SwissFound* out) const;
  uint64_t rawTableOf(const uint8_t* hdr, uint64_t hash) const;
  uint64_t rawPut(const char* key, size_t size);
  void rawDelete(const char* key, size_t size, std::optional<uint64_t> reseed);
  uint64_t rawHash(const char* key, size_t size) const;
  uint64_t hashKey(std::string_view key, SwissTraceFunc fn = SwissTraceFunc::Get) {
    return raw_ ? rawHash(key.data(), key.size()) : hashKeySlow(key, fn);
  }
  uint64_t hashKeySlow(std::string_view key, SwissTraceFunc fn);
  uint64_t hashStored(uint64_t keyAddr, SwissTraceFunc fn);
  std::string_view storedKeyView(uint64_t keyAddr) const;
  bool keyEqual(uint64_t stored, const char* key, size_t size) const {
    const uint8_t* p = heap_.at(stored);
    switch (type().key) {
      case KeyKind::Int64: {
        uint64_t a, b;
        std::memcpy(&a, p, 8);
        std::memcpy(&b, key, 8);
        return a == b;
      }
      case KeyKind::Int32: {
        uint32_t a, b;
        std::memcpy(&a, p, 4);
        std::memcpy(&b, key, 4);
        return a == b;
      }
      case KeyKind::String: {
        uint64_t len, data;
        std::memcpy(&len, p + 8, 8);
        if (len != size) return false;
        if (len == 0) return true;
        std::memcpy(&data, p, 8);
        return std::memcmp(heap_.at(data), key, len) == 0;
      }
      case KeyKind::Float64: {
        double a, b;  // ==, not bytes: +0 equals -0, NaN equals nothing
        std::memcpy(&a, p, 8);
        std::memcpy(&b, key, 8);
        return a == b;
      }
      case KeyKind::Typed: return typedKeyEqual(stored, std::string_view(key, size));
      default: return type().keyTypeSize == 0 || std::memcmp(p, key, type().keyTypeSize) == 0;
    }
  }
  // == for keys of Go's other types (typed_value.h).
  bool typedKeyEqual(uint64_t stored, std::string_view key) const;
  void writeKeyValue(uint64_t dst, const char* key, size_t size);
  uint64_t worstCaseWriteBytes(uint64_t keyBytes) const;
  uint64_t draw() { return rand_.next(); }

  template <bool kTraced>
  void note(const SwissTraceEvent& e) {
    if constexpr (kTraced) record(e);
  }
  // One group of a probe for `key` (ctrl is the group's control word, step
  // the probe's offset): traces the group and each key compare of the slots
  // whose h2 is `want`, as lookup, insert and delete all do; returns the
  // slot holding the key, or -1.
  template <bool kTraced>
  int findInGroup(SwissTraceFunc fn, uint64_t g, uint64_t ctrl, uint8_t want, uint64_t step, const char* key,
                  size_t size) {
    uint64_t match = matchH2(ctrl, want);
    note<kTraced>({SwissTraceKind::ProbeGroup, fn, 0, 0, step, g, match, matchEmpty(ctrl)});
    for (; match != 0; match &= match - 1) {
      const int i = bitsetFirst(match);
      const bool eq = keyEqual(keyAt(g, i), key, size);
      note<kTraced>({SwissTraceKind::CompareKey, fn, uint8_t(i), want, step, g, eq, 0});
      if (eq) return i;
    }
    return -1;
  }
  void record(SwissTraceEvent e) {
    if (trace_) {
      e.writes = uint32_t(heap_.journalSize());
      trace_->push(e);
    }
  }

  SwissConfig config_;
  SwissLayout layout_;
  SimHeap heap_{0};
  uint64_t m_ = 0;
  SwissRand rand_;
  std::unordered_map<std::string, uint64_t> pins_;
  SwissTrace* trace_ = nullptr;
  HashLog* hashLog_ = nullptr;
  bool memoryHash_ = false;             // keys hashed as plain memory (not floats, not identity)
  bool raw_ = false;                    // memoryHash_ and nothing watching: hash inline
  Variant rawKind_ = Variant::Generic;  // Fast64/FastStr when the raw path applies
};

}  // namespace gomap::swiss
