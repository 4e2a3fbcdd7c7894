#pragma once
// An element written into the slot an insert chose, the same for both
// models: Go's compiled code stores the caller's value at the address
// mapassign (1.14) or PutSlot (1.26) returns. A value with strings or
// slices inside gets its bytes allocated in the heap (typed_value.h).
#include <cstdint>
#include <cstring>

#include "map_type.h"
#include "sim_heap.h"
#include "typed_value.h"

namespace gomap {

inline void storeElemValue(SimHeap& heap, const MapType& t, uint64_t addr, const char* elem, size_t size) {
  if (t.elemTails) {
    writeValue(heap, addr, *t.elemGo, std::string_view(elem, size));
  } else if (size == 8) {
    uint64_t w;
    std::memcpy(&w, elem, 8);
    heap.store64(addr, w);
  } else if (size != 0) {
    heap.write(addr, elem, size);
  }
}

}  // namespace gomap
