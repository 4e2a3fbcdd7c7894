// The hash functions Go's map uses when AES hashing is unavailable (always on
// GOARCH=wasm), and the runtime's cheap random stream. All are pure functions
// of their inputs: hashkey, seed and random state are injected, never global.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace gomap {

using HashKey = std::array<uint64_t, 4>;

// Go 1.14 runtime/hash64.go fallback (spec 7.2). Only the first word of
// hashkey matters for n <= 32; all four for longer inputs.
uint64_t memhash114(const uint8_t* p, uint64_t seed, size_t n, const HashKey& key);

// The pieces of the 1.14 hash that short keys use, inline for the hot path
// (hashing.cpp builds the full function from the same pieces).
namespace hash114 {
constexpr uint64_t M1 = 16877499708836156737ULL;
constexpr uint64_t M2 = 2820277070424839065ULL;
constexpr uint64_t M3 = 9497967016996688599ULL;
constexpr uint64_t M4 = 15839092249703872147ULL;

inline uint64_t round(uint64_t x, uint64_t a, uint64_t b) {
  x *= a;
  return ((x << 31) | (x >> 33)) * b;
}
inline uint64_t load64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;  // both x86 and wasm are little-endian, as Go's loads are
}
inline uint64_t load32(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
// The tail step for 0..16 bytes; `h` already carries the seed and length.
inline uint64_t mixShort(uint64_t h, const uint8_t* p, size_t n) {
  if (n == 0) return h;
  if (n < 4) {
    h ^= uint64_t(p[0]);
    h ^= uint64_t(p[n >> 1]) << 8;
    h ^= uint64_t(p[n - 1]) << 16;
    return round(h, M1, M2);
  }
  if (n <= 8) {
    h ^= load32(p);
    h ^= load32(p + n - 4) << 32;
    return round(h, M1, M2);
  }
  h ^= load64(p);
  h = round(h, M1, M2);
  h ^= load64(p + n - 8);
  return round(h, M1, M2);
}
inline uint64_t finish(uint64_t h) {
  h ^= h >> 29;
  h *= M3;
  return h ^ (h >> 32);
}
}  // namespace hash114

// memhash114 for keys of at most 16 bytes (only hashkey[0] matters there).
inline uint64_t memhash114Short(const uint8_t* p, uint64_t seed, size_t n, uint64_t key0) {
  return hash114::finish(hash114::mixShort(seed + uint64_t(n) * key0, p, n));
}

// Both hashes of one 8-byte word (an int64 key's bytes, little-endian),
// taking the value rather than its address: under wasm a local whose address
// is taken lives on the in-memory stack, which a lookup would pay for.
inline uint64_t memhash114Word(uint64_t v, uint64_t seed, uint64_t key0) {
  // mixShort's 4..8-byte step for n = 8: its two 32-bit loads are v itself.
  return hash114::finish(hash114::round((seed + 8 * key0) ^ v, hash114::M1, hash114::M2));
}
uint64_t memhash119Word(uint64_t v, uint64_t seed, uint64_t key0);

// Go 1.17-1.23 wyhash-style fallback (spec 7.4). Uses hashkey[0] only.
uint64_t memhash119(const uint8_t* p, uint64_t seed, size_t n, uint64_t key0);

// Go 1.26's fallback (runtime/hash64.go, the Swiss map's era; spec A.1.15):
// the 1.19 code with the process words hashkey[1..3] where 1.19 had
// constants, no m1, and words not forced odd. All four words matter.
uint64_t memhash126(const uint8_t* p, uint64_t seed, size_t n, const HashKey& key);

