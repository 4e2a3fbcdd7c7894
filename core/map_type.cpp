#include "map_type.h"

#include <cstdlib>

namespace gomap {
namespace {

std::string typeName(bool isInt, uint32_t size, bool isString, bool isFloat) {
  if (isString) return "string";
  if (isFloat) return "float64";
  if (isInt) return size == 4 ? "int32" : "int64";
  return "[" + std::to_string(size) + "]byte";
}

Status parseTypeName(const std::string& t, bool forKey, uint32_t* len, int* kind) {
  // kind: 0 int64, 1 int32, 2 string, 3 float64, 4 bytes
  if (t == "int64") return *kind = 0, Status::ok();
  if (forKey && t == "int32") return *kind = 1, Status::ok();
  if (forKey && t == "string") return *kind = 2, Status::ok();
  if (forKey && t == "float64") return *kind = 3, Status::ok();
  if (t.size() > 6 && t[0] == '[' && t.compare(t.size() - 5, 5, "]byte") == 0) {
    std::string digits = t.substr(1, t.size() - 6);
    bool allDigits = !digits.empty() && digits.size() <= 4;
    for (char c : digits) allDigits = allDigits && c >= '0' && c <= '9';
    if (allDigits) {
      int n = std::atoi(digits.c_str());
      if (n >= 1 && n <= kMaxArrayLen) {
        *len = uint32_t(n);
        return *kind = 4, Status::ok();
      }
    }
    return Status::error("array length in '" + t + "' must be 1 to " +
                         std::to_string(kMaxArrayLen));
  }
  return Status::error(std::string("unsupported ") + (forKey ? "key" : "element") + " type '" +
                       t + "' (" +
                       (forKey ? "int64, int32, string, float64 or [N]byte" : "int64 or [N]byte") +
                       ")");
}

}  // namespace

Status MapType::make(KeyKind key, uint32_t keyLen, ElemKind elem, uint32_t elemLen, MapType* out) {
  MapType t;
  t.key = key;
  t.elem = elem;
  switch (key) {
    case KeyKind::Int64: case KeyKind::Float64: t.keyTypeSize = 8; break;
    case KeyKind::Int32: t.keyTypeSize = 4; break;
    case KeyKind::String: t.keyTypeSize = 16; break;
    case KeyKind::Bytes: t.keyTypeSize = keyLen; break;
  }
  t.elemTypeSize = elem == ElemKind::Int64 ? 8 : elemLen;
  if (t.keyTypeSize < 1 || t.keyTypeSize > kMaxArrayLen || t.elemTypeSize < 1 ||
      t.elemTypeSize > kMaxArrayLen) {
    return Status::error("array length must be 1 to " + std::to_string(kMaxArrayLen));
  }
  t.indirectKey = t.keyTypeSize > kMaxInlineSize;
  t.indirectElem = t.elemTypeSize > kMaxInlineSize;
  t.keysize = uint8_t(t.indirectKey ? kPtrSize : t.keyTypeSize);
  t.elemsize = uint8_t(t.indirectElem ? kPtrSize : t.elemTypeSize);
  t.bucketsize = uint16_t(kDataOffset + kBucketCnt * (t.keysize + t.elemsize) + kPtrSize);
  t.reflexiveKey = key != KeyKind::Float64;
  t.needKeyUpdate = key == KeyKind::Float64 || key == KeyKind::String;
  t.bucketHasPointers = key == KeyKind::String || t.indirectKey || t.indirectElem;

  // Compiler routing (cmd/compile mapfast): a big elem forces the generic
  // path; otherwise plain 4- and 8-byte keys and strings get fast paths.
  // Floats never do (their equality is not bitwise).
  if (t.elemTypeSize > kMaxInlineSize) {
    t.variant = Variant::Generic;
  } else if (key == KeyKind::String) {
    t.variant = Variant::FastStr;
  } else if (key == KeyKind::Int64 || (key == KeyKind::Bytes && keyLen == 8)) {
    t.variant = Variant::Fast64;
  } else if (key == KeyKind::Int32 || (key == KeyKind::Bytes && keyLen == 4)) {
    t.variant = Variant::Fast32;
  } else {
    t.variant = Variant::Generic;
  }
  *out = t;
  return Status::ok();
}

std::string MapType::name() const {
  std::string k = typeName(isIntegerKey(), keyTypeSize, key == KeyKind::String,
                           key == KeyKind::Float64);
  std::string v = elem == ElemKind::Int64 ? "int64" : "[" + std::to_string(elemTypeSize) + "]byte";
  return "map[" + k + "]" + v;
}

Status parseMapType(const std::string& text, MapType* out) {
  if (text.compare(0, 4, "map[") != 0) {
    return Status::error("map type must look like map[K]V, got '" + text + "'");
  }
  // The key may itself contain brackets ([8]byte), so find the matching ']'.
  size_t depth = 1, i = 4;
  for (; i < text.size() && depth > 0; ++i) {
    if (text[i] == '[') ++depth;
    if (text[i] == ']') --depth;
  }
  if (depth != 0 || i >= text.size()) {
    return Status::error("map type must look like map[K]V, got '" + text + "'");
  }
  std::string keyName = text.substr(4, i - 5);
  std::string elemName = text.substr(i);
  uint32_t keyLen = 0, elemLen = 0;
  int keyKind = 0, elemKind = 0;
  if (Status s = parseTypeName(keyName, true, &keyLen, &keyKind); !s) return s;
  if (Status s = parseTypeName(elemName, false, &elemLen, &elemKind); !s) return s;
  static constexpr KeyKind kKeys[] = {KeyKind::Int64, KeyKind::Int32, KeyKind::String,
                                      KeyKind::Float64, KeyKind::Bytes};
  return MapType::make(kKeys[keyKind], keyLen, elemKind == 0 ? ElemKind::Int64 : ElemKind::Bytes,
                       elemLen, out);
}

}  // namespace gomap
