#include "sim_heap.h"

#include <algorithm>
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#endif

#include "size_classes.h"

namespace gomap {

uint64_t SimHeap::alloc(uint64_t size) {
  if (size == 0) return 0;
  uint64_t rounded = roundupsize(size);
  uint64_t offset = bytes_.size();
  if (bytes_.capacity() < offset + rounded) {
    // Growing moves every byte, so grow fourfold: fewer moves as a map grows.
    uint64_t want = std::max<uint64_t>(offset + rounded, bytes_.capacity() * 4);
#if !defined(__EMSCRIPTEN__) && UINTPTR_MAX > 0xffffffffu
    // A big map natively: reserve address space to the limit (or 256 MiB)
    // at once; untouched pages cost nothing and the heap never moves again.
    // Under wasm, reserved memory is real memory, so it keeps growing 4x.
    if (want > (1u << 20)) want = std::max<uint64_t>(want, std::min<uint64_t>(limit_, 256ull << 20));
#endif
    bytes_.reserve(want);
    adviseHugePages();
  }
  if (journaling_) journal_.push_back({kAllocation, rounded, offset});
  bytes_.resize(offset + rounded);  // resize zero-fills, as Go's allocator does
  return kBase + offset;
}

// A big map probes buckets at random across tens of megabytes, as Go's does;
// Go's heap arenas get transparent huge pages, so ask for them too, or every
// probe would also miss the TLB. Only a hint: nothing changes if refused.
void SimHeap::adviseHugePages() {
#if defined(__linux__) && !defined(__EMSCRIPTEN__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t kHuge = 2u << 20;
  if (bytes_.capacity() < 2 * kHuge) return;
  uintptr_t start = (reinterpret_cast<uintptr_t>(bytes_.data()) + kHuge - 1) & ~(kHuge - 1);
  uintptr_t end = (reinterpret_cast<uintptr_t>(bytes_.data()) + bytes_.capacity()) & ~(kHuge - 1);
  if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
#endif
}

void SimHeap::remember(uint64_t addr, uint64_t n) {
  const uint8_t* p = at(addr);
  journal_.push_back({addr, n, oldBytes_.size()});
  oldBytes_.insert(oldBytes_.end(), p, p + n);
}

void SimHeap::rollbackTo(size_t n) {
  while (journal_.size() > n) {
    const Write& w = journal_.back();
    if (w.addr == kAllocation) {
      bytes_.resize(w.old);  // capacity stays: rerunning the operation reuses it
    } else {
      std::memcpy(bytes_.data() + (w.addr - kBase), oldBytes_.data() + w.old, w.size);
      oldBytes_.resize(w.old);
    }
    journal_.pop_back();
  }
}

}  // namespace gomap
