// Values of any modelled type as text: Go's composite-literal style in
// (positional, complete, no type), fmt.Sprint style out, and the values
// `fill` generates. Contract: docs/scenario-format.md, "Go's other types".
#include <cmath>
#include <cstring>
#include <limits>

#include "key_text.h"
#include "typed_value.h"

namespace gomap {
namespace {

constexpr uint64_t kMaxSliceLen = 4096;  // elements in one slice literal

std::string shown(std::string_view s) {
  std::string out(s.substr(0, 40));
  if (s.size() > 40) out += "...";
  return "'" + out + "'";
}

// Stores an integer of t's width (two's complement, little-endian).
void storeInt(std::string* enc, uint64_t at, uint64_t v, uint64_t size) {
  std::memcpy(&(*enc)[at], &v, size);
}

// Reads an integer of t into 64 bits, sign-extended for signed kinds.
uint64_t loadInt(const GoType& t, std::string_view enc, uint64_t at) {
  uint64_t v = 0;
  std::memcpy(&v, enc.data() + at, t.size);
  if (t.isSigned() && t.size < 8) {
    const unsigned shift = unsigned(64 - 8 * t.size);
    v = uint64_t(int64_t(v << shift) >> shift);
  }
  return v;
}

class LiteralParser {
 public:
  LiteralParser(std::string_view text, std::string* enc) : s_(text), enc_(enc) {}

  Status parseTop(const GoType& t) {
    if (Status st = parse(t, 0, 0); !st.ok()) return st;
    skipBlanks();
    if (i_ != s_.size()) return fail("unexpected " + shown(s_.substr(i_)) + " after the value");
    return Status::success();
  }

 private:
  Status fail(const std::string& why) const {
    return Status::error("value " + shown(s_) + ": " + why + " (at column " + std::to_string(i_ + 1) + ")");
  }
  void skipBlanks() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
  }
  // A scalar's text: up to the next ',', '}' or blank.
  std::string_view atom() {
    skipBlanks();
    size_t j = i_;
    while (j < s_.size() && s_[j] != ',' && s_[j] != '}' && s_[j] != ' ' && s_[j] != '\t') ++j;
    std::string_view a = s_.substr(i_, j - i_);
    i_ = j;
    return a;
  }

  Status parse(const GoType& t, uint64_t at, int depth) {
    skipBlanks();
    switch (t.kind) {
      case GoKind::Bool: {
        std::string_view a = atom();
        if (a == "true")
          (*enc_)[at] = 1;
        else if (a != "false")
          return fail(shown(a) + " is not a bool (true or false)");
        return Status::success();
      }
      case GoKind::Float32:
      case GoKind::Float64: return parseFloatAt(t.kind == GoKind::Float32 ? 32 : 64, atom(), at);
      case GoKind::Complex64:
      case GoKind::Complex128: return parseComplex(t.kind == GoKind::Complex64 ? 32 : 64, at);
      case GoKind::String: return parseQuotedString(at);
      case GoKind::Array:
      case GoKind::Struct:
      case GoKind::Slice: return parseComposite(t, at, depth);
      default: return parseInteger(t, atom(), at);
    }
  }

  Status parseInteger(const GoType& t, std::string_view a, uint64_t at) {
    const unsigned bits = unsigned(8 * t.size);
    if (t.isSigned()) {
      int64_t v;
      const int64_t lo = bits == 64 ? std::numeric_limits<int64_t>::min() : -(int64_t(1) << (bits - 1));
      const int64_t hi = bits == 64 ? std::numeric_limits<int64_t>::max() : (int64_t(1) << (bits - 1)) - 1;
      if (!parseInt64(a, &v) || v < lo || v > hi) return fail(shown(a) + " is not an " + t.name);
      storeInt(enc_, at, uint64_t(v), t.size);
      return Status::success();
    }
    uint64_t v;
    const uint64_t hi = bits == 64 ? ~uint64_t(0) : (uint64_t(1) << bits) - 1;
    if (!parseUint64(a, &v) || v > hi) return fail(shown(a) + " is not a " + t.name);
    storeInt(enc_, at, v, t.size);
    return Status::success();
  }

