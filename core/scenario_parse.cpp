#include "scenario_parse.h"

#include <cstdint>

namespace gomap {
namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void appendUtf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    *out += char(cp);
  } else if (cp < 0x800) {
    *out += char(0xC0 | (cp >> 6));
    *out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += char(0xE0 | (cp >> 12));
    *out += char(0x80 | ((cp >> 6) & 0x3F));
    *out += char(0x80 | (cp & 0x3F));
  } else {
    *out += char(0xF0 | (cp >> 18));
    *out += char(0x80 | ((cp >> 12) & 0x3F));
    *out += char(0x80 | ((cp >> 6) & 0x3F));
    *out += char(0x80 | (cp & 0x3F));
  }
}

// Reads one quoted token starting after the opening quote; returns the
// position after the closing quote or npos with an error.
size_t readQuoted(std::string_view s, size_t i, std::string* out, std::string* error) {
  while (i < s.size()) {
    char c = s[i];
    if (c == '"') return i + 1;
    if (c == '\n') break;
    if (c != '\\') {
      *out += c;
      ++i;
      continue;
    }
    if (i + 1 >= s.size()) break;
    char e = s[i + 1];
    i += 2;
    switch (e) {
      case '"': *out += '"'; break;
      case '\\': *out += '\\'; break;
      case 'n': *out += '\n'; break;
      case 't': *out += '\t'; break;
      case 'r': *out += '\r'; break;
      case '0': *out += '\0'; break;
      case 'x': {
        int hi = i < s.size() ? hexValue(s[i]) : -1;
        int lo = i + 1 < s.size() ? hexValue(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) return *error = "\\x needs two hex digits", std::string_view::npos;
        *out += char(hi * 16 + lo);
        i += 2;
        break;
      }
      case 'u':
      case 'U': {
        size_t n = e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        for (size_t k = 0; k < n; ++k) {
          int d = i + k < s.size() ? hexValue(s[i + k]) : -1;
          if (d < 0)
            return *error = std::string("\\") + e + " needs " + std::to_string(n) + " hex digits",
                   std::string_view::npos;
          cp = cp * 16 + uint32_t(d);
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          return *error = "\\" + std::string(1, e) + " names no Unicode character", std::string_view::npos;
        }
        appendUtf8(out, cp);
        i += n;
        break;
      }
      default: return *error = std::string("unknown escape \\") + e, std::string_view::npos;
    }
  }
  *error = "unterminated quote";
  return std::string_view::npos;
}

// A composite token (contract: "Clarifications for Go's other types"): one
// that starts with '{', '(' or "map[" runs while brackets are open, blanks,
// ';', '#' and double-quoted strings inside included, then to the next blank
// at depth 0. Returns its end, or npos when a bracket stays open to the end
// of the line (the token is then read as before, up to a blank).
size_t compositeEnd(std::string_view s, size_t i) {
  int depth = 0;
  for (size_t j = i; j < s.size(); ++j) {
    const char c = s[j];
    if (c == '\n') return depth == 0 ? j : std::string_view::npos;
    if (c == '"' && depth > 0) {
      for (++j; j < s.size() && s[j] != '"' && s[j] != '\n'; ++j) {
        if (s[j] == '\\') ++j;
      }
      if (j >= s.size() || s[j] != '"') return std::string_view::npos;
      continue;
    }
    if (c == '{' || c == '(' || c == '[')
      ++depth;
    else if (c == '}' || c == ')' || c == ']')
      --depth;
    else if (depth <= 0 && (c == ' ' || c == '\t' || c == '\r' || c == ';' || c == '#' || c == '"')) {
      return j;
    }
    if (depth < 0) return std::string_view::npos;
  }
  return depth == 0 ? s.size() : std::string_view::npos;
}

}  // namespace

Status splitScenario(std::string_view text, const ScenarioLimits& limits, std::vector<Command>* out) {
  if (text.size() > limits.maxBytes) {
    return Status::error("scenario is " + std::to_string(text.size()) + " bytes; the limit is " +
                         std::to_string(limits.maxBytes));
  }
  // A byte order mark is not text: skipped, or line 1 would be an unknown
  // command and the map would silently take the default type.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // A final newline ends the last line; it does not start another.
  size_t lines = 1;
  for (char c : text) lines += c == '\n';
  if (!text.empty() && text.back() == '\n') --lines;
  if (lines > limits.maxLines) {
    return Status::error("scenario has " + std::to_string(lines) + " lines; the limit is " +
                         std::to_string(limits.maxLines));
  }
  out->clear();
  int line = 1, index = 0;
  Command cur;
  size_t start = 0;  // where the current command's text begins
  auto finish = [&](size_t end) {
    std::string_view raw = text.substr(start, end - start);
    size_t a = raw.find_first_not_of(" \t\r");
    size_t b = raw.find_last_not_of(" \t\r");
    cur.text = a == std::string_view::npos ? "" : std::string(raw.substr(a, b - a + 1));
    // Blank lines, comment-only lines and stray ';' make no command.
    if (!cur.tokens.empty() || !cur.error.ok()) {
      cur.line = line;
      cur.index = ++index;
      out->push_back(std::move(cur));
    }
    cur = Command();
  };
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n' || c == ';') {
      finish(i);
      if (c == '\n') ++line, index = 0;
      start = ++i;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else if (c == '#') {
      size_t nl = text.find('\n', i);
      size_t end = nl == std::string_view::npos ? text.size() : nl;
      finish(i);
      i = end;
      start = end;
    } else if (c == '"') {
      std::string tok, err;
      size_t next = readQuoted(text, i + 1, &tok, &err);
      if (next == std::string_view::npos) {
        if (cur.error.ok()) cur.error = Status::error(err);
        // skip to the end of the line; the command is reported as broken
        size_t nl = text.find('\n', i);
        i = nl == std::string_view::npos ? text.size() : nl;
        cur.tokens.push_back(tok);
        continue;
      }
      cur.tokens.push_back(std::move(tok));
      i = next;
    } else if ((c == '{' || c == '(' || text.substr(i, 4) == "map[") &&
               compositeEnd(text, i) != std::string_view::npos) {
      const size_t j = compositeEnd(text, i);
      cur.tokens.emplace_back(text.substr(i, j - i));
      i = j;
    } else {
      size_t j = i;
      while (j < text.size() && text[j] != ' ' && text[j] != '\t' && text[j] != '\r' && text[j] != '\n' &&
             text[j] != ';' && text[j] != '#' && text[j] != '"') {
        ++j;
      }
      cur.tokens.emplace_back(text.substr(i, j - i));
      i = j;
    }
  }
  finish(text.size());
  return Status::success();
}

std::string commandPlace(const Command& c, bool lineHasMany) {
  std::string s = "line " + std::to_string(c.line);
  if (lineHasMany) s += ", command " + std::to_string(c.index);
  return s;
}

}  // namespace gomap
