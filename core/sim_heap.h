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

namespace gomap {

class SimHeap {
 public:
  // Go's amd64 heap arena starts here; addresses look familiar to readers.
  static constexpr uint64_t kBase = 0xc000000000ULL;

  explicit SimHeap(uint64_t limitBytes) : limit_(limitBytes) {}

  // A first reservation small enough for the allocator to recycle between
  // maps (a fresh large mapping costs a page fault per page touched).
  void reserveForGrowth() { bytes_.reserve(64 * 1024); }

  // Zeroed object of roundupsize(size) bytes, 8-byte aligned. Returns 0 for
  // size 0 (Go would return its shared zero-size base; we never store one).
  // The limit is a policy the operations check before they start (so a
  // refused operation changes nothing); alloc itself never fails.
  uint64_t alloc(uint64_t size);

  uint64_t used() const { return bytes_.size(); }
  uint64_t limit() const { return limit_; }

  const uint8_t* at(uint64_t addr) const { return bytes_.data() + (addr - kBase); }

  // Every write goes through here, so it can be journaled (below).
  void write(uint64_t addr, const void* src, uint64_t n) {
    if (journaling_) remember(addr, n);
    std::memcpy(bytes_.data() + (addr - kBase), src, n);
  }
  void zero(uint64_t addr, uint64_t n) {
    if (journaling_) remember(addr, n);
    std::memset(bytes_.data() + (addr - kBase), 0, n);
  }
  void copy(uint64_t dst, uint64_t src, uint64_t n) {
    if (journaling_) remember(dst, n);
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
  void startJournal() {
    journaling_ = true;
    journal_.clear();
    oldBytes_.clear();
  }
  void stopJournal() { journaling_ = false; }
  size_t journalSize() const { return journal_.size(); }
  // Undoes the writes after the first `n`, latest first.
  void rollbackTo(size_t n);

  const std::vector<uint8_t>& bytes() const { return bytes_; }

 private:
  struct Write {
    uint64_t addr;  // kAllocation: an allocation, undone by shrinking back
    uint64_t size;
    uint64_t old;  // offset of the replaced bytes in oldBytes_; for an allocation, used() before it
  };
  static constexpr uint64_t kAllocation = 0;  // never a heap address (they start at kBase)
  void remember(uint64_t addr, uint64_t n);
  void adviseHugePages();

  std::vector<uint8_t> bytes_;
  uint64_t limit_;
  bool journaling_ = false;
  std::vector<Write> journal_;
  std::vector<uint8_t> oldBytes_;
};

}  // namespace gomap
