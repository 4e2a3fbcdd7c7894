// Parsing Go type text into a GoType and laying it out as cmd/compile does
// for a 64-bit target (its dowidth/widstruct and algtype1 rules).
#include "go_type.h"

#include <algorithm>
#include <cassert>

namespace gomap {
namespace {

struct Basic {
  const char* name;
  GoKind kind;
  uint64_t size, align;
};

constexpr Basic kBasics[] = {
    {"bool", GoKind::Bool, 1, 1},
    {"int8", GoKind::Int8, 1, 1},
    {"int16", GoKind::Int16, 2, 2},
    {"int32", GoKind::Int32, 4, 4},
    {"rune", GoKind::Int32, 4, 4},
    {"int64", GoKind::Int64, 8, 8},
    {"int", GoKind::Int, 8, 8},
    {"uint8", GoKind::Uint8, 1, 1},
    {"byte", GoKind::Uint8, 1, 1},
    {"uint16", GoKind::Uint16, 2, 2},
    {"uint32", GoKind::Uint32, 4, 4},
    {"uint64", GoKind::Uint64, 8, 8},
    {"uint", GoKind::Uint, 8, 8},
    {"uintptr", GoKind::Uintptr, 8, 8},
    {"float32", GoKind::Float32, 4, 4},
    {"float64", GoKind::Float64, 8, 8},
    {"complex64", GoKind::Complex64, 8, 4},
    {"complex128", GoKind::Complex128, 16, 8},
    {"string", GoKind::String, 16, 8},
};

const char* canonicalBasicName(GoKind k) {
  for (const Basic& b : kBasics) {
    if (b.kind == k) return b.name;  // the first entry of a kind is its Go name
  }
  return "?";
}

uint64_t roundUp(uint64_t o, uint64_t a) { return (o + a - 1) / a * a; }

bool isIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isIdentChar(char c) { return isIdentStart(c) || (c >= '0' && c <= '9'); }

class TypeParser {
 public:
  TypeParser(std::string_view text, const char* role) : s_(text), role_(role) {}

  Status parseWhole(GoTypePtr* out) {
    if (Status st = parseType(0, out); !st.ok()) return st;
    skipBlanks();
    if (i_ != s_.size()) return fail("unexpected '" + std::string(s_.substr(i_, 20)) + "' after the type");
    return Status::success();
  }

 private:
  Status fail(const std::string& why) const {
    return Status::error(std::string(role_) + " type '" + std::string(s_.substr(0, 80)) + "': " + why +
                         " (at column " + std::to_string(i_ + 1) + ")");
  }
  void skipBlanks() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
  }
  std::string ident() {
    size_t j = i_;
    while (j < s_.size() && isIdentChar(s_[j])) ++j;
    std::string id(s_.substr(i_, j - i_));
    i_ = j;
    return id;
  }
  bool accept(char c) {
    skipBlanks();
    if (i_ < s_.size() && s_[i_] == c) return ++i_, true;
    return false;
  }

  Status parseType(int depth, GoTypePtr* out) {
    skipBlanks();
    if (depth > kMaxGoTypeDepth) {
      return fail("types nested more than " + std::to_string(kMaxGoTypeDepth) + " deep are not modelled");
    }
    if (i_ >= s_.size()) return fail("a type is missing");
    const char c = s_[i_];
    if (c == '*') return fail("pointer types are not modelled by this playground");
    if (c == '[') return parseArrayOrSlice(depth, out);
    if (!isIdentStart(c)) return fail("'" + std::string(1, c) + "' does not start a type");
    const size_t start = i_;
    std::string id = ident();
    if (id == "struct") return parseStruct(depth, out);
    if (id == "map") return fail("map types are not comparable and are not modelled inside a map");
    if (id == "func") {
      i_ = start;
      return fail("func types are not comparable: Go refuses them as map keys, and they are not modelled");
    }
    if (id == "chan") return fail("channel types are not modelled by this playground");
    if (id == "interface" || id == "any" || id == "error") {
      i_ = start;
      return fail("interface types are not modelled by this playground");
    }
    if (id == "complex" || id == "float" || id == "uint128") {
      i_ = start;
      return fail("unknown type name '" + id + "'");
    }
    for (const Basic& b : kBasics) {
      if (id == b.name) {
        auto t = std::make_shared<GoType>();
        t->kind = b.kind;
        t->size = b.size;
        t->align = b.align;
        t->name = canonicalBasicName(b.kind);
        switch (b.kind) {
          case GoKind::String:
            t->alg = GoAlg::String;
            t->hasPointers = true;
            t->needKeyUpdate = true;
            break;
          case GoKind::Float32: t->alg = GoAlg::Float32; break;
          case GoKind::Float64: t->alg = GoAlg::Float64; break;
          case GoKind::Complex64: t->alg = GoAlg::Complex64; break;
          case GoKind::Complex128: t->alg = GoAlg::Complex128; break;
          default: t->alg = GoAlg::Mem; break;
        }
        if (t->alg >= GoAlg::Float32 && t->alg <= GoAlg::Complex128) {
          t->reflexive = false;
          t->needKeyUpdate = true;
        }
        *out = t;
        return Status::success();
      }
    }
    i_ = start;
    return fail("unknown type name '" + id + "'");
  }

