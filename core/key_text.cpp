#include "key_text.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "typed_value.h"

namespace gomap {
namespace {

std::string quoteForMessage(std::string_view text) {
  std::string s(text.substr(0, 40));
  if (text.size() > 40) s += "...";
  return "'" + s + "'";
}

std::string bytesOf(const void* p, size_t n) { return std::string(static_cast<const char*>(p), n); }

Status parseFixedBytes(std::string_view text, uint32_t n, const char* what, std::string* out) {
  if (text.size() > n) {
    return Status::error(std::string(what) + " " + quoteForMessage(text) + " is " +
                         std::to_string(text.size()) + " bytes, longer than [" + std::to_string(n) + "]byte");
  }
  *out = std::string(text);
  out->resize(n, '\0');
  return Status::success();
}

std::string trimZeros(std::string_view bytes) {
  size_t end = bytes.size();
  while (end > 0 && bytes[end - 1] == '\0') --end;
  return std::string(bytes.substr(0, end));
}

// Length of the valid UTF-8 sequence at s[i] (shortest form, no surrogates,
// at most U+10FFFF), or 0 if the byte there starts none.
size_t utf8SequenceAt(std::string_view s, size_t i) {
  const unsigned char c = s[i];
  const size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < n; ++k) {
    const unsigned char d = s[i + k];
    if ((d >> 6) != 2) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool validUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = utf8SequenceAt(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// Text is shown as it is. Bytes that are not UTF-8 cannot be (JSON would
// turn every one into U+FFFD, and "\xff" and "\xfe" would print alike), so
// such a value is shown as the quoted scenario token that writes it:
// "\xff" with its quotes, which reads back as the same bytes.
std::string textOrToken(std::string bytes) {
  if (validUtf8(bytes)) return bytes;
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (size_t i = 0; i < bytes.size();) {
    const size_t n = utf8SequenceAt(bytes, i);
    const unsigned char c = bytes[i];
    if (n > 1) {
      out.append(bytes, i, n);
      i += n;
      continue;
    }
    ++i;
    if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (n == 0 || c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += char(c);
    }
  }
  return out + '"';
}

enum class FloatText { Ok, NotANumber, TooLarge };

// A float64 key as Go prints it (NaN, +Inf, -Inf, decimals). As in Go
// source, a decimal beyond the largest float64 is refused rather than read
// as infinity; one below the smallest rounds to 0.
FloatText parseFloat(std::string_view text, double* out, int bits = 64) {
  if (text == "NaN") return *out = std::numeric_limits<double>::quiet_NaN(), FloatText::Ok;
  if (text == "+Inf" || text == "Inf") return *out = HUGE_VAL, FloatText::Ok;
  if (text == "-Inf") return *out = -HUGE_VAL, FloatText::Ok;
  // Decimal only: [sign] digits [. digits] [e [sign] digits]
  size_t i = 0, n = text.size();
  if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
  size_t digits = 0;
  while (i < n && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
  if (i < n && text[i] == '.') {
    ++i;
    while (i < n && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return FloatText::NotANumber;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    size_t expDigits = 0;
    while (i < n && text[i] >= '0' && text[i] <= '9') ++i, ++expDigits;
    if (expDigits == 0) return FloatText::NotANumber;
  }
  if (i != n) return FloatText::NotANumber;
  std::string s(text);
  *out = bits == 32 ? double(std::strtof(s.c_str(), nullptr)) : std::strtod(s.c_str(), nullptr);
  return std::isinf(*out) ? FloatText::TooLarge : FloatText::Ok;
}

}  // namespace

Status parseGoFloat(std::string_view text, int bits, double* out) {
  const char* name = bits == 32 ? "float32" : "float64";
  uint64_t hex;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') && parseUint64(text, &hex)) {
    *out = bits == 32 ? double(float(hex)) : double(hex);  // one rounding, to the type
    return Status::success();
  }
  switch (parseFloat(text, out, bits)) {
    case FloatText::Ok:
      if (std::isnan(*out)) *out = std::numeric_limits<double>::quiet_NaN();
      return Status::success();
    case FloatText::NotANumber: return Status::error(quoteForMessage(text) + " is not a " + name);
    case FloatText::TooLarge: break;
  }
  return Status::error(quoteForMessage(text) + " is too large for a " + name + "; use +Inf or -Inf");
}

bool parseUint64(std::string_view text, uint64_t* out) {
  if (text.empty()) return false;
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  }
  uint64_t v = 0;
  for (char c : text) {
    int d;
    if (c >= '0' && c <= '9')
      d = c - '0';
    else if (base == 16 && c >= 'a' && c <= 'f')
      d = c - 'a' + 10;
    else if (base == 16 && c >= 'A' && c <= 'F')
      d = c - 'A' + 10;
    else
      return false;
    if (v > (std::numeric_limits<uint64_t>::max() - d) / base) return false;
    v = v * base + d;
  }
  *out = v;
  return true;
}

bool parseInt64(std::string_view text, int64_t* out) {
  bool neg = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    neg = text[0] == '-';
    text.remove_prefix(1);
    // The contract's numbers are decimal, or hexadecimal with 0x for the
    // unsigned ones (hashes, seeds): a sign goes with decimal only.
    if (text.size() > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) return false;
  }
  uint64_t mag;
  if (!parseUint64(text, &mag)) return false;
  if (neg) {
    if (mag > uint64_t(1) << 63) return false;
    *out = int64_t(0 - mag);
  } else {
    if (mag > uint64_t(std::numeric_limits<int64_t>::max())) return false;
    *out = int64_t(mag);
  }
  return true;
}

namespace {

// A string-like compound (struct{S string}, [1]string) is stored as its one
// string's characters, as a string key is; these convert to and from the
// compound's encoding, whose string header sits at offset 0.
std::string stringOfEncoding(std::string_view enc) {
  uint64_t data, len;
  std::memcpy(&data, enc.data(), 8);
  std::memcpy(&len, enc.data() + 8, 8);
  return len ? std::string(enc.substr(data, len)) : std::string();
}
std::string encodingOfString(const GoType& t, std::string_view chars) {
  std::string enc(t.size, '\0');
  if (!chars.empty()) {
    const uint64_t data = t.size, len = chars.size();
    std::memcpy(&enc[0], &data, 8);
    std::memcpy(&enc[8], &len, 8);
    enc.append(chars);
  }
  return enc;
}

}  // namespace

Status parseKey(const MapType& t, std::string_view text, std::string* bytes) {
  if (!t.legacyKeyText) {
    std::string enc;
    if (Status s = parseValue(*t.keyGo, text, &enc); !s.ok()) return Status::error("key " + s.message());
    *bytes = t.key == KeyKind::String ? stringOfEncoding(enc) : std::move(enc);
    return Status::success();
  }
  switch (t.key) {
    case KeyKind::Int64: {
      int64_t v;
      if (!parseInt64(text, &v)) return Status::error("key " + quoteForMessage(text) + " is not an int64");
      *bytes = bytesOf(&v, 8);
      return Status::success();
    }
    case KeyKind::Int32: {
      int64_t v;
      if (!parseInt64(text, &v) || v < INT32_MIN || v > INT32_MAX) {
        return Status::error("key " + quoteForMessage(text) + " is not an int32");
      }
      int32_t w = int32_t(v);
      *bytes = bytesOf(&w, 4);
      return Status::success();
    }
    case KeyKind::Float64: {
      double d;
      switch (parseFloat(text, &d)) {
        case FloatText::Ok: break;
        case FloatText::NotANumber:
          return Status::error("key " + quoteForMessage(text) + " is not a float64");
        // The page's key field says the same (web/player/inputs.mjs).
        case FloatText::TooLarge:
          return Status::error("key " + quoteForMessage(text) +
                               " is too large for a float64; use +Inf or -Inf");
      }
      if (std::isnan(d)) {
        uint64_t goNaN = 0x7FF8000000000001ULL;  // math.NaN()'s bits
        *bytes = bytesOf(&goNaN, 8);
      } else {
        *bytes = bytesOf(&d, 8);
      }
      return Status::success();
    }
    case KeyKind::String: *bytes = std::string(text); return Status::success();
    case KeyKind::Bytes: return parseFixedBytes(text, t.keyTypeSize, "key", bytes);
    default: break;
  }
  return Status::error("unknown key type");
}

Status parseElem(const MapType& t, std::string_view text, std::string* bytes) {
  if (!t.legacyElemText) {
    if (Status s = parseValue(*t.elemGo, text, bytes); !s.ok())
      return Status::error("element " + s.message());
    return Status::success();
  }
  if (t.elem == ElemKind::Int64) {
    int64_t v;
    if (!parseInt64(text, &v)) return Status::error("element " + quoteForMessage(text) + " is not an int64");
    *bytes = bytesOf(&v, 8);
    return Status::success();
  }
  return parseFixedBytes(text, t.elemTypeSize, "element", bytes);
}

std::string formatKey(const MapType& t, std::string_view bytes) {
  if (!t.legacyKeyText) {
    if (t.key == KeyKind::String) return formatValue(*t.keyGo, encodingOfString(*t.keyGo, bytes));
    return formatValue(*t.keyGo, bytes);
  }
  switch (t.key) {
    case KeyKind::Int64: {
      int64_t v;
      std::memcpy(&v, bytes.data(), 8);
      return std::to_string(v);
    }
    case KeyKind::Int32: {
      int32_t v;
      std::memcpy(&v, bytes.data(), 4);
      return std::to_string(v);
    }
    case KeyKind::Float64: {
      double d;
      std::memcpy(&d, bytes.data(), 8);
      return formatFloat(d);
    }
    case KeyKind::String: return textOrToken(std::string(bytes));
    case KeyKind::Bytes: return textOrToken(trimZeros(bytes));
    default: break;
  }
  return "";
}

std::string formatElem(const MapType& t, std::string_view bytes) {
  if (!t.legacyElemText) {
    // A top-level string element reads as a string key does.
    if (t.elemGo->kind == GoKind::String) return textOrToken(stringOfEncoding(bytes));
    return formatValue(*t.elemGo, bytes);
  }
  if (t.elem == ElemKind::Int64) {
    int64_t v;
    std::memcpy(&v, bytes.data(), 8);
    return std::to_string(v);
  }
  return textOrToken(trimZeros(bytes));
}

std::string formatFloat(double d) { return formatShortestFloat(d, 64); }

std::string formatFloat32(float f) { return formatShortestFloat(f, 32); }

std::string formatShortestFloat(double d, int bits) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "+Inf" : "-Inf";
  if (d == 0) return std::signbit(d) ? "-0" : "0";
  // Shortest digits that read back as d (as a float32 when bits is 32),
  // then Go's %v layout (strconv 'g' with shortest precision): exponent form
  // when the decimal exponent is < -4 or >= 6, so a million prints as 1e+06,
  // as fmt.Println does.
  char buf[64];
  int precision = 1;
  for (; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, d);
    if (bits == 32 ? std::strtof(buf, nullptr) == float(d) : std::strtod(buf, nullptr) == d) break;
  }
  // buf is "-d.ddde+XX": split mantissa digits and exponent.
  std::string s(buf);
  bool neg = s[0] == '-';
  if (neg) s.erase(0, 1);
  size_t e = s.find('e');
  int exp = std::atoi(s.c_str() + e + 1);
  std::string digits;
  for (size_t i = 0; i < e; ++i) {
    if (s[i] != '.') digits += s[i];
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out = neg ? "-" : "";
  if (exp < -4 || exp >= 6) {
    out += digits[0];
    if (digits.size() > 1) out += "." + digits.substr(1);
    char ebuf[16];
    std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    return out + ebuf;
  }
  if (exp < 0) { return out + "0." + std::string(size_t(-exp - 1), '0') + digits; }
  if (size_t(exp) + 1 >= digits.size()) {
    return out + digits + std::string(size_t(exp) + 1 - digits.size(), '0');
  }
  return out + digits.substr(0, size_t(exp) + 1) + "." + digits.substr(size_t(exp) + 1);
}

Status parseUnsignedArg(const std::string& token, const char* what, uint64_t max, uint64_t* out) {
  if (!parseUint64(token, out)) {
    return Status::error(std::string(what) + " '" + token.substr(0, 40) + "' is not an unsigned number");
  }
  if (*out > max) {
    return Status::error(std::string(what) + " " + token + " is over the limit of " + std::to_string(max));
  }
  return Status::success();
}

}  // namespace gomap
