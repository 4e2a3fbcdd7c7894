// Values of any modelled Go type (go_type.h), as the map API passes them:
// an "encoding" is the value's memory image (GoType::size bytes, padding
// zero) followed by the bytes its strings and slices point to. In the image,
// a string or slice header's data word holds the offset of those bytes in
// the encoding (0 for an empty string or a nil slice), so equal values have
// equal encodings and the encoding stands alone, without a heap.
//
// value_store.cpp moves encodings into and out of the simulated heap,
// type_hash.cpp hashes and compares them as Go 1.14's compiled code does,
// value_text.cpp reads and prints them (contract: docs/scenario-format.md).
#pragma once
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>

#include "go_type.h"
#include "status.h"

namespace gomap {

class SimHeap;

// The 8-byte word at byte `at` of an encoding (a header's data offset,
// length or capacity), read and written.
inline uint64_t encodingWord(std::string_view enc, uint64_t at) {
  uint64_t v;
  std::memcpy(&v, enc.data() + at, 8);
  return v;
}
inline void setEncodingWord(std::string* enc, uint64_t at, uint64_t v) { std::memcpy(&(*enc)[at], &v, 8); }

// --- value_store.cpp
// Checks that an encoding is well formed for t (image size, offsets and
// lengths inside the encoding).
Status checkEncoding(const GoType& t, std::string_view enc);
// Writes the value at addr (t.size bytes), allocating fresh heap objects for
// its string bytes and slice backing arrays, as the caller's values would be.
void writeValue(SimHeap& heap, uint64_t addr, const GoType& t, std::string_view enc);
// Reads the value at addr back into an encoding.
std::string readValue(const SimHeap& heap, uint64_t addr, const GoType& t);
// The heap bytes writeValue may allocate for enc (for the room checks).
uint64_t valueHeapBytes(const GoType& t, std::string_view enc);

// --- type_hash.cpp
// The pieces of the map's hasher the generated hash functions call.
struct HashPrimitives {
  std::function<uint64_t(const uint8_t* p, uint64_t seed, size_t n)> memhash;
  // Drawn once per NaN hashed: fastrand's 32 bits in Go 1.14, rand()'s 64 in Go 1.26.
  std::function<uint64_t()> fastrand;
};
// The hash function Go 1.14's compiler gives key type t (hasherName), applied
// to enc with seed.
uint64_t typeHash(const GoType& t, std::string_view enc, uint64_t seed, const HashPrimitives& fns);
// Go's == on two values of t (floats by value: NaN unequal, +0 == -0).
bool valuesEqual(const GoType& t, std::string_view a, std::string_view b);

// --- value_text.cpp
// A value written in Go's composite-literal style without the type:
// `{1, "a"}`, `{1, 2, 3}`, `(1+2i)`, `true`, `nil` (a nil slice).
// A top-level string is the token itself (already unquoted by the scenario
// parser); strings inside composites are double-quoted.
Status parseValue(const GoType& t, std::string_view text, std::string* enc);
// fmt.Sprint of the value.
std::string formatValue(const GoType& t, std::string_view enc);
// The literal that parseValue reads back as the same value (for tools that
// rewrite scenarios).
std::string literalValue(const GoType& t, std::string_view enc);
// The value `fill` and `collide` generate for number n (documented in
// core/README.md, "Keys that fill generates").
std::string generatedValue(const GoType& t, uint64_t n);

}  // namespace gomap