  Status parseArrayOrSlice(int depth, GoTypePtr* out) {
    ++i_;  // '['
    skipBlanks();
    auto t = std::make_shared<GoType>();
    if (accept(']')) {
      t->kind = GoKind::Slice;
      if (Status st = parseType(depth + 1, &t->elem); !st.ok()) return st;
      t->size = 24;
      t->align = 8;
      t->alg = GoAlg::NoEq;
      t->hasPointers = true;
      t->name = "[]" + t->elem->name;
      *out = t;
      return Status::success();
    }
    const size_t numStart = i_;
    uint64_t n = 0;
    bool digits = false;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') {
      digits = true;
      n = std::min<uint64_t>(n * 10 + uint64_t(s_[i_] - '0'), kMaxGoArrayLen + 1);
      ++i_;
    }
    if (!digits) {
      i_ = numStart;
      return fail("an array length must be a decimal number");
    }
    if (n > kMaxGoArrayLen) {
      const std::string digitsText(s_.substr(numStart, i_ - numStart));
      i_ = numStart;
      return fail("array length " + digitsText + " is over this playground's limit of " +
                  std::to_string(kMaxGoArrayLen));
    }
    if (!accept(']')) return fail("']' expected after the array length");
    t->kind = GoKind::Array;
    t->len = n;
    if (Status st = parseType(depth + 1, &t->elem); !st.ok()) return st;
    const GoType& e = *t->elem;
    t->size = n * e.size;
    t->align = e.align;
    t->hasPointers = n > 0 && e.hasPointers;
    t->reflexive = e.reflexive;
    t->needKeyUpdate = e.needKeyUpdate;
    if (e.alg == GoAlg::Mem || e.alg == GoAlg::NoEq)
      t->alg = e.alg;
    else if (n == 0)
      t->alg = GoAlg::Mem;
    else if (n == 1)
      t->alg = e.alg;
    else
      t->alg = GoAlg::Special;
    t->name = "[" + std::to_string(n) + "]" + (e.kind == GoKind::Uint8 ? std::string("byte") : e.name);
    if (t->size > kMaxGoTypeSize) return fail(sizeMessage(*t));
    *out = t;
    return Status::success();
  }

  std::string sizeMessage(const GoType& t) const {
    return "a " + std::to_string(t.size) + "-byte type is over this playground's limit of " +
           std::to_string(kMaxGoTypeSize) + " bytes";
  }

  Status parseStruct(int depth, GoTypePtr* out) {
    if (!accept('{')) return fail("'{' expected after struct");
    auto t = std::make_shared<GoType>();
    t->kind = GoKind::Struct;
    for (;;) {
      skipBlanks();
      if (accept('}')) break;
      // One declaration: Name {, Name} Type
      std::vector<std::string> names;
      for (;;) {
        skipBlanks();
        const size_t at = i_;
        if (i_ >= s_.size() || !isIdentStart(s_[i_])) return fail("a field name is expected");
        std::string id = ident();
        if (id == "_") {
          i_ = at;
          return fail("blank fields (_) are not modelled");
        }
        if (!(id[0] >= 'A' && id[0] <= 'Z')) {
          i_ = at;
          return fail("field '" + id + "' must be exported (start with a capital letter)");
        }
        for (const GoField& f : t->fields) {
          if (f.name == id) return i_ = at, fail("duplicate field " + id);
        }
        for (const std::string& other : names) {
          if (other == id) return i_ = at, fail("duplicate field " + id);
        }
        names.push_back(id);
        if (!accept(',')) break;
      }
      skipBlanks();
      if (i_ < s_.size() && (s_[i_] == ';' || s_[i_] == '}')) {
        return fail("embedded fields are not modelled; write a name and a type");
      }
      GoTypePtr ft;
      if (Status st = parseType(depth + 1, &ft); !st.ok()) return st;
      for (std::string& n : names) t->fields.push_back({std::move(n), ft, 0});
      if (t->fields.size() > kMaxStructFields) {
        return fail("structs of more than " + std::to_string(kMaxStructFields) + " fields are not modelled");
      }
      if (accept(';')) continue;
      if (accept('}')) break;
      return fail("';' or '}' expected after a field");
    }
    layoutStruct(t.get());
    if (t->size > kMaxGoTypeSize) return fail(sizeMessage(*t));
    *out = t;
    return Status::success();
  }

