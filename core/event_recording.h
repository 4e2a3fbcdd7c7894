// The events of one traced operation, held against the memory budget
// (MemoryBudget, sim_heap.h) together with room for the JSON text a viewer
// turns them into (every event's JSON is numbers and names, under
// kJsonBytesPerEvent). A recording stops, marked `truncated`, when the next
// block of events would not fit the budget, as it does past `limit`: a
// traced operation never takes memory the budget has not granted, and the
// operation itself still completes (the trace is only what it recorded).
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim_heap.h"

namespace gomap {

template <class Event>
struct EventRecording {
  static constexpr uint64_t kJsonBytesPerEvent = 256;

  std::vector<Event> events;
  size_t limit = 1000000;
  bool truncated = false;

  EventRecording() = default;
  EventRecording(const EventRecording& o) : events(o.events), limit(o.limit), truncated(o.truncated) {
    recount();
  }
  EventRecording& operator=(const EventRecording& o) {
    if (this != &o) {
      events = o.events;
      limit = o.limit;
      truncated = o.truncated;
      recount();
    }
    return *this;
  }
  ~EventRecording() { MemoryBudget::give(counted_); }

  void push(const Event& e) {
    if (events.size() >= limit || (events.size() == events.capacity() && !makeRoom())) {
      truncated = true;
      return;
    }
    events.push_back(e);
  }
  // Empties the recording and gives its memory back.
  void clear() {
    std::vector<Event>().swap(events);
    truncated = false;
    recount();
  }
  // Bytes held in the budget (the events and their JSON's room).
  uint64_t footprint() const { return counted_; }

 private:
  static uint64_t cost(size_t n) { return uint64_t(n) * (sizeof(Event) + kJsonBytesPerEvent); }

  bool makeRoom() {
    const size_t next = std::min(limit, std::max<size_t>(64, events.capacity() * 2));
    // While the vector moves, its old block exists beside the new one.
    const uint64_t extra = cost(next) - counted_ + events.capacity() * sizeof(Event);
    if (!MemoryBudget::take(extra)) return false;
    events.reserve(next);
    MemoryBudget::give(extra);
    recount();
    return true;
  }
  void recount() {
    const uint64_t now = cost(events.capacity());
    if (now > counted_) MemoryBudget::takeAnyway(now - counted_);
    if (now < counted_) MemoryBudget::give(counted_ - now);
    counted_ = now;
  }

  uint64_t counted_ = 0;
};

}  // namespace gomap
