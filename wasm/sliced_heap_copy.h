// A copy of a simulated heap's bytes made a slice at a time, for a page that
// must never block: a snapshot or a restore of a 100 MB heap is one copy of
// tens of milliseconds, so the session makes it across several calls
// (SessionCore::prepareSnapshot, prepareRestore) and the snapshot or restore
// then only hands the finished bytes over. The room is taken from the memory
// budget when the copy starts, and given back when it is dropped or handed on.
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

#include "sim_heap.h"

namespace gomap {

class SlicedHeapCopy {
 public:
  // `source`: 0 for the live map (a snapshot), else the snapshot id (a restore).
  explicit SlicedHeapCopy(int source) : source_(source) {}
  SlicedHeapCopy(const SlicedHeapCopy&) = delete;
  SlicedHeapCopy& operator=(const SlicedHeapCopy&) = delete;
  ~SlicedHeapCopy() { MemoryBudget::give(counted_); }

  int source() const { return source_; }

  // Room for `size` bytes from the budget; false (nothing taken) if it has none.
  bool reserve(uint64_t size) {
    if (!MemoryBudget::take(size)) return false;
    bytes_.reserve(size);
    counted_ = size;
    size_ = size;
    return true;
  }

  // Copies at most maxBytes more of `from` (the same bytes as when it
  // started: the caller checks); true once every byte is here.
  bool copyMore(const std::vector<uint8_t>& from, uint64_t maxBytes) {
    const uint64_t done = bytes_.size();
    const uint64_t upTo = std::min<uint64_t>(size_, done + std::max<uint64_t>(maxBytes, 1));
    bytes_.insert(bytes_.end(), from.begin() + done, from.begin() + upTo);
    return complete();
  }

  bool complete() const { return bytes_.size() == size_; }
  uint64_t size() const { return size_; }

  // The finished bytes, for a heap to adopt (which counts them itself).
  std::vector<uint8_t> release() {
    MemoryBudget::give(counted_);
    counted_ = 0;
    return std::move(bytes_);
  }

 private:
  int source_;
  uint64_t size_ = 0;
  uint64_t counted_ = 0;
  std::vector<uint8_t> bytes_;
};

}  // namespace gomap