  // cmd/compile's widstruct and algtype1 for a struct.
  static void layoutStruct(GoType* t) {
    uint64_t o = 0, maxAlign = 1, lastZero = 0;
    std::string name = "struct{";
    for (size_t i = 0; i < t->fields.size(); ++i) {
      GoField& f = t->fields[i];
      maxAlign = std::max(maxAlign, f.type->align);
      o = roundUp(o, f.type->align);
      f.offset = o;
      if (f.type->size == 0) lastZero = o;
      o += f.type->size;
      t->hasPointers = t->hasPointers || f.type->hasPointers;
      t->reflexive = t->reflexive && f.type->reflexive;
      t->needKeyUpdate = t->needKeyUpdate || f.type->needKeyUpdate;
      name += (i ? "; " : "") + f.name + " " + f.type->name;
    }
    // A non-empty struct ending in a zero-size field gets a byte of padding,
    // so the field's address cannot point past the object.
    if (o > 0 && o == lastZero) ++o;
    t->size = roundUp(o, maxAlign);
    t->align = maxAlign;
    t->name = name + "}";
    if (t->fields.size() == 1) {
      t->alg = t->fields[0].type->alg;  // a one-field struct is its field
      return;
    }
    t->alg = GoAlg::Mem;
    for (size_t i = 0; i < t->fields.size(); ++i) {
      GoAlg a = t->fields[i].type->alg;
      if (a == GoAlg::NoEq) {
        t->alg = GoAlg::NoEq;
        return;
      }
      if (a != GoAlg::Mem || t->paddedField(i)) t->alg = GoAlg::Special;
    }
  }

  std::string_view s_;
  const char* role_;
  size_t i_ = 0;
};

}  // namespace

bool GoType::paddedField(size_t i) const {
  const uint64_t end = i + 1 < fields.size() ? fields[i + 1].offset : size;
  return fields[i].offset + fields[i].type->size != end;
}

Status parseGoType(std::string_view text, const char* role, GoTypePtr* out) {
  TypeParser p(text, role);
  GoTypePtr t;
  if (Status s = p.parseWhole(&t); !s.ok()) return s;
  if (std::string(role) == "key" && t->alg == GoAlg::NoEq) {
    return Status::error("key type '" + std::string(text.substr(0, 80)) +
                         "' is not comparable (it holds a slice): Go refuses it as a map key");
  }
  *out = t;
  return Status::success();
}

namespace {
// The names passed here are spelled in our own code, so a refusal is a bug.
GoTypePtr parseBuiltIn(const char* name) {
  GoTypePtr t;
  const Status parsed = parseGoType(name, "key", &t);
  assert(parsed.ok() && "basicGoType takes a basic type's name");
  (void)parsed;
  return t;
}
}  // namespace

GoTypePtr basicGoType(const char* name) {
  static const GoTypePtr kString = parseBuiltIn("string");
  static const GoTypePtr kInt64 = parseBuiltIn("int64");
  if (std::string_view(name) == "string") return kString;
  if (std::string_view(name) == "int64") return kInt64;
  return parseBuiltIn(name);
}

std::string hasherName(const GoType& t) {
  switch (t.alg) {
    case GoAlg::Mem:
      switch (t.size) {
        case 0: return "memhash0";
        case 1: return "memhash8";
        case 2: return "memhash16";
        case 4: return "memhash32";
        case 8: return "memhash64";
        case 16: return "memhash128";
        default: return "memhash_varlen";
      }
    case GoAlg::String: return "strhash";
    case GoAlg::Float32: return "f32hash";
    case GoAlg::Float64: return "f64hash";
    case GoAlg::Complex64: return "c64hash";
    case GoAlg::Complex128: return "c128hash";
    default: return ".hash." + t.name;
  }
}

}  // namespace gomap
