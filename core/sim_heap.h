// A simulated 64-bit heap. Every object of the map (header, bucket arrays,
// overflow buckets, string bytes, indirect keys and elems) lives here at a
// 64-bit address, so pointer words inside buckets are 8 bytes exactly as on
// a 64-bit Go target, even when this code itself runs as wasm32.
//
// The heap is one contiguous byte vector: translating an address is an add,
// and snapshotting the whole map is one copy. Nothing is ever freed: what Go's
// collector would reclaim simply stays unreachable, and the memory limit
// counts it (see liveBytes in inspect.h for what is reachable).
#pragma once
#include <cstdint>
#include <cstring>
#include <vector>

#include "status.h"

namespace gomap {

// One memory budget for every buffer the model holds: the bytes of every
// map's heap, their write journals and the copies a snapshot keeps. A
// buffer takes its room here BEFORE it grows, and a move counts old and new
// together (both exist while the bytes are copied), so the total never passes
// the ceiling. Under wasm the ceiling leaves the rest of the 2 GB address
// space to the page, the JSON it reads and the allocator's slack; a refused
// request is a clear error and nothing changes.
class MemoryBudget {
 public:
  static constexpr uint64_t kDefaultCeiling = 1ull << 30;  // 1 GiB

  static uint64_t ceiling();
  static uint64_t inUse();
  static uint64_t room() { return inUse() >= ceiling() ? 0 : ceiling() - inUse(); }
  // Takes `bytes` if they fit under the ceiling; false (and nothing taken) if not.
  static bool take(uint64_t bytes);
  // Counts `bytes` whatever the ceiling (a copy already made by a caller that checked).
  static void takeAnyway(uint64_t bytes);
  static void give(uint64_t bytes);
  // For tests that reach the ceiling without using a gigabyte; returns the old one.
  static uint64_t setCeilingForTests(uint64_t bytes);
  // "N MiB" for messages.
  static std::string mib(uint64_t bytes);
};

class SimHeap {
 public:
  // Go's amd64 heap arena starts here; addresses look familiar to readers.
  static constexpr uint64_t kBase = 0xc000000000ULL;

  explicit SimHeap(uint64_t limitBytes) : limit_(limitBytes) {}
  // Copies and moves keep the budget's count right (a copy's caller checks
  // copyCost() against MemoryBudget::room() first).
  SimHeap(const SimHeap& other);
  SimHeap(SimHeap&& other) noexcept;
  SimHeap& operator=(const SimHeap& other);
  SimHeap& operator=(SimHeap&& other) noexcept;
  ~SimHeap() { MemoryBudget::give(counted_); }

  // A first reservation small enough for the allocator to recycle between
  // maps (a fresh large mapping costs a page fault per page touched).
  void reserveForGrowth() { (void)makeRoom(64 * 1024); }

  // Makes sure the next `bytes` of allocations fit without moving the heap:
  // grows the buffer (4x while small, 1.5x once over 16 MiB, never past the limit) with
  // room taken from the memory budget first. An operation calls this with
  // its worst case before it changes anything, so a refusal (the heap's
  // limit or the budget) leaves the map as it was; the bytes never change.
  Status makeRoom(uint64_t bytes) {
    if (bytes_.capacity() - bytes_.size() >= bytes) return Status::success();
    return grow(bytes);
  }

  // makeRoom in slices, for a page that must never block for long: moving a
  // heap of tens of megabytes is one copy of tens of milliseconds. Each call
  // copies at most `maxCopyBytes` of the heap into a bigger buffer made
  // beside it (its room taken from the budget first); the call that copies
  // the last byte swaps the buffers. `ready` says whether the room is there
  // now. Any write to the heap between calls discards the partial copy (so
  // a copy is never stale); the map's bytes never change. A refusal (limit
  // or budget) is makeRoom's, and leaves everything as it was.
  Status prepareRoom(uint64_t bytes, uint64_t maxCopyBytes, bool& ready);

  // Zeroed object of roundupsize(size) bytes, 8-byte aligned. Returns 0 for
  // size 0 (Go would return its shared zero-size base; we never store one).
  // The limit is a policy the operations check (and makeRoom reserves)
  // before they start, so a refused operation changes nothing; alloc itself
  // never fails (unreserved growth is still counted in the budget).
  uint64_t alloc(uint64_t size);

  uint64_t used() const { return bytes_.size(); }
  uint64_t limit() const { return limit_; }
  // Bytes this heap holds in the memory budget (buffer and journal).
  uint64_t footprint() const { return counted_; }
  // What a copy of it would take from the budget.
  uint64_t copyCost() const { return bytes_.size() + journal_.size() * sizeof(Write) + oldBytes_.size(); }

  const uint8_t* at(uint64_t addr) const { return bytes_.data() + (addr - kBase); }

