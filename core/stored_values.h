// Values in the simulated heap, read and written the same way for both map
// models: a stored string's characters, a stored value's bytes, an element
// as the map API hands it back, a key value written, and a float64 key's
// value.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "map_type.h"
#include "sim_heap.h"
#include "typed_value.h"

namespace gomap {

// The characters of the string whose header (data pointer, length) is at addr.
inline std::string_view storedString(const SimHeap& heap, uint64_t addr) {
  const uint64_t data = heap.load64(addr), len = heap.load64(addr + 8);
  if (len == 0 || data == 0) return std::string_view();
  return std::string_view(reinterpret_cast<const char*>(heap.at(data)), len);
}

// The `size` bytes of a value at addr (none for a zero-size value).
inline std::string_view storedBytes(const SimHeap& heap, uint64_t addr, uint64_t size) {
  if (size == 0) return std::string_view("", 0);
  return std::string_view(reinterpret_cast<const char*>(heap.at(addr)), size);
}

// An element as the map API hands it back (for Go's other types, its encoding).
inline std::string storedElem(const SimHeap& heap, const MapType& t, uint64_t addr) {
  if (t.elemTails) return readValue(heap, addr, *t.elemGo);
  return std::string(storedBytes(heap, addr, t.elemTypeSize));
}

// Writes a key value at dst: a string gets freshly allocated characters (the
// model's stand-in for wherever the caller's string lived).
inline void storeKeyValue(SimHeap& heap, const MapType& t, uint64_t dst, const char* key, size_t size) {
  if (t.key == KeyKind::String) {
    const uint64_t data = heap.alloc(size);
    if (size != 0) heap.write(data, key, size);
    heap.store64(dst, data);
    heap.store64(dst + 8, size);
  } else if (t.keyTails) {
    writeValue(heap, dst, *t.keyGo, std::string_view(key, size));
  } else if (size != 0) {
    heap.write(dst, key, size);
  }
}

// The float64 in the 8 bytes at p.
inline double float64At(const void* p) {
  double d;
  std::memcpy(&d, p, 8);
  return d;
}

}  // namespace gomap
