// Encodings (typed_value.h) in and out of the simulated heap.
#include <cstring>

#include "sim_heap.h"
#include "typed_value.h"

namespace gomap {
namespace {

// Calls f(header type, offset) for each string or slice header in a value of
// t whose image starts at `base`; slices' contents are the caller's affair.
template <class F>
void forEachHeader(const GoType& t, uint64_t base, F&& f) {
  if (!t.hasPointers) return;
  switch (t.kind) {
    case GoKind::String:
    case GoKind::Slice: f(t, base); return;
    case GoKind::Array:
      for (uint64_t i = 0; i < t.len; ++i) forEachHeader(*t.elem, base + i * t.elem->size, f);
      return;
    case GoKind::Struct:
      for (const GoField& fl : t.fields) forEachHeader(*fl.type, base + fl.offset, f);
      return;
    default: return;
  }
}

Status checkAt(const GoType& t, std::string_view enc, uint64_t base, int depth) {
  Status result = Status::success();
  forEachHeader(t, base, [&](const GoType& h, uint64_t at) {
    if (!result.ok()) return;
    const uint64_t data = encodingWord(enc, at), len = encodingWord(enc, at + 8);
    if (data == 0) {
      if (len != 0) result = Status::error("a nil string or slice with a length");
      return;
    }
    const uint64_t unit = h.kind == GoKind::String ? 1 : h.elem->size;
    if (data > enc.size() || len > enc.size() || (unit != 0 && len * unit > enc.size() - data) ||
        (h.kind == GoKind::Slice && encodingWord(enc, at + 16) != len)) {
      result = Status::error("a string or slice reaches outside the value's bytes");
      return;
    }
    if (h.kind == GoKind::Slice && h.elem->hasPointers && depth < 16) {
      for (uint64_t i = 0; i < len && result.ok(); ++i)
        result = checkAt(*h.elem, enc, data + i * unit, depth + 1);
    }
  });
  return result;
}

void writeAt(SimHeap& heap, uint64_t addr, const GoType& t, std::string_view enc, uint64_t base) {
  if (t.size != 0) heap.write(addr, enc.data() + base, t.size);
  forEachHeader(t, base, [&](const GoType& h, uint64_t at) {
    const uint64_t dst = addr + (at - base);
    const uint64_t data = encodingWord(enc, at), len = encodingWord(enc, at + 8);
    if (h.kind == GoKind::String) {
      uint64_t p = 0;
      if (len != 0) {
        p = heap.alloc(len);
        heap.write(p, enc.data() + data, len);
      }
      heap.store64(dst, p);
      return;
    }
    // A slice: a fresh backing array (one byte for an empty, non-nil one, so
    // its pointer is not nil), then its elements' own strings and slices.
    uint64_t p = 0;
    if (data != 0) {
      const uint64_t bytes = len * h.elem->size;
      p = heap.alloc(bytes == 0 ? 1 : bytes);
      for (uint64_t i = 0; i < len; ++i)
        writeAt(heap, p + i * h.elem->size, *h.elem, enc, data + i * h.elem->size);
    }
    heap.store64(dst, p);
    heap.store64(dst + 16, len);
  });
}

void readAt(const SimHeap& heap, uint64_t addr, const GoType& t, std::string* enc, uint64_t base) {
  forEachHeader(t, base, [&](const GoType& h, uint64_t at) {
    const uint64_t src = addr + (at - base);
    const uint64_t p = heap.load64(src), len = heap.load64(src + 8);
    if (h.kind == GoKind::String) {
      if (len == 0 || p == 0) {
        setEncodingWord(enc, at, 0);
        setEncodingWord(enc, at + 8, 0);
        return;
      }
      const uint64_t off = enc->size();
      enc->append(reinterpret_cast<const char*>(heap.at(p)), len);
      setEncodingWord(enc, at, off);
      return;
    }
    if (p == 0) {
      setEncodingWord(enc, at, 0);
      setEncodingWord(enc, at + 8, 0);
      setEncodingWord(enc, at + 16, 0);
      return;
    }
    const uint64_t off = enc->size(), bytes = len * h.elem->size;
    if (bytes != 0) enc->append(reinterpret_cast<const char*>(heap.at(p)), bytes);
    setEncodingWord(enc, at, off);
    setEncodingWord(enc, at + 16, len);
    for (uint64_t i = 0; i < len; ++i)
      readAt(heap, p + i * h.elem->size, *h.elem, enc, off + i * h.elem->size);
  });
}

}  // namespace

Status checkEncoding(const GoType& t, std::string_view enc) {
  if (enc.size() < t.size) {
    return Status::error("a " + t.name + " value needs at least " + std::to_string(t.size) + " bytes, got " +
                         std::to_string(enc.size()));
  }
  if (!t.hasPointers && enc.size() != t.size) {
    return Status::error("a " + t.name + " value is " + std::to_string(t.size) + " bytes, got " +
                         std::to_string(enc.size()));
  }
  return checkAt(t, enc, 0, 0);
}

void writeValue(SimHeap& heap, uint64_t addr, const GoType& t, std::string_view enc) {
  writeAt(heap, addr, t, enc, 0);
}

std::string readValue(const SimHeap& heap, uint64_t addr, const GoType& t) {
  std::string enc;
  if (t.size != 0) enc.assign(reinterpret_cast<const char*>(heap.at(addr)), t.size);
  readAt(heap, addr, t, &enc, 0);
  return enc;
}

uint64_t valueHeapBytes(const GoType& t, std::string_view enc) {
  // Every object is rounded up to a size class (at most 1/8 more, and 8
  // bytes for the smallest ones); 16 per header covers it generously.
  uint64_t headers = 0;
  if (t.hasPointers) headers = enc.size() / 16 + 1;
  return 2 * enc.size() + 16 * headers;
}

}  // namespace gomap
