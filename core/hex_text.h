// The two ways the JSON views write a number in hex (docs/scenario-format.md):
// an address without padding, and a 64-bit word (a hash, a seed, a match
// bitset) as all 16 digits, so words line up when read side by side.
#pragma once
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <string>

namespace gomap {

inline std::string hexAddress(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%" PRIx64, v);
  return buf;
}

inline std::string hexWord(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, v);
  return buf;
}

}  // namespace gomap
