// Hashing and == for values of any modelled type, following what Go 1.14's
// compiler emits (cmd/compile genhash/hashfor/memrun; spec: the contract's
// "Clarifications for Go's other types"):
//  - plain memory (alg Mem) is one memhash of the whole value (memhash0, a
//    zero-size value, returns the seed unchanged);
//  - strings strhash, floats f32hash/f64hash (±0 alike, NaN random),
//    complex numbers the float hash of the real then the imaginary part;
//  - other arrays hash element by element, other structs field by field,
//    where each maximal run of adjacent plain-memory fields not followed by
//    padding is one memhash over the run (so `struct{A, B int8; C string}`
//    is a 2-byte memhash, then strhash). Nested compounds recurse.
#include <cmath>
#include <cstring>

#include "hashing.h"
#include "typed_value.h"

namespace gomap {
namespace {

const uint8_t* bytesAt(std::string_view s, uint64_t at) {
  return reinterpret_cast<const uint8_t*>(s.data()) + at;
}

// f32hash and f64hash: both zeros hash alike, a NaN mixes in randomness,
// anything else is the memhash of its bytes.
template <class Float>
uint64_t floatHash(std::string_view enc, uint64_t at, uint64_t h, const HashPrimitives& fns) {
  Float f;
  std::memcpy(&f, enc.data() + at, sizeof f);
  if (f == 0) return floatZeroHash(h);
  if (f != f) return kFloatHashC1 * (kFloatHashC0 ^ h ^ fns.fastrand());
  return fns.memhash(bytesAt(enc, at), h, sizeof f);
}

uint64_t strhash(std::string_view enc, uint64_t at, uint64_t h, const HashPrimitives& fns) {
  const uint64_t data = encodingWord(enc, at), len = encodingWord(enc, at + 8);
  return fns.memhash(len ? bytesAt(enc, data) : bytesAt(enc, 0), h, len);
}

bool isRegularMemory(const GoType& t) { return t.alg == GoAlg::Mem; }

// hashfor(t) applied at `at`: t is not plain memory.
uint64_t hashFor(const GoType& t, std::string_view enc, uint64_t at, uint64_t h, const HashPrimitives& fns) {
  switch (t.alg) {
    case GoAlg::String: return strhash(enc, at, h, fns);
    case GoAlg::Float32: return floatHash<float>(enc, at, h, fns);
    case GoAlg::Float64: return floatHash<double>(enc, at, h, fns);
    case GoAlg::Complex64: return floatHash<float>(enc, at + 4, floatHash<float>(enc, at, h, fns), fns);
    case GoAlg::Complex128: return floatHash<double>(enc, at + 8, floatHash<double>(enc, at, h, fns), fns);
    default: break;
  }
  // A generated function (".hash.T").
  if (t.kind == GoKind::Array) {
    for (uint64_t i = 0; i < t.len; ++i) h = hashFor(*t.elem, enc, at + i * t.elem->size, h, fns);
    return h;
  }
  // A struct: non-memory fields by their own hash, memory fields in runs.
  for (size_t i = 0; i < t.fields.size();) {
    const GoField& f = t.fields[i];
    if (!isRegularMemory(*f.type)) {
      h = hashFor(*f.type, enc, at + f.offset, h, fns);
      ++i;
      continue;
    }
    size_t next = i;
    for (;;) {
      ++next;
      if (next == t.fields.size()) break;
      if (t.paddedField(next - 1)) break;  // a run stops after a padded field
      if (!isRegularMemory(*t.fields[next].type)) break;
    }
    const GoField& last = t.fields[next - 1];
    const uint64_t size = last.offset + last.type->size - f.offset;
    h = fns.memhash(bytesAt(enc, at + f.offset), h, size);
    i = next;
  }
  return h;
}

bool floatEqual32(std::string_view a, std::string_view b, uint64_t at) {
  float x, y;
  std::memcpy(&x, a.data() + at, 4);
  std::memcpy(&y, b.data() + at, 4);
  return x == y;
}
bool floatEqual64(std::string_view a, std::string_view b, uint64_t at) {
  double x, y;
  std::memcpy(&x, a.data() + at, 8);
  std::memcpy(&y, b.data() + at, 8);
  return x == y;
}

bool equalAt(const GoType& t, std::string_view a, std::string_view b, uint64_t at) {
  switch (t.alg) {
    case GoAlg::Mem: return t.size == 0 || std::memcmp(a.data() + at, b.data() + at, t.size) == 0;
    case GoAlg::Float32: return floatEqual32(a, b, at);
    case GoAlg::Float64: return floatEqual64(a, b, at);
    case GoAlg::Complex64: return floatEqual32(a, b, at) && floatEqual32(a, b, at + 4);
    case GoAlg::Complex128: return floatEqual64(a, b, at) && floatEqual64(a, b, at + 8);
    default: break;
  }
  switch (t.kind) {
    case GoKind::String: {
      const uint64_t la = encodingWord(a, at + 8), lb = encodingWord(b, at + 8);
      return la == lb && (la == 0 || std::memcmp(a.data() + encodingWord(a, at),
                                                 b.data() + encodingWord(b, at), la) == 0);
    }
    case GoKind::Array:
      for (uint64_t i = 0; i < t.len; ++i) {
        if (!equalAt(*t.elem, a, b, at + i * t.elem->size)) return false;
      }
      return true;
    case GoKind::Struct:
      for (const GoField& f : t.fields) {
        if (!equalAt(*f.type, a, b, at + f.offset)) return false;
      }
      return true;
    default: return false;  // slices are not comparable (never a key)
  }
}

}  // namespace

uint64_t typeHash(const GoType& t, std::string_view enc, uint64_t seed, const HashPrimitives& fns) {
  if (t.alg == GoAlg::Mem) {
    if (t.size == 0) return seed;  // memhash0
    return fns.memhash(bytesAt(enc, 0), seed, t.size);
  }
  return hashFor(t, enc, 0, seed, fns);
}

bool valuesEqual(const GoType& t, std::string_view a, std::string_view b) { return equalAt(t, a, b, 0); }

}  // namespace gomap
