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

// memhash114 for exactly 8 bytes (memhash64), inlined for the hot path.
inline uint64_t memhash114_8(const uint8_t* p, uint64_t seed, uint64_t key0) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  uint64_t h = seed + 8 * key0;
  h ^= v;  // the low and high 32-bit loads of the 4..8-byte case, together
  h *= 16877499708836156737ULL;
  h = (h << 31) | (h >> 33);
  h *= 2820277070424839065ULL;
  h ^= h >> 29;
  h *= 9497967016996688599ULL;
  h ^= h >> 32;
  return h;
}

// Go 1.17-1.23 wyhash-style fallback (spec 7.4). Uses hashkey[0] only.
uint64_t memhash119(const uint8_t* p, uint64_t seed, size_t n, uint64_t key0);

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
constexpr HashKey kDefaultHashKey = {0x9e3779b97f4a7c15ULL, 0xbf58476d1ce4e5b9ULL,
                                     0x94d049bb133111ebULL, 0x2545f4914f6cdd1dULL};

}  // namespace gomap
