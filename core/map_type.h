// The map type descriptor: what Go's compiler decides per map[K]V and stores
// in runtime.maptype (slot sizes, bucket size, flags), plus which family of
// runtime functions the compiler routes the map's operations to.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "go_type.h"
#include "status.h"

namespace gomap {

// How the model stores and compares a key. The first five are the types of
// contract version 1 (and the one-string compounds, struct{S string} and
// [1]string, which Go hashes and compares as a string); Plain is any other
// type of plain memory (bytes compared, one memhash); Typed is every other
// comparable type (floats, padding, strings inside compounds), handled
// through its GoType (typed_value.h).
enum class KeyKind : uint8_t { Int64, Int32, String, Float64, Bytes, Plain, Typed };
// int64 elements print as JSON numbers, [N]byte as text; Typed is any other.
enum class ElemKind : uint8_t { Int64, Bytes, Typed };

// Which runtime entry points Go's compiler picks for the key type (spec 6.1).
// They reach the same map states but differ in bytes left behind and in the
// steps they take, so the model follows the one Go would call.
enum class Variant : uint8_t { Generic, Fast32, Fast64, FastStr };

constexpr int kBucketCnt = 8;
constexpr int kDataOffset = 8;       // keys start after the 8 tophash bytes
constexpr int kMaxInlineSize = 128;  // larger keys/elems are stored indirectly
constexpr int kMaxArrayLen = 256;    // [N]byte, N <= 256 (our limit, not Go's)
constexpr int kPtrSize = 8;          // a 64-bit Go target, even on wasm32

struct MapType {
  KeyKind key = KeyKind::String;
  ElemKind elem = ElemKind::Int64;
  uint32_t keyTypeSize = 16;  // size of K itself (string header is 16 bytes)
  uint32_t elemTypeSize = 8;

  uint8_t keysize = 16;  // size of a key slot (8 when indirect)
  uint8_t elemsize = 8;
  uint16_t bucketsize = 208;
  bool indirectKey = false;
  bool indirectElem = false;
  bool reflexiveKey = true;   // k == k for every k (false for floats: NaN)
  bool needKeyUpdate = true;  // overwrite the stored key on update (floats, strings)
  bool bucketHasPointers = true;
  Variant variant = Variant::FastStr;

  // The Go types of K and V (set by parseMapType and make). A key or elem
  // with "tails" is passed as an encoding longer than its size (typed_value.h).
  GoTypePtr keyGo = basicGoType("string");
  GoTypePtr elemGo = basicGoType("int64");
  bool keyTails = false;
  bool elemTails = false;
  bool keyHasPointers = true;  // a delete on the generic path zeroes the key
  bool legacyKeyText = true;   // printed as in contract version 1
  bool legacyElemText = true;

  // Validates and derives everything from K and V. keyLen/elemLen are N for
  // [N]byte and ignored otherwise.
  static Status make(KeyKind key, uint32_t keyLen, ElemKind elem, uint32_t elemLen, MapType* out);
  // Any modelled key and element types (cmd/compile's choices for them).
  static Status fromGo(const GoTypePtr& key, const GoTypePtr& elem, MapType* out);

  uint64_t keyOffset(int slot) const { return kDataOffset + uint64_t(slot) * keysize; }
  uint64_t elemOffset(int slot) const {
    return kDataOffset + uint64_t(kBucketCnt) * keysize + uint64_t(slot) * elemsize;
  }
  uint64_t overflowOffset() const { return bucketsize - kPtrSize; }

  // The runtime.maptype flags word, as Go 1.14's compiler sets it.
  uint32_t flags() const {
    return (indirectKey ? 1u : 0u) | (indirectElem ? 2u : 0u) | (reflexiveKey ? 4u : 0u) |
           (needKeyUpdate ? 8u : 0u);
  }
  bool isIntegerKey() const { return key == KeyKind::Int64 || key == KeyKind::Int32; }
  std::string name() const;  // "map[string]int64"
  // The hash function the compiler gives K (go_type.h hasherName) and the
  // variant's name, for the layout panel and messages.
  std::string hasherName() const;
  const char* variantName() const;
};

// Parses "map[K]V" as written in a scenario: K any comparable modelled type,
// V any modelled type (contract: docs/scenario-format.md, "Go's other types").
Status parseMapType(const std::string& text, MapType* out);

// Whether `key` needs no further look to be a key of `t`: a plain key of the
// type's size, or a string within the limit. Both models check this first on
// every operation, so it stays inline.
inline bool keyBytesFit(const MapType& t, uint64_t maxStringKeyBytes, std::string_view key) {
  return t.key == KeyKind::String ? key.size() <= maxStringKeyBytes
                                  : !t.keyTails && key.size() == t.keyTypeSize;
}
// Why `key` (or `elem`) is not one of `t`'s, or success: the same words for
// both models.
Status checkKeyBytes(const MapType& t, uint64_t maxStringKeyBytes, std::string_view key);
Status checkElemBytes(const MapType& t, std::string_view elem);

}  // namespace gomap