  // Every write goes through here, so it can be journaled (below).
  void write(uint64_t addr, const void* src, uint64_t n) {
    if (watched_) watch(addr, n);
    std::memcpy(bytes_.data() + (addr - kBase), src, n);
  }
  void zero(uint64_t addr, uint64_t n) {
    if (watched_) watch(addr, n);
    std::memset(bytes_.data() + (addr - kBase), 0, n);
  }
  void copy(uint64_t dst, uint64_t src, uint64_t n) {
    if (watched_) watch(dst, n);
    std::memmove(bytes_.data() + (dst - kBase), bytes_.data() + (src - kBase), n);
  }
  // copy() for a key or elem slot; the common 8-byte slot is one word.
  void copySlot(uint64_t dst, uint64_t src, uint64_t n) {
    if (n == 8) {
      store64(dst, load64(src));
    } else {
      copy(dst, src, n);
    }
  }
  uint8_t load8(uint64_t addr) const { return *at(addr); }
  void store8(uint64_t addr, uint8_t v) { write(addr, &v, 1); }
  uint64_t load64(uint64_t addr) const {
    uint64_t v;
    std::memcpy(&v, at(addr), 8);
    return v;
  }
  void store64(uint64_t addr, uint64_t v) { write(addr, &v, 8); }

  // The write journal: while on, every write keeps the bytes it replaced,
  // and every allocation the heap's size before it, so an operation can be
  // wound back to any of its micro-steps (a trace event records the journal
  // length when it happened), used bytes included. This is how a viewer
  // shows the map mid-operation from the real bytes rather than a re-enactment.
  // The journal is bounded (kMaxJournalBytes and the budget): an operation
  // that writes more keeps running untraced by it and completes, and the
  // journal is marked lost, so nothing can be wound back half-way.
  static constexpr uint64_t kMaxJournalBytes = 128ull << 20;
  void startJournal() {
    journaling_ = true;
    watched_ = true;
    journalLost_ = false;
    journal_.clear();
    oldBytes_.clear();
  }
  void stopJournal() {
    journaling_ = false;
    rewatch();
  }
  size_t journalSize() const { return journal_.size(); }
  bool journalLost() const { return journalLost_; }
  // Undoes the writes after the first `n`, latest first (nothing if the
  // journal was lost).
  void rollbackTo(size_t n);

  const std::vector<uint8_t>& bytes() const { return bytes_; }

  // A copy of these bytes made elsewhere a slice at a time (a snapshot a
  // page takes across tasks, wasm/session_core.h): from startCopyWatch()
  // on, any write or allocation marks that copy stale (copyFresh() false).
  void startCopyWatch() {
    copyFresh_ = true;
    rewatch();
  }
  bool copyFresh() const { return copyFresh_; }
  // The bytes handed over whole, without a copy: a snapshot made from a
  // sliced copy takes the rest of the heap (journal, limit) by copying a
  // heap whose bytes were released for that moment, then adopts the copy's.
  std::vector<uint8_t> releaseBytes();
  void adoptBytes(std::vector<uint8_t>&& bytes);

 private:
  struct Write {
    uint64_t addr;  // kAllocation: an allocation, undone by shrinking back
    uint64_t size;
    uint64_t old;  // offset of the replaced bytes in oldBytes_; for an allocation, used() before it
  };
  static constexpr uint64_t kAllocation = 0;  // never a heap address (they start at kBase)
  void remember(uint64_t addr, uint64_t n);
  // A write while journaling or while a partial copy exists (prepareRoom).
  void watch(uint64_t addr, uint64_t n) {
    if (copyFresh_) {
      copyFresh_ = false;
      rewatch();
    }
    if (staging_.capacity() != 0) dropStaging();
    if (journaling_) remember(addr, n);
  }
  // watched_ from what needs it: a journal, a partial move, a sliced copy.
  void rewatch() { watched_ = journaling_ || staging_.capacity() != 0 || copyFresh_; }
  void dropStaging();
  bool journalRoom(uint64_t bytes);
  void loseJournal();
  void adviseHugePages();
  Status grow(uint64_t bytes);
  // The buffer size a growth by `bytes` aims at (want) and needs at least.
  Status growthSize(uint64_t bytes, uint64_t& want, uint64_t& need) const;
  static Status outOfBudget(uint64_t need);
  // Brings counted_ in line with the buffers' capacities.
  void recount();
  uint64_t capacityBytes() const {
    return bytes_.capacity() + journal_.capacity() * sizeof(Write) + oldBytes_.capacity() +
           staging_.capacity();
  }

  std::vector<uint8_t> bytes_;
  uint64_t limit_;
  uint64_t counted_ = 0;  // bytes held in the MemoryBudget
  bool journaling_ = false;
  bool journalLost_ = false;
  // journaling_, a partial copy in staging_ or copyFresh_: the one flag a write tests.
  bool watched_ = false;
  bool copyFresh_ = false;
  std::vector<Write> journal_;
  std::vector<uint8_t> oldBytes_;
  // prepareRoom's bigger buffer, holding a copy of the heap's first bytes.
  std::vector<uint8_t> staging_;
};

}  // namespace gomap
