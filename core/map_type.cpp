#include "map_type.h"

#include "typed_value.h"

namespace gomap {
namespace {

bool isByteArray(const GoType& t) {
  return t.kind == GoKind::Array && t.elem->kind == GoKind::Uint8 && t.len >= 1 && t.len <= kMaxArrayLen;
}

}  // namespace

Status MapType::make(KeyKind key, uint32_t keyLen, ElemKind elem, uint32_t elemLen, MapType* out) {
  auto byteArray = [](uint32_t n) { return "[" + std::to_string(n) + "]byte"; };
  std::string k, v;
  switch (key) {
    case KeyKind::Int64: k = "int64"; break;
    case KeyKind::Int32: k = "int32"; break;
    case KeyKind::String: k = "string"; break;
    case KeyKind::Float64: k = "float64"; break;
    case KeyKind::Bytes: k = byteArray(keyLen); break;
    default: return Status::error("MapType::make takes the contract version 1 kinds; use parseMapType");
  }
  if (elem == ElemKind::Typed) return Status::error("MapType::make takes int64 or [N]byte elements");
  v = elem == ElemKind::Int64 ? "int64" : byteArray(elemLen);
  if ((key == KeyKind::Bytes && (keyLen < 1 || keyLen > kMaxArrayLen)) ||
      (elem == ElemKind::Bytes && (elemLen < 1 || elemLen > kMaxArrayLen))) {
    return Status::error("array length must be 1 to " + std::to_string(kMaxArrayLen));
  }
  GoTypePtr kt, vt;
  if (Status s = parseGoType(k, "key", &kt); !s.ok()) return s;
  if (Status s = parseGoType(v, "element", &vt); !s.ok()) return s;
  return fromGo(kt, vt, out);
}

Status MapType::fromGo(const GoTypePtr& kp, const GoTypePtr& vp, MapType* out) {
  const GoType& k = *kp;
  const GoType& v = *vp;
  if (k.alg == GoAlg::NoEq) return Status::error("key type " + k.name + " is not comparable");
  MapType t;
  t.keyGo = kp;
  t.elemGo = vp;
  t.legacyKeyText = true;
  if (k.kind == GoKind::Int64)
    t.key = KeyKind::Int64;
  else if (k.kind == GoKind::Int32)
    t.key = KeyKind::Int32;
  else if (k.kind == GoKind::String)
    t.key = KeyKind::String;
  else if (k.kind == GoKind::Float64)
    t.key = KeyKind::Float64;
  else if (isByteArray(k))
    t.key = KeyKind::Bytes;
  else {
    t.legacyKeyText = false;
    // struct{S string} and [1]string hash and compare as a string (and take
    // the faststr variant): stored as one, printed as what they are.
    t.key = k.alg == GoAlg::Mem ? KeyKind::Plain : k.alg == GoAlg::String ? KeyKind::String : KeyKind::Typed;
    t.keyTails = t.key == KeyKind::Typed && k.hasPointers;
  }
  if (v.kind == GoKind::Int64)
    t.elem = ElemKind::Int64;
  else if (isByteArray(v))
    t.elem = ElemKind::Bytes;
  else {
    t.elem = ElemKind::Typed;
    t.legacyElemText = false;
    t.elemTails = v.hasPointers;
  }
  t.keyTypeSize = uint32_t(k.size);
  t.elemTypeSize = uint32_t(v.size);
  t.indirectKey = k.size > kMaxInlineSize;
  t.indirectElem = v.size > kMaxInlineSize;
  t.keysize = uint8_t(t.indirectKey ? kPtrSize : k.size);
  t.elemsize = uint8_t(t.indirectElem ? kPtrSize : v.size);
  // tophash[8], keys[8], elems[8], then the overflow pointer; every part is
  // a multiple of 8 bytes, so the pointer is aligned and ends the bucket.
  t.bucketsize = uint16_t(kDataOffset + kBucketCnt * (t.keysize + t.elemsize) + kPtrSize);
  t.reflexiveKey = k.reflexive;
  t.needKeyUpdate = k.needKeyUpdate;
  t.keyHasPointers = k.hasPointers;
  t.bucketHasPointers = k.hasPointers || v.hasPointers || t.indirectKey || t.indirectElem;

  // Compiler routing (cmd/compile mapfast): a big elem forces the generic
  // path; otherwise plain 4- and 8-byte keys (none of ours holds a pointer)
  // and string-like keys get fast paths. Floats never do (their equality is
  // not bitwise).
  if (v.size > kMaxInlineSize)
    t.variant = Variant::Generic;
  else if (k.alg == GoAlg::String)
    t.variant = Variant::FastStr;
  else if (isMem64(k))
    t.variant = Variant::Fast64;
  else if (isMem32(k))
    t.variant = Variant::Fast32;
  else
    t.variant = Variant::Generic;
  *out = t;
  return Status::success();
}

std::string MapType::name() const {
  return "map[" + (keyGo ? keyGo->name : "?") + "]" + (elemGo ? elemGo->name : "?");
}

std::string MapType::hasherName() const { return keyGo ? gomap::hasherName(*keyGo) : "?"; }

const char* MapType::variantName() const {
  switch (variant) {
    case Variant::Fast32: return "fast32";
    case Variant::Fast64: return "fast64";
    case Variant::FastStr: return "faststr";
    default: return "generic";
  }
}

Status parseMapType(const std::string& text, MapType* out) {
  if (text.compare(0, 4, "map[") != 0) {
    return Status::error("map type must look like map[K]V, got '" + text + "'");
  }
  // The key may itself contain brackets ([8]byte, struct{A [2]int8}), so
  // find the matching ']'.
  size_t depth = 1, i = 4;
  for (; i < text.size() && depth > 0; ++i) {
    if (text[i] == '[') ++depth;
    if (text[i] == ']') --depth;
  }
  if (depth != 0 || i >= text.size()) {
    return Status::error("map type must look like map[K]V, got '" + text + "'");
  }
  GoTypePtr key, elem;
  if (Status s = parseGoType(std::string_view(text).substr(4, i - 5), "key", &key); !s.ok()) return s;
  if (Status s = parseGoType(std::string_view(text).substr(i), "element", &elem); !s.ok()) return s;
  return MapType::fromGo(key, elem, out);
}

namespace {
// A value's bytes against its Go type: an encoding with tails (strings,
// slices) checked whole, plain memory by its size. `what` names it in the
// message ("key" or "element").
Status checkValueBytes(const MapType& t, const char* what, bool tails, const GoType& go, uint64_t size,
                       std::string_view bytes) {
  if (tails) {
    if (Status s = checkEncoding(go, bytes); !s.ok())
      return Status::error(std::string(what) + " for " + t.name() + ": " + s.message());
    return Status::success();
  }
  if (bytes.size() != size) {
    return Status::error(std::string(what) + " must be " + std::to_string(size) + " bytes for " + t.name() +
                         ", got " + std::to_string(bytes.size()));
  }
  return Status::success();
}
}  // namespace

Status checkKeyBytes(const MapType& t, uint64_t maxStringKeyBytes, std::string_view key) {
  if (t.key == KeyKind::String) {
    if (key.size() > maxStringKeyBytes) {
      return Status::error("string key of " + std::to_string(key.size()) + " bytes is over the limit of " +
                           std::to_string(maxStringKeyBytes));
    }
    return Status::success();
  }
  return checkValueBytes(t, "key", t.keyTails, *t.keyGo, t.keyTypeSize, key);
}

Status checkElemBytes(const MapType& t, std::string_view elem) {
  return checkValueBytes(t, "element", t.elemTails, *t.elemGo, t.elemTypeSize, elem);
}

}  // namespace gomap
