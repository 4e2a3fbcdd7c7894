#include "sim_heap.h"

#include <algorithm>

#include "size_classes.h"

namespace gomap {

uint64_t SimHeap::alloc(uint64_t size) {
  if (size == 0) return 0;
  uint64_t rounded = roundupsize(size);
  uint64_t offset = bytes_.size();
  if (bytes_.capacity() < offset + rounded) {
    bytes_.reserve(std::max<uint64_t>(offset + rounded, bytes_.capacity() * 2));
  }
  bytes_.resize(offset + rounded);  // resize zero-fills, as Go's allocator does
  return kBase + offset;
}

void SimHeap::remember(uint64_t addr, uint64_t n) {
  const uint8_t* p = at(addr);
  journal_.push_back({addr, n, oldBytes_.size()});
  oldBytes_.insert(oldBytes_.end(), p, p + n);
}

void SimHeap::rollbackTo(size_t n) {
  while (journal_.size() > n) {
    const Write& w = journal_.back();
    std::memcpy(bytes_.data() + (w.addr - kBase), oldBytes_.data() + w.old, w.size);
    oldBytes_.resize(w.old);
    journal_.pop_back();
  }
}

}  // namespace gomap
