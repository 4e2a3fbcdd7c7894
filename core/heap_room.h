#pragma once
// Heap room for a batch of new keys, the same for both map models: the map
// says how many bytes the batch may need (capacityNeed, its own rules), and
// its heap makes that room at once, or in slices for a caller that must not
// block (SimHeap::prepareRoom). A refusal leaves every byte as it was.

#include <cstdint>
#include <string>

#include "sim_heap.h"
#include "status.h"

namespace gomap {

// The playground's cap on live entries, the same words for both models.
inline Status entriesRoom(uint64_t live, uint64_t newKeys, uint64_t maxEntries) {
  if (live + newKeys <= maxEntries) return Status::success();
  return Status::error(std::to_string(newKeys) + " more keys would take the map past " +
                       std::to_string(maxEntries) + " entries, the most this playground allows");
}

template <class Map>
Status makeRoomForKeys(const Map& map, SimHeap& heap, uint64_t newKeys) {
  uint64_t need = 0;
  if (Status s = map.capacityNeed(newKeys, need); !s.ok()) return s;
  return heap.makeRoom(need);
}

// `ready` once makeRoomForKeys(newKeys) would not move the heap.
template <class Map>
Status prepareRoomForKeys(const Map& map, SimHeap& heap, uint64_t newKeys, uint64_t maxCopyBytes,
                          bool& ready) {
  ready = false;
  uint64_t need = 0;
  if (Status s = map.capacityNeed(newKeys, need); !s.ok()) return s;
  return heap.prepareRoom(need, maxCopyBytes, ready);
}

}  // namespace gomap
