// Go 1.26's fallback hash (the go126 hasher) against vectors taken from the
// real Go 1.26.11 runtime with GODEBUG=cpu.aes=off (swiss/gen_hash_vectors.go
// made swiss/go126_hash_vectors.h): int64, int32, strings of 0..120 bytes,
// float64 (with both zeros) and [16]byte, three hashkey sets, four seeds.
// Then the same hashes as a version-1.26 map really uses them.
#include <catch2/catch.hpp>
#include <climits>
#include <cstring>
#include <string>

#include "hashing.h"
#include "support/checked_scenario.h"
#include "swiss/go126_hash_vectors.h"
#include "swiss/swiss_map.h"

using namespace gomap;
using namespace gomap::test;

namespace {

const HashKey kKeySets[] = {
    {0x9e3779b97f4a7c15ULL, 0xbf58476d1ce4e5b9ULL, 0x94d049bb133111ebULL, 0x2545f4914f6cdd1dULL},
    {1, 2, 3, 4},
    {0x0123456789abcdefULL, 0xfedcba9876543210ULL, 0x1111111111111111ULL, 0x8000000000000000ULL},
};

std::string alphabet(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += char('a' + i % 26);
  return s;
}

uint64_t h126(const std::string& bytes, uint64_t seed, const HashKey& k) {
  return memhash126(reinterpret_cast<const uint8_t*>(bytes.data()), seed, bytes.size(), k);
}

}  // namespace

TEST_CASE("go126 memhash matches every vector of the Go 1.26 runtime", "[swiss][hash]") {
  int checked = 0;
  for (const HashVector& v : kGo126HashVectors) {
    const HashKey& k = kKeySets[v.keySet];
    uint64_t got = 0;
    switch (v.kind) {
      case VecKind::I64: {
        got = memhash126Word(uint64_t(v.value), v.seed, k);
        CHECK(h126(i64(v.value), v.seed, k) == v.hash);  // memhash of 8 bytes is memhash64
        break;
      }
      case VecKind::I32: {
        got = memhash126Word32(uint32_t(int32_t(v.value)), v.seed, k);
        int32_t x = int32_t(v.value);
        std::string b(4, '\0');
        std::memcpy(b.data(), &x, 4);
        CHECK(h126(b, v.seed, k) == v.hash);
        break;
      }
      case VecKind::Str: {
        const std::string str = alphabet(size_t(v.value));
        got = h126(str, v.seed, k);
        if (str.size() <= 16) {
          CHECK(memhash126Short(reinterpret_cast<const uint8_t*>(str.data()), v.seed, str.size(), k) ==
                v.hash);
        }
        break;
      }
      case VecKind::F64: got = v.fvalue == 0 ? floatZeroHash(v.seed) : h126(f64(v.fvalue), v.seed, k); break;
      case VecKind::F64NegZero: got = floatZeroHash(v.seed); break;
      case VecKind::B16: {
        std::string b = "k12345";
        b.resize(16, '\0');
        got = h126(b, v.seed, k);
        break;
      }
    }
    INFO("vector " << checked << " kind " << int(v.kind) << " value " << v.value << " seed " << v.seed);
    CHECK(got == v.hash);
    ++checked;
  }
  CHECK(checked > 700);
}

TEST_CASE("a version 1.26 map hashes with go126, its hashkey words as written and its 64-bit seed",
          "[swiss][hash]") {
  // Vector: int64 42, key set 1 ({1,2,3,4}, even words kept even), seed 0xdeadbeefcafef00d.
  uint64_t want = 0;
  for (const HashVector& v : kGo126HashVectors) {
    if (v.kind == VecKind::I64 && v.keySet == 1 && v.value == 42 && v.seed == 0xdeadbeefcafef00dULL)
      want = v.hash;
  }
  REQUIRE(want != 0);
  CheckedScenario s;
  auto steps = s.ok("version 1.26\nmap[int64]int64\nhashkey 1 2 3 4\nseed 0xdeadbeefcafef00d\nset 42 1");
  REQUIRE(steps.back().hashes.size() == 1);
  CHECK(steps.back().hashes[0].second == want);
  CHECK(s.runner().swissMap()->seed() == 0xdeadbeefcafef00dULL);
}