  Status parseFloatAt(int bits, std::string_view a, uint64_t at) {
    double d;
    if (Status st = parseGoFloat(a, bits, &d); !st.ok()) return fail(st.message());
    if (bits == 32) {
      float f = std::isnan(d) ? std::numeric_limits<float>::quiet_NaN() : float(d);
      std::memcpy(&(*enc_)[at], &f, 4);
    } else {
      if (std::isnan(d)) {
        const uint64_t goNaN = 0x7FF8000000000001ULL;  // math.NaN()'s bits
        std::memcpy(&(*enc_)[at], &goNaN, 8);
      } else {
        std::memcpy(&(*enc_)[at], &d, 8);
      }
    }
    return Status::success();
  }

  // (re+imi) or (re-imi), as Go prints a complex number; a bare real number
  // is also accepted.
  Status parseComplex(int bits, uint64_t at) {
    skipBlanks();
    const uint64_t part = bits == 32 ? 4 : 8;
    if (i_ >= s_.size() || s_[i_] != '(') {
      std::string_view a = atom();
      return parseFloatAt(bits, a, at);
    }
    const size_t close = s_.find(')', i_);
    if (close == std::string_view::npos) return fail("')' missing in a complex number");
    std::string_view inner = s_.substr(i_ + 1, close - i_ - 1);
    size_t split = std::string_view::npos;
    for (size_t k = 1; k < inner.size(); ++k) {
      if ((inner[k] == '+' || inner[k] == '-') && inner[k - 1] != 'e' && inner[k - 1] != 'E') {
        split = k;
        break;
      }
    }
    if (split == std::string_view::npos || inner.empty() || inner.back() != 'i') {
      return fail("a complex number is written (re+imi), e.g. (1+2i)");
    }
    std::string_view re = inner.substr(0, split);
    std::string_view im = inner.substr(split, inner.size() - split - 1);
    if (im.size() > 1 && im[0] == '+' && (im[1] < '0' || im[1] > '9') && im.substr(1) != "Inf") {
      im.remove_prefix(1);  // +NaN
    }
    if (Status st = parseFloatAt(bits, re, at); !st.ok()) return st;
    if (Status st = parseFloatAt(bits, im, at + part); !st.ok()) return st;
    i_ = close + 1;
    return Status::success();
  }

  Status parseQuotedString(uint64_t at) {
    skipBlanks();
    if (i_ >= s_.size() || s_[i_] != '"')
      return fail("a string inside a composite value is written in double quotes");
    std::string out;
    size_t j = i_ + 1;
    for (;; ++j) {
      if (j >= s_.size()) return fail("unterminated quote");
      char c = s_[j];
      if (c == '"') break;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (++j >= s_.size()) return fail("unterminated quote");
      char e = s_[j];
      if (e == '"' || e == '\\')
        out += e;
      else if (e == 'n')
        out += '\n';
      else if (e == 't')
        out += '\t';
      else if (e == 'r')
        out += '\r';
      else if (e == 'x' && j + 2 < s_.size()) {
        uint64_t v;
        std::string hex = "0x" + std::string(s_.substr(j + 1, 2));
        if (!parseUint64(hex, &v)) return fail("\\x needs two hex digits");
        out += char(v);
        j += 2;
      } else if (e == 'u' && j + 4 < s_.size()) {
        uint64_t cp;
        std::string hex = "0x" + std::string(s_.substr(j + 1, 4));
        if (!parseUint64(hex, &cp) || (cp >= 0xD800 && cp <= 0xDFFF))
          return fail("\\u needs four hex digits of a character");
        if (cp < 0x80)
          out += char(cp);
        else if (cp < 0x800)
          out += char(0xC0 | (cp >> 6)), out += char(0x80 | (cp & 0x3F));
        else
          out += char(0xE0 | (cp >> 12)), out += char(0x80 | ((cp >> 6) & 0x3F)),
              out += char(0x80 | (cp & 0x3F));
        j += 4;
      } else {
        return fail(std::string("unknown escape \\") + e);
      }
    }
    i_ = j + 1;
    appendString(at, out);
    return Status::success();
  }

  void appendString(uint64_t at, const std::string& bytes) {
    if (bytes.empty()) return;  // data 0, length 0
    const uint64_t off = enc_->size();
    enc_->append(bytes);
    setEncodingWord(enc_, at, off);
    setEncodingWord(enc_, at + 8, bytes.size());
  }

