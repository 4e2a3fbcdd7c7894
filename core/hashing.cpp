#include "hashing.h"

#include <cstring>

namespace gomap {
namespace {

using hash114::load32;
using hash114::load64;
using hash114::M1;
using hash114::M2;
using hash114::M3;
using hash114::M4;
inline uint64_t round114(uint64_t x, uint64_t a, uint64_t b) { return hash114::round(x, a, b); }

// The tail step of the 1.14 hash for 0..32 bytes (also the whole hash for
// short inputs). `h` already carries the seed and length.
uint64_t mixTail114(uint64_t h, const uint8_t* p, size_t n) {
  if (n <= 16) return hash114::mixShort(h, p, n);
  for (size_t off : {size_t(0), size_t(8), n - 16, n - 8}) {
    h ^= load64(p + off);
    h = round114(h, M1, M2);
  }
  return h;
}

constexpr uint64_t W1 = 0xa0761d6478bd642fULL;
constexpr uint64_t W2 = 0xe7037ed1a0b428dbULL;
constexpr uint64_t W3 = 0x8ebc6af09c88c6e3ULL;
constexpr uint64_t W4 = 0x589965cc75374cc3ULL;

// The wyhash-style memory hash of any length that Go 1.19 and Go 1.26 share:
// 1.19 runs it with fixed multipliers, 1.26 with its per-process keys.
// `seed` already carries the first key; k1..k3 mix the 16- and 48-byte
// rounds; the length is mixed with the constant both versions share
// (kHash126M5).
uint64_t wyhashBytes(const uint8_t* p, uint64_t seed, size_t n, uint64_t k1, uint64_t k2, uint64_t k3) {
  if (n == 0) return seed;
  uint64_t a, b;
  if (n < 4) {
    a = uint64_t(p[0]) | uint64_t(p[n >> 1]) << 8 | uint64_t(p[n - 1]) << 16;
    b = 0;
  } else if (n == 4) {
    a = b = load32(p);
  } else if (n < 8) {
    a = load32(p);
    b = load32(p + n - 4);
  } else if (n == 8) {
    a = b = load64(p);
  } else if (n <= 16) {
    a = load64(p);
    b = load64(p + n - 8);
  } else {
    size_t l = n;
    if (l > 48) {
      uint64_t s1 = seed, s2 = seed;
      while (l > 48) {
        seed = mix128(load64(p) ^ k1, load64(p + 8) ^ seed);
        s1 = mix128(load64(p + 16) ^ k2, load64(p + 24) ^ s1);
        s2 = mix128(load64(p + 32) ^ k3, load64(p + 40) ^ s2);
        p += 48;
        l -= 48;
      }
      seed ^= s1 ^ s2;
    }
    while (l > 16) {
      seed = mix128(load64(p) ^ k1, load64(p + 8) ^ seed);
      p += 16;
      l -= 16;
    }
    a = load64(p + l - 16);
    b = load64(p + l - 8);
  }
  return mix128(kHash126M5 ^ uint64_t(n), mix128(a ^ k1, b ^ seed));
}

}  // namespace

uint64_t memhash114(const uint8_t* p, uint64_t seed, size_t n, const HashKey& key) {
  uint64_t h = seed + uint64_t(n) * key[0];
  if (n > 32) {
    uint64_t v1 = h, v2 = seed * key[1], v3 = seed * key[2], v4 = seed * key[3];
    while (n >= 32) {
      v1 = round114(v1 ^ load64(p), M1, M2);
      v2 = round114(v2 ^ load64(p + 8), M2, M3);
      v3 = round114(v3 ^ load64(p + 16), M3, M4);
      v4 = round114(v4 ^ load64(p + 24), M4, M1);
      p += 32;
      n -= 32;
    }
    h = v1 ^ v2 ^ v3 ^ v4;
  }
  return hash114::finish(mixTail114(h, p, n));
}

uint64_t memhash119(const uint8_t* p, uint64_t seed, size_t n, uint64_t key0) {
  return wyhashBytes(p, seed ^ key0 ^ W1, n, W2, W3, W4);
}

uint64_t memhash126(const uint8_t* p, uint64_t seed, size_t n, const HashKey& key) {
  return wyhashBytes(p, seed ^ key[0], n, key[1], key[2], key[3]);
}

uint64_t memhash119Word(uint64_t v, uint64_t seed, uint64_t key0) {
  uint8_t bytes[8];
  std::memcpy(bytes, &v, 8);
  return memhash119(bytes, seed, 8, key0);
}

}  // namespace gomap
