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

}  // namespace gomap
