#include "sim_heap.h"

#include <algorithm>
#include <atomic>
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#endif

#include "size_classes.h"

namespace gomap {

// ---------------------------------------------------------------- budget

namespace {
std::atomic<uint64_t> gInUse{0};
std::atomic<uint64_t> gCeiling{MemoryBudget::kDefaultCeiling};
}  // namespace

uint64_t MemoryBudget::ceiling() { return gCeiling.load(std::memory_order_relaxed); }
uint64_t MemoryBudget::inUse() { return gInUse.load(std::memory_order_relaxed); }

bool MemoryBudget::take(uint64_t bytes) {
  uint64_t cur = gInUse.load(std::memory_order_relaxed);
  do {
    if (bytes > ceiling() || cur > ceiling() - bytes) return false;
  } while (!gInUse.compare_exchange_weak(cur, cur + bytes, std::memory_order_relaxed));
  return true;
}

void MemoryBudget::takeAnyway(uint64_t bytes) { gInUse.fetch_add(bytes, std::memory_order_relaxed); }
void MemoryBudget::give(uint64_t bytes) { gInUse.fetch_sub(bytes, std::memory_order_relaxed); }

uint64_t MemoryBudget::setCeilingForTests(uint64_t bytes) { return gCeiling.exchange(bytes); }

std::string MemoryBudget::mib(uint64_t bytes) {
  if (bytes < (1u << 20)) return std::to_string((bytes + 1023) >> 10) + " KiB";
  return std::to_string(bytes >> 20) + " MiB";
}

// ---------------------------------------------------------------- copies

SimHeap::SimHeap(const SimHeap& o)
    : bytes_(o.bytes_),
      limit_(o.limit_),
      journaling_(o.journaling_),
      journalLost_(o.journalLost_),
      watched_(o.journaling_),
      journal_(o.journal_),
      oldBytes_(o.oldBytes_) {
  recount();  // (a partial copy of prepareRoom is not copied)
}

SimHeap::SimHeap(SimHeap&& o) noexcept
    : bytes_(std::move(o.bytes_)),
      limit_(o.limit_),
      counted_(o.counted_),
      journaling_(o.journaling_),
      journalLost_(o.journalLost_),
      watched_(o.watched_),
      copyFresh_(o.copyFresh_),
      journal_(std::move(o.journal_)),
      oldBytes_(std::move(o.oldBytes_)),
      staging_(std::move(o.staging_)) {
  o.copyFresh_ = false;
  o.rewatch();  // nothing left to watch: its writes take the plain path
  o.counted_ = 0;
  o.recount();  // a moved-from vector normally holds nothing; count what it does
}

SimHeap& SimHeap::operator=(const SimHeap& o) {
  if (this != &o) {
    SimHeap copy(o);
    *this = std::move(copy);
  }
  return *this;
}

SimHeap& SimHeap::operator=(SimHeap&& o) noexcept {
  if (this != &o) {
    MemoryBudget::give(counted_);
    bytes_ = std::move(o.bytes_);
    journal_ = std::move(o.journal_);
    oldBytes_ = std::move(o.oldBytes_);
    staging_ = std::move(o.staging_);
    limit_ = o.limit_;
    journaling_ = o.journaling_;
    journalLost_ = o.journalLost_;
    watched_ = o.watched_;
    copyFresh_ = o.copyFresh_;
    o.copyFresh_ = false;
    o.rewatch();
    counted_ = o.counted_;
    o.counted_ = 0;
    o.recount();
  }
  return *this;
}

void SimHeap::recount() {
  uint64_t now = capacityBytes();
  if (now > counted_) MemoryBudget::takeAnyway(now - counted_);
  if (now < counted_) MemoryBudget::give(counted_ - now);
  counted_ = now;
}

// ---------------------------------------------------------------- growth

Status SimHeap::growthSize(uint64_t bytes, uint64_t& want, uint64_t& need) const {
  const uint64_t size = bytes_.size(), cap = bytes_.capacity();
  need = size + bytes;
  if (bytes > limit_ || need > limit_) {
    return Status::error("the simulated heap would need " + MemoryBudget::mib(need) + ", over its " +
                         MemoryBudget::mib(limit_) + " limit");
  }
  // Growing moves every byte, so grow fourfold while the heap is small (fewer
  // moves as a map grows), by half once it is big (a fourfold step of a big
  // heap would take memory it may never use), and never past the limit.
  const uint64_t step = cap < (16u << 20) ? cap * 4 : cap + cap / 2;
  want = std::min<uint64_t>(std::max<uint64_t>(need, step), limit_);
#if !defined(__EMSCRIPTEN__) && UINTPTR_MAX > 0xffffffffu
  // A big map natively: reserve address space to the limit (or 256 MiB)
  // at once; untouched pages cost nothing and the heap never moves again.
  // Under wasm, reserved memory is real memory, so it keeps growing 4x.
  if (want > (1u << 20)) want = std::max<uint64_t>(want, std::min<uint64_t>(limit_, 256ull << 20));
#endif
  return Status::success();
}

Status SimHeap::outOfBudget(uint64_t need) {
  return Status::error("out of memory: growing the simulated heap to " + MemoryBudget::mib(need) +
                       " needs that much of the playground's memory budget (" +
                       MemoryBudget::mib(MemoryBudget::ceiling()) +
                       ", shared by every map, snapshot and trace), and " +
                       MemoryBudget::mib(MemoryBudget::room()) + " is free");
}

Status SimHeap::grow(uint64_t bytes) {
  dropStaging();  // a partial copy of a smaller buffer would only hold memory
  uint64_t want = 0, need = 0;
  if (Status s = growthSize(bytes, want, need); !s.ok()) return s;
  // The new buffer is taken while the old one still exists. If the generous
  // size does not fit the budget, the exact one may.
  for (uint64_t c : {want, need}) {
    if (!MemoryBudget::take(c)) continue;
    bytes_.reserve(c);
    MemoryBudget::give(c);  // recount() below counts the buffer as it now is
    recount();
    adviseHugePages();
    return Status::success();
  }
  return outOfBudget(need);
}

Status SimHeap::prepareRoom(uint64_t bytes, uint64_t maxCopyBytes, bool& ready) {
  ready = bytes_.capacity() - bytes_.size() >= bytes;
  if (ready) {
    dropStaging();
    return Status::success();
  }
  uint64_t want = 0, need = 0;
  if (Status s = growthSize(bytes, want, need); !s.ok()) return s;
  if (staging_.capacity() < need) {
    dropStaging();
    bool taken = false;
    for (uint64_t c : {want, need}) {
      if (!MemoryBudget::take(c)) continue;
      staging_.reserve(c);  // untouched until copied into
      MemoryBudget::give(c);
      recount();
      taken = true;
      break;
    }
    if (!taken) return outOfBudget(need);
  }
  const uint64_t done = staging_.size();
  const uint64_t upTo = std::min<uint64_t>(bytes_.size(), done + std::max<uint64_t>(maxCopyBytes, 1));
  staging_.insert(staging_.end(), bytes_.begin() + done, bytes_.begin() + upTo);
  watched_ = true;  // a write from now on would make the copy stale
  if (staging_.size() < bytes_.size()) return Status::success();
  bytes_.swap(staging_);
  std::vector<uint8_t>().swap(staging_);
  rewatch();
  recount();
  adviseHugePages();
  ready = true;
  return Status::success();
}

void SimHeap::dropStaging() {
  if (staging_.capacity() == 0) return;
  std::vector<uint8_t>().swap(staging_);
  rewatch();
  recount();
}

std::vector<uint8_t> SimHeap::releaseBytes() {
  std::vector<uint8_t> out;
  out.swap(bytes_);
  recount();
  return out;
}

void SimHeap::adoptBytes(std::vector<uint8_t>&& bytes) {
  bytes_ = std::move(bytes);
  copyFresh_ = false;
  rewatch();
  recount();
  adviseHugePages();
}

uint64_t SimHeap::alloc(uint64_t size) {
  if (size == 0) return 0;
  if (copyFresh_) {
    copyFresh_ = false;
    rewatch();
  }
  uint64_t rounded = roundupsize(size);
  uint64_t offset = bytes_.size();
  if (bytes_.capacity() < offset + rounded && !grow(rounded).ok()) {
    // Not reserved by the caller and refused by the budget: alloc cannot
    // fail, so it grows exactly and is counted (callers reserve first).
    bytes_.reserve(offset + rounded);
    recount();
  }
  if (journaling_ && journalRoom(sizeof(Write))) journal_.push_back({kAllocation, rounded, offset});
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

// ---------------------------------------------------------------- journal

// Room for one more record of `bytes` replaced bytes (plus its entry), or
// the journal is lost: it stops, and its memory goes back to the budget.
bool SimHeap::journalRoom(uint64_t bytes) {
  const uint64_t jcap = journal_.capacity(), ocap = oldBytes_.capacity();
  const bool entryFits = journal_.size() < jcap;
  const bool bytesFit = ocap - oldBytes_.size() >= bytes;
  if (entryFits && bytesFit) return true;
  // Double what is short (as a vector would), within kMaxJournalBytes.
  uint64_t entries = entryFits ? jcap : std::max<uint64_t>(1024, jcap * 2);
  uint64_t old = bytesFit ? ocap : std::max<uint64_t>({oldBytes_.size() + bytes, ocap * 2, 64 * 1024});
  if (entries * sizeof(Write) + old > kMaxJournalBytes) {
    entries = std::max<uint64_t>(jcap, journal_.size() + 1);
    old = std::max<uint64_t>(ocap, oldBytes_.size() + bytes);
    if (entries * sizeof(Write) + old > kMaxJournalBytes) {
      loseJournal();
      return false;
    }
  }
  // A vector's move holds old and new at once: take the new sizes in full.
  const uint64_t transient = (entries > jcap ? entries * sizeof(Write) : 0) + (old > ocap ? old : 0);
  if (!MemoryBudget::take(transient)) {
    loseJournal();
    return false;
  }
  journal_.reserve(entries);
  oldBytes_.reserve(old);
  MemoryBudget::give(transient);
  recount();
  return true;
}

void SimHeap::loseJournal() {
  journaling_ = false;
  journalLost_ = true;
  std::vector<Write>().swap(journal_);
  std::vector<uint8_t>().swap(oldBytes_);
  recount();
}

void SimHeap::remember(uint64_t addr, uint64_t n) {
  if (!journalRoom(n)) return;
  const uint8_t* p = at(addr);
  journal_.push_back({addr, n, oldBytes_.size()});
  oldBytes_.insert(oldBytes_.end(), p, p + n);
}

void SimHeap::rollbackTo(size_t n) {
  if (journalLost_) return;
  dropStaging();
  copyFresh_ = false;
  rewatch();
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