  // Elements of the {…} starting at i_, counted without parsing them.
  uint64_t countElements() const {
    size_t j = i_ + 1;
    int depth = 0;
    bool any = false, quoted = false;
    uint64_t commas = 0;
    for (; j < s_.size(); ++j) {
      char c = s_[j];
      if (quoted) {
        if (c == '\\')
          ++j;
        else if (c == '"')
          quoted = false;
        continue;
      }
      if (c == '"')
        quoted = true, any = true;
      else if (c == '{' || c == '(')
        ++depth, any = true;
      else if (c == ')')
        --depth;
      else if (c == '}') {
        if (depth == 0) break;
        --depth;
      } else if (c == ',' && depth == 0)
        ++commas;
      else if (c != ' ' && c != '\t')
        any = true;
    }
    return any ? commas + 1 : 0;
  }

  Status parseComposite(const GoType& t, uint64_t at, int depth) {
    if (depth > kMaxGoTypeDepth + 1) return fail("value nested too deep");
    if (t.kind == GoKind::Slice && s_.substr(i_, 3) == "nil") {
      i_ += 3;
      return Status::success();  // header all zero
    }
    if (i_ >= s_.size() || s_[i_] != '{') {
      return fail(std::string("a ") +
                  (t.kind == GoKind::Struct  ? "struct"
                   : t.kind == GoKind::Array ? "array"
                                             : "slice") +
                  " value is written {…}");
    }
    uint64_t n = 0, elemAt = at;
    const GoType* elem = t.elem.get();
    if (t.kind == GoKind::Slice) {
      n = countElements();
      if (n > kMaxSliceLen)
        return fail("slices of more than " + std::to_string(kMaxSliceLen) + " elements are not modelled");
      elemAt = enc_->size();
      enc_->resize(enc_->size() + n * elem->size, '\0');
      setEncodingWord(enc_, at, elemAt);
      setEncodingWord(enc_, at + 8, n);
      setEncodingWord(enc_, at + 16, n);
    } else {
      n = t.kind == GoKind::Array ? t.len : t.fields.size();
    }
    ++i_;  // '{'
    for (uint64_t k = 0; k < n; ++k) {
      if (k > 0) {
        skipBlanks();
        if (i_ >= s_.size() || s_[i_] != ',')
          return fail("',' expected: " + t.name + " takes " + std::to_string(n) + " values");
        ++i_;
      }
      const GoType& et = t.kind == GoKind::Struct ? *t.fields[k].type : *elem;
      const uint64_t off = t.kind == GoKind::Struct ? at + t.fields[k].offset : elemAt + k * elem->size;
      if (Status st = parse(et, off, depth + 1); !st.ok()) return st;
    }
    skipBlanks();
    if (i_ >= s_.size() || s_[i_] != '}') {
      return fail("'}' expected: " + t.name + " takes " + std::to_string(n) + " value" + (n == 1 ? "" : "s") +
                  " (literals are positional and complete)");
    }
    ++i_;
    return Status::success();
  }

