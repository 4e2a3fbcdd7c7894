// A Go type as the map sees it: the tree of a key or element type written in
// a scenario (`struct{A int8; B string}`, `[3]float64`, `[]byte`), laid out
// as Go's compiler lays it out for a 64-bit target (sizes, alignment,
// padding), and classified the way the compiler classifies it for hashing
// and equality (its "alg kind"), which decides the map's hash function and
// the runtime variant (generic, fast32, fast64, faststr).
// Contract: docs/scenario-format.md, "Go's other types".
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace gomap {

enum class GoKind : uint8_t {
  Bool,
  Int8,
  Int16,
  Int32,
  Int64,
  Int,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
  Uint,
  Uintptr,
  Float32,
  Float64,
  Complex64,
  Complex128,
  String,
  Array,
  Struct,
  Slice
};

// How the compiler hashes and compares a type (cmd/compile's algtype1): plain
// memory, one of the special scalars, a compound that needs a generated
// function, or not comparable at all.
enum class GoAlg : uint8_t { Mem, String, Float32, Float64, Complex64, Complex128, Special, NoEq };

struct GoType;
using GoTypePtr = std::shared_ptr<const GoType>;

struct GoField {
  std::string name;
  GoTypePtr type;
  uint64_t offset = 0;
};

struct GoType {
  GoKind kind = GoKind::Int64;
  uint64_t size = 0;
  uint64_t align = 1;
  uint64_t len = 0;             // arrays
  GoTypePtr elem;               // arrays and slices
  std::vector<GoField> fields;  // structs
  GoAlg alg = GoAlg::Mem;
  bool hasPointers = false;    // holds a string or slice header
  bool reflexive = true;       // x == x for every x (false with a float inside)
  bool needKeyUpdate = false;  // an equal key may differ in bytes (±0, string data)
  std::string name;            // canonical text, e.g. struct{X int32; Y int32}

  bool isInteger() const { return kind <= GoKind::Uintptr && kind != GoKind::Bool; }
  bool isSigned() const { return kind >= GoKind::Int8 && kind <= GoKind::Int; }
  // A struct field i is followed by padding (cmd/compile's IsPaddedField).
  bool paddedField(size_t i) const;
};

// Limits of the types this playground models (ours, not Go's).
constexpr uint64_t kMaxGoArrayLen = 256;  // elements of any array type
constexpr int kMaxGoTypeDepth = 8;        // nested arrays, structs and slices
constexpr size_t kMaxStructFields = 32;
constexpr uint64_t kMaxGoTypeSize = 4096;  // bytes of a key or element type

// Parses a Go type. `role` ("key" or "element") names it in messages; the
// key role refuses types Go cannot compare (slices), as Go does.
Status parseGoType(std::string_view text, const char* role, GoTypePtr* out);

// A shared instance of a predeclared type ("int64", "string", ...).
GoTypePtr basicGoType(const char* name);

// The compiler's AlgType for a whole key: the alg, and for plain memory its
// width class (0, 1, 2, 4, 8, 16 bytes have their own runtime functions).
inline bool isMem32(const GoType& t) { return t.alg == GoAlg::Mem && t.size == 4; }
inline bool isMem64(const GoType& t) { return t.alg == GoAlg::Mem && t.size == 8; }

// The hash function Go 1.14's compiler attaches to a key type, by name:
// memhash0/8/16/32/64/128, memhash_varlen, strhash, f32hash, f64hash,
// c64hash, c128hash, or the generated ".hash.T".
std::string hasherName(const GoType& t);

}  // namespace gomap
