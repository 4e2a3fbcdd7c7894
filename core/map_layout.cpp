#include "map_layout.h"

#include "swiss/swiss_layout.h"

namespace gomap {
namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Bytes of t that belong to no value: padding between and after struct
// fields, at every level.
uint64_t paddingBytes(const GoType& t) {
  switch (t.kind) {
    case GoKind::Array: return t.len * paddingBytes(*t.elem);
    case GoKind::Struct: {
      uint64_t pad = 0, used = 0;
      for (const GoField& f : t.fields) {
        pad += paddingBytes(*f.type);
        used += f.type->size;
      }
      return pad + (t.size - used);
    }
    default: return 0;
  }
}

std::string typeJson(const GoType& t) {
  std::string out = "{\"name\":" + quoted(t.name) + ",\"size\":" + std::to_string(t.size) +
                    ",\"align\":" + std::to_string(t.align) +
                    ",\"padding\":" + std::to_string(paddingBytes(t));
  if (t.kind == GoKind::Struct) {
    out += ",\"fields\":[";
    for (size_t i = 0; i < t.fields.size(); ++i) {
      const GoField& f = t.fields[i];
      out += std::string(i ? "," : "") + "{\"name\":" + quoted(f.name) + ",\"type\":" + quoted(f.type->name) +
             ",\"offset\":" + std::to_string(f.offset) + ",\"size\":" + std::to_string(f.type->size) + "}";
    }
    out += "]";
  }
  return out + "}";
}

}  // namespace

std::string mapLayoutJson(const MapType& t) {
  auto flag = [](bool v) { return std::string(v ? "true" : "false"); };
  std::string out =
      "{\"type\":" + quoted(t.name()) + ",\"key\":" + typeJson(*t.keyGo) + ",\"elem\":" + typeJson(*t.elemGo);
  out += ",\"keysize\":" + std::to_string(t.keysize) + ",\"elemsize\":" + std::to_string(t.elemsize) +
         ",\"bucketsize\":" + std::to_string(t.bucketsize) +
         ",\"keysOffset\":" + std::to_string(kDataOffset) +
         ",\"elemsOffset\":" + std::to_string(t.elemOffset(0)) +
         ",\"overflowOffset\":" + std::to_string(t.overflowOffset());
  out += ",\"indirectKey\":" + flag(t.indirectKey) + ",\"indirectElem\":" + flag(t.indirectElem) +
         ",\"reflexiveKey\":" + flag(t.reflexiveKey) + ",\"needKeyUpdate\":" + flag(t.needKeyUpdate) +
         ",\"flags\":" + std::to_string(t.flags()) + ",\"bucketHasPointers\":" + flag(t.bucketHasPointers);
  out += ",\"hasher\":" + quoted(t.hasherName()) + ",\"variant\":" + quoted(t.variantName());
  // Go 1.26's Swiss map of the same type: key and elem interleaved per slot.
  const swiss::SwissLayout s = swiss::SwissLayout::of(t);
  out += ",\"swiss\":{\"slotSize\":" + std::to_string(s.slotSize) +
         ",\"elemOff\":" + std::to_string(s.elemOff) + ",\"groupSize\":" + std::to_string(s.groupSize) +
         ",\"flags\":" + std::to_string(s.flags) + ",\"prunes\":" + flag(s.prunes) + "}}";
  return out;
}

}  // namespace gomap