// high64(a*b) ^ low64(a*b): the wyhash-style mix both 1.19 and 1.26 use.
// WebAssembly has no 64x64->128 multiply: there __int128 becomes a call to
// compiler-rt's __multi3, which returns through stack memory, so the four
// 32-bit products below, kept in registers, hash a key about twice as fast
// (core_bench under wasm, issue 14). Natively one mul instruction does it.
inline uint64_t mix128(uint64_t a, uint64_t b) {
#if defined(__SIZEOF_INT128__) && !defined(__wasm__)
  unsigned __int128 r = (unsigned __int128)a * b;
  return uint64_t(r >> 64) ^ uint64_t(r);
#else
  uint64_t aLo = a & 0xffffffffu, aHi = a >> 32;
  uint64_t bLo = b & 0xffffffffu, bHi = b >> 32;
  uint64_t lolo = aLo * bLo, hilo = aHi * bLo, lohi = aLo * bHi, hihi = aHi * bHi;
  uint64_t cross = (lolo >> 32) + (hilo & 0xffffffffu) + lohi;
  uint64_t hi = hihi + (hilo >> 32) + (cross >> 32);
  uint64_t lo = (cross << 32) | (lolo & 0xffffffffu);
  return hi ^ lo;
#endif
}
constexpr uint64_t kHash126M5 = 0x1d8e4e27c47d124fULL;
// memhash126 for at most 16 bytes, inline for the hot path (strings keys
// are mostly short); the same steps as the full function.
inline uint64_t memhash126Short(const uint8_t* p, uint64_t seed, size_t n, const HashKey& key) {
  seed ^= key[0];
  if (n == 0) return seed;
  uint64_t a, b = 0;
  if (n < 4) {
    a = uint64_t(p[0]) | uint64_t(p[n >> 1]) << 8 | uint64_t(p[n - 1]) << 16;
  } else if (n <= 8) {
    uint32_t x, y;
    std::memcpy(&x, p, 4);
    std::memcpy(&y, p + n - 4, 4);
    a = x, b = y;
    if (n == 8) {
      std::memcpy(&a, p, 8);
      b = a;
    }
  } else {
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + n - 8, 8);
  }
  return mix128(kHash126M5 ^ uint64_t(n), mix128(a ^ key[1], b ^ seed));
}

// memhash64 / memhash32 of Go 1.26 on a value (an int64 or int32 key).
inline uint64_t memhash126Word(uint64_t v, uint64_t seed, const HashKey& key) {
  return mix128(kHash126M5 ^ 8, mix128(v ^ key[1], v ^ seed ^ key[0]));
}
inline uint64_t memhash126Word32(uint32_t v, uint64_t seed, const HashKey& key) {
  return mix128(kHash126M5 ^ 4, mix128(uint64_t(v) ^ key[1], uint64_t(v) ^ seed ^ key[0]));
}

// The float64 hash shared by both versions: +0 and -0 hash alike and
// independently of hashkey; NaN mixes in a fresh random value (spec 7.3).
// `memhash` hashes the 8 bytes of an ordinary float.
constexpr uint64_t kFloatHashC0 = 33054211828000289ULL;
constexpr uint64_t kFloatHashC1 = 23344194077549503ULL;
inline uint64_t floatZeroHash(uint64_t seed) { return kFloatHashC1 * (kFloatHashC0 ^ seed); }
inline uint64_t floatNaNHash(uint64_t seed, uint32_t random) {
  return kFloatHashC1 * (kFloatHashC0 ^ seed ^ random);
}

// Go 1.14's fastrand (spec 8.1): xorshift on two 32-bit halves. The model keeps
// its own stream and draws from it only where the map itself calls fastrand.
struct FastRand {
  uint32_t a = 0x12345678;
  uint32_t b = 0x9abcdef0;

  uint32_t next() {
    uint32_t x = a;
    uint32_t y = b;
    x ^= x << 17;
    x = x ^ y ^ (x >> 7) ^ (y >> 16);
    a = y;
    b = x;
    return y + x;
  }
};

// The fixed hashkey the model uses unless a scenario names one: four odd
// words (spec 7.5 "set B"), so its hashes can be checked against the vectors.
constexpr HashKey kDefaultHashKey = {0x9e3779b97f4a7c15ULL, 0xbf58476d1ce4e5b9ULL, 0x94d049bb133111ebULL,
                                     0x2545f4914f6cdd1dULL};

}  // namespace gomap