  std::string_view s_;
  std::string* enc_;
  size_t i_ = 0;
};

std::string formatComplex(int bits, std::string_view enc, uint64_t at) {
  double re, im;
  if (bits == 32) {
    float a, b;
    std::memcpy(&a, enc.data() + at, 4);
    std::memcpy(&b, enc.data() + at + 4, 4);
    re = a, im = b;
  } else {
    std::memcpy(&re, enc.data() + at, 8);
    std::memcpy(&im, enc.data() + at + 8, 8);
  }
  std::string imText = formatShortestFloat(im, bits);
  if (imText[0] != '-' && imText[0] != '+') imText = "+" + imText;  // %+g: NaN is +NaN
  return "(" + formatShortestFloat(re, bits) + imText + "i)";
}

void format(const GoType& t, std::string_view enc, uint64_t at, bool literal, std::string* out) {
  switch (t.kind) {
    case GoKind::Bool: *out += enc[at] ? "true" : "false"; return;
    case GoKind::Float32: {
      float f;
      std::memcpy(&f, enc.data() + at, 4);
      *out += formatFloat32(f);
      return;
    }
    case GoKind::Float64: {
      double d;
      std::memcpy(&d, enc.data() + at, 8);
      *out += formatFloat(d);
      return;
    }
    case GoKind::Complex64:
    case GoKind::Complex128: *out += formatComplex(t.kind == GoKind::Complex64 ? 32 : 64, enc, at); return;
    case GoKind::String: {
      const uint64_t len = encodingWord(enc, at + 8);
      std::string_view s = len ? enc.substr(encodingWord(enc, at), len) : std::string_view();
      if (!literal) {
        *out += s;
        return;
      }
      static const char kHex[] = "0123456789abcdef";
      *out += '"';
      for (unsigned char c : s) {
        if (c == '"' || c == '\\')
          *out += '\\', *out += char(c);
        else if (c == '\n')
          *out += "\\n";
        else if (c == '\t')
          *out += "\\t";
        else if (c < 0x20 || c == 0x7f)
          *out += "\\x", *out += kHex[c >> 4], *out += kHex[c & 15];
        else
          *out += char(c);
      }
      *out += '"';
      return;
    }
    case GoKind::Array:
    case GoKind::Slice:
    case GoKind::Struct: {
      uint64_t n = t.kind == GoKind::Array    ? t.len
                   : t.kind == GoKind::Struct ? t.fields.size()
                                              : encodingWord(enc, at + 8);
      if (literal && t.kind == GoKind::Slice && encodingWord(enc, at) == 0) {
        *out += "nil";
        return;
      }
      const uint64_t base = t.kind == GoKind::Slice ? encodingWord(enc, at) : at;
      *out += (t.kind == GoKind::Struct || literal) ? '{' : '[';
      for (uint64_t k = 0; k < n; ++k) {
        if (k) *out += literal ? ", " : " ";
        if (t.kind == GoKind::Struct)
          format(*t.fields[k].type, enc, at + t.fields[k].offset, literal, out);
        else
          format(*t.elem, enc, base + k * t.elem->size, literal, out);
      }
      *out += (t.kind == GoKind::Struct || literal) ? '}' : ']';
      return;
    }
    default: {
      const uint64_t v = loadInt(t, enc, at);
      *out += t.isSigned() ? std::to_string(int64_t(v)) : std::to_string(v);
      return;
    }
  }
}

void generate(const GoType& t, uint64_t n, std::string* enc, uint64_t at) {
  switch (t.kind) {
    case GoKind::Bool: (*enc)[at] = char(n & 1); return;
    case GoKind::Float32:
    case GoKind::Complex64: {
      const float f = float(n);
      std::memcpy(&(*enc)[at], &f, 4);
      return;
    }
    case GoKind::Float64:
    case GoKind::Complex128: {
      const double d = double(n);
      std::memcpy(&(*enc)[at], &d, 8);
      return;
    }
    case GoKind::String: {
      const std::string s = "k" + std::to_string(n);
      const uint64_t off = enc->size();
      enc->append(s);
      setEncodingWord(enc, at, off);
      setEncodingWord(enc, at + 8, s.size());
      return;
    }
    case GoKind::Array:
      for (uint64_t k = 0; k < t.len; ++k) generate(*t.elem, n, enc, at + k * t.elem->size);
      return;
    case GoKind::Struct:
      for (const GoField& f : t.fields) generate(*f.type, n, enc, at + f.offset);
      return;
    case GoKind::Slice: {
      const uint64_t off = enc->size();
      enc->resize(off + t.elem->size, '\0');
      setEncodingWord(enc, at, off);
      setEncodingWord(enc, at + 8, 1);
      setEncodingWord(enc, at + 16, 1);
      generate(*t.elem, n, enc, off);
      return;
    }
    default:
      storeInt(enc, at, n, t.size);  // n wrapped to the integer's width
      return;
  }
}

}  // namespace

Status parseValue(const GoType& t, std::string_view text, std::string* enc) {
  std::string out(t.size, '\0');
  if (t.kind == GoKind::String) {
    // A top-level string is the token itself.
    if (!text.empty()) {
      setEncodingWord(&out, 0, 16);
      setEncodingWord(&out, 8, text.size());
      out.append(text);
    }
    *enc = std::move(out);
    return Status::success();
  }
  LiteralParser p(text, &out);
  if (Status s = p.parseTop(t); !s.ok()) return s;
  *enc = std::move(out);
  return Status::success();
}

std::string formatValue(const GoType& t, std::string_view enc) {
  std::string out;
  format(t, enc, 0, false, &out);
  return out;
}

std::string literalValue(const GoType& t, std::string_view enc) {
  std::string out;
  if (t.kind == GoKind::String) {
    format(t, enc, 0, false, &out);  // a top-level string is its own token
    return out;
  }
  format(t, enc, 0, true, &out);
  return out;
}

std::string generatedValue(const GoType& t, uint64_t n) {
  std::string enc(t.size, '\0');
  generate(t, n, &enc, 0);
  return enc;
}

}  // namespace gomap
