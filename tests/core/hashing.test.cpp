// Hash functions and the random stream against the spec's test vectors
// (go-map-1.14.md section 7.5 and 8.1), first as pure functions, then as the
// map really uses them (hashkey/seed set by the scenario, hashes read back
// from the operation's hash log).
#include <catch2/catch.hpp>
#include <string>

#include "hashing.h"
#include "support/checked_scenario.h"

using namespace gomap;
using namespace gomap::test;

namespace {

const HashKey kSetA = {1, 1, 1, 1};
const HashKey kSetB = {0x9e3779b97f4a7c15ULL, 0xbf58476d1ce4e5b9ULL, 0x94d049bb133111ebULL,
                       0x2545f4914f6cdd1dULL};
constexpr uint64_t kGo119Key0 = 0x3508887f9edc1d37ULL;

std::string alphabet(size_t n) {  // byte i = 'a' + i mod 26
  std::string s;
  for (size_t i = 0; i < n; ++i) s += char('a' + i % 26);
  return s;
}

uint64_t h114(const std::string& bytes, uint64_t seed, const HashKey& k) {
  return memhash114(reinterpret_cast<const uint8_t*>(bytes.data()), seed, bytes.size(), k);
}
uint64_t h119(const std::string& bytes, uint64_t seed) {
  return memhash119(reinterpret_cast<const uint8_t*>(bytes.data()), seed, bytes.size(), kGo119Key0);
}

// The hash the map logged for `key` (its text as the dump prints it).
uint64_t loggedHash(const Step& step, const GoMap& m, const std::string& keyBytes) {
  for (const auto& [k, h] : step.hashes) {
    if (k == keyBytes) return h;
  }
  FAIL("no hash logged by `" << step.op << "`");
  return 0;
}

}  // namespace

namespace {

struct MemhashVector {
  const HashKey* set;
  std::string input;
  uint64_t seed, want;
};

// Spec 7.5's memhash vectors for hashkey sets A and B, by input.
const MemhashVector kMemhash114[] = {
    {&kSetA, i64(-1), 0, 0xdb64c171c7691942ULL},
    {&kSetB, i64(-1), 1, 0xbece003c7c04cb61ULL},
    {&kSetA, i64(0), 0, 0x484eafea4c971fd2ULL},
    {&kSetB, i64(0), 0, 0x06b0eb2bee06e9dbULL},
    {&kSetA, i64(1), 0, 0x161aab1b2b93ca77ULL},
    {&kSetA, i64(42), 0xdeadbeef, 0x1c485b7c2be43343ULL},
    {&kSetB, i64(42), 0, 0x3431de83a3257935ULL},
    {&kSetB, i64(42), 0xdeadbeef, 0xb7dd465bcee94648ULL},
    {&kSetA, "", 0, 0x0000000000000000ULL},
    {&kSetA, "", 1, 0x83cf8ead7bb95c7aULL},
    {&kSetA, "0123456789abcdefg", 0, 0xbf1eed92d58407e5ULL},
    {&kSetB, "0123456789abcdefg", 0, 0x8841bd124c2e76f6ULL},
    {&kSetA, "a", 0, 0xa72f2c4ddfb6f6e3ULL},
    {&kSetB, "a", 0, 0xa77726fa9dd48d31ULL},
    {&kSetA, "abc", 0, 0x6863518d748a48caULL},
    {&kSetA, "hello, world!", 0, 0x60a192b9849ee284ULL},
    {&kSetB, "hello, world!", 0, 0xc29328726a7be6d2ULL},
    {&kSetA, alphabet(100), 0, 0x7f3c9e0a74141427ULL},
    {&kSetB, alphabet(100), 0, 0xa315740a09ab6912ULL},
    {&kSetB, alphabet(100), 0xdeadbeef, 0x9f22a3cc5d23f40aULL},
    {&kSetA, alphabet(33), 0, 0xb0df7ab041c7b728ULL},
    {&kSetB, alphabet(33), 0, 0xa93abaefd0b31960ULL},
    {&kSetA, f64(-2.25), 0, 0x197c2546505bde25ULL},
    {&kSetA, f64(1.5), 0, 0x9dac794a47de9f76ULL},
    {&kSetB, f64(1.5), 0, 0x5b67190c054a27d3ULL},
};

}  // namespace

TEST_CASE("Go 1.14 memhash matches every vector of hashkey sets A and B", "[hash][go114]") {
  for (const MemhashVector& v : kMemhash114) {
    INFO((v.set == &kSetA ? "set A, " : "set B, ") << v.input.size() << "-byte input, seed " << v.seed);
    CHECK(h114(v.input, v.seed, *v.set) == v.want);
  }
}

TEST_CASE("tophash and bucket index derive from the vectors as the spec lists them", "[hash]") {
  // Spec 7.5's parenthesised (tophash, bucket at B=3) pairs.
  struct Derived {
    uint64_t hash;
    int tophash;
    uint64_t bucket;
  };
  const Derived pairs[] = {
      {0x484eafea4c971fd2ULL, 72, 2}, {0x161aab1b2b93ca77ULL, 22, 7}, {0x1c485b7c2be43343ULL, 28, 3},
      {0x06b0eb2bee06e9dbULL, 6, 3},  {0x3431de83a3257935ULL, 52, 5}, {0xb7dd465bcee94648ULL, 183, 0},
  };
  for (const Derived& d : pairs) {
    INFO(std::hex << d.hash);
    CHECK(int(tophash(d.hash)) == d.tophash);
    CHECK((d.hash & bucketMask(3)) == d.bucket);
  }
  // Top bytes 0..4 are states, so they are pushed up by 5 (spec section 1).
  CHECK(int(tophash(0x0000000000000000ULL)) == 5);
  CHECK(int(tophash(0x04ffffffffffffffULL)) == 9);
  CHECK(int(tophash(0x05ffffffffffffffULL)) == 5);
}

TEST_CASE("the Go 1.14 hash has the two artefacts the spec points out", "[hash][go114]") {
  // With K0 = 1, memhash64(1, seed 0) == memhash64(0, seed 1).
  CHECK(h114(i64(1), 0, kSetA) == h114(i64(0), 1, kSetA));
  // The empty string with seed 0 hashes to 0 whatever the hashkey.
  CHECK(h114("", 0, kSetB) == 0);
  CHECK(h114("", 0, {0x1111, 0x2223, 0x3333, 0x4445}) == 0);
}

TEST_CASE("float zero hashes depend only on the seed", "[hash][float]") {
  CHECK(floatZeroHash(0) == 0x041fe719c053b59fULL);
  CHECK(floatZeroHash(1) == 0x03ccf7ae04c451e0ULL);
  CHECK(floatZeroHash(0xdeadbeef) == 0xb005471e77012bb2ULL);
}

TEST_CASE("Go 1.19 memhash matches the vectors of the live runtime", "[hash][go119]") {
  CHECK(h119(i64(0), 0) == 0x55ed09c2b262962dULL);
  CHECK(h119(i64(1), 0) == 0xb55fef50d263e3f5ULL);
  CHECK(h119(i64(42), 0xdeadbeef) == 0x0c6fcb4d461e9e14ULL);
  CHECK(h119("", 0) == 0x957e951be6617918ULL);
  CHECK(h119("", 1) == 0x957e951be6617919ULL);
  CHECK(h119("hello, world!", 0) == 0xe97097bd56ac3ca8ULL);
  CHECK(h119(alphabet(100), 0) == 0x7da80b1f30e7ee4eULL);
  CHECK(h119(f64(1.5), 0) == 0xa8e1971093ee3898ULL);
}

TEST_CASE("the word forms of both hashes equal the byte forms", "[hash][go114][go119]") {
  // The raw lookup path hashes an int64 key as a word (hashing.h); the
  // vectors above pin the byte forms, so the two must agree everywhere.
  uint64_t v = 1;
  for (int i = 0; i < 2000; ++i, v = v * 6364136223846793005ULL + 1442695040888963407ULL) {
    const uint64_t seed = v >> 32;
    const std::string bytes(reinterpret_cast<const char*>(&v), 8);
    REQUIRE(memhash114Word(v, seed, kSetB[0]) == h114(bytes, seed, kSetB));
    REQUIRE(memhash114Word(v, seed, kSetA[0]) == h114(bytes, seed, kSetA));
    REQUIRE(memhash119Word(v, seed, kGo119Key0) == h119(bytes, seed));
  }
  CHECK(memhash119Word(42, 0xdeadbeef, kGo119Key0) == 0x0c6fcb4d461e9e14ULL);
}

TEST_CASE("fastrand produces the spec's six outputs from its check state", "[hash][fastrand]") {
  FastRand r{0x12345678, 0x9abcdef0};
  const uint32_t expected[] = {0xbfc27988, 0x271d7368, 0x141a043a, 0xb2d4b973, 0x856037f0, 0x3dc1ec66};
  for (uint32_t want : expected) CHECK(r.next() == want);
}

TEST_CASE("an int64 map hashes its keys with the scenario's hashkey and seed", "[hash][go114][scenario]") {
  SECTION("hashkey set A, seed 0") {
    CheckedScenario s;
    std::vector<Step> st = s.ok("map[int64]int64\nhashkey 1 1 1 1\nseed 0\nset 0\nset 1\nset -1");
    CHECK(loggedHash(st[3], s.map(), i64(0)) == 0x484eafea4c971fd2ULL);
    CHECK(loggedHash(st[4], s.map(), i64(1)) == 0x161aab1b2b93ca77ULL);
    CHECK(loggedHash(st[5], s.map(), i64(-1)) == 0xdb64c171c7691942ULL);
    // B=0: one bucket, slots in insertion order with the vectors' tophash.
    CHECK(tophashes(s.map(), s.map().buckets()) == std::vector<int>{72, 22, 0xdb, 0, 0, 0, 0, 0});
  }
  SECTION("hashkey words are forced odd, so 0 0 0 0 is set A") {
    CheckedScenario s;
    std::vector<Step> st = s.ok("map[int64]int64\nhashkey 0 0 0 0\nseed 0xdeadbeef\nset 42");
    CHECK(loggedHash(st[3], s.map(), i64(42)) == 0x1c485b7c2be43343ULL);
  }
  SECTION("the default hashkey is set B") {
    CheckedScenario s;
    std::vector<Step> st = s.ok("map[int64]int64\nseed 0\nset 0\nset 42\ndel 0\ndel 42");
    CHECK(loggedHash(st[2], s.map(), i64(0)) == 0x06b0eb2bee06e9dbULL);
    CHECK(loggedHash(st[3], s.map(), i64(42)) == 0x3431de83a3257935ULL);
  }
}

TEST_CASE("a string map hashes only the string bytes", "[hash][go114][scenario]") {
  CheckedScenario s;
  std::string text =
      "map[string]int64\nhashkey 1 1 1 1\nseed 0\nset \"\"\nset a\nset abc\n"
      "set \"hello, world!\"\nset 0123456789abcdefg\nset " +
      alphabet(33) + "\nset " + alphabet(100);
  std::vector<Step> st = s.ok(text);
  CHECK(loggedHash(st[3], s.map(), "") == 0);
  CHECK(loggedHash(st[4], s.map(), "a") == 0xa72f2c4ddfb6f6e3ULL);
  CHECK(loggedHash(st[5], s.map(), "abc") == 0x6863518d748a48caULL);
  CHECK(loggedHash(st[6], s.map(), "hello, world!") == 0x60a192b9849ee284ULL);
  CHECK(loggedHash(st[7], s.map(), "0123456789abcdefg") == 0xbf1eed92d58407e5ULL);
  CHECK(loggedHash(st[8], s.map(), alphabet(33)) == 0xb0df7ab041c7b728ULL);
  CHECK(loggedHash(st[9], s.map(), alphabet(100)) == 0x7f3c9e0a74141427ULL);
  // strhash("", 0) == 0: tophash 5, bucket 0 (spec 7.2).
  CHECK(s.map().tophashAt(s.map().buckets(), 0) == 5);
}

TEST_CASE("a float64 map hashes plus and minus zero from the seed alone", "[hash][float][scenario]") {
  auto hashesOfZeros = [](const std::string& setup) {
    CheckedScenario s;
    std::vector<Step> st = s.ok("map[float64]int64\n" + setup + "\nseed 0xdeadbeef\nset 0\nset -0\nset 1.5");
    return std::vector<uint64_t>{loggedHash(st[3], s.map(), f64(0.0)), loggedHash(st[4], s.map(), f64(-0.0)),
                                 loggedHash(st[5], s.map(), f64(1.5))};
  };
  std::vector<uint64_t> a = hashesOfZeros("hashkey 1 1 1 1");
  std::vector<uint64_t> b = hashesOfZeros("hashkey 0x9e3779b97f4a7c15 2 3 4");
  std::vector<uint64_t> c = hashesOfZeros("hasher go119");
  for (const auto& v : {a, b, c}) {
    CHECK(v[0] == 0xb005471e77012bb2ULL);
    CHECK(v[1] == 0xb005471e77012bb2ULL);
  }
  // An ordinary float is memhash of its bits, so it does depend on the hashkey.
  CHECK(a[2] != b[2]);
}

TEST_CASE("a float64 map's ordinary keys hash like the vectors", "[hash][float][scenario]") {
  CheckedScenario s;
  std::vector<Step> st = s.ok("map[float64]int64\nhashkey 1 1 1 1\nseed 0\nset 1.5\nset -2.25");
  CHECK(loggedHash(st[3], s.map(), f64(1.5)) == 0x9dac794a47de9f76ULL);
  CHECK(loggedHash(st[4], s.map(), f64(-2.25)) == 0x197c2546505bde25ULL);
}

TEST_CASE("hasher go119 hashes ints and strings like the Go 1.19 runtime", "[hash][go119][scenario]") {
  CheckedScenario ints;
  std::vector<Step> st =
      ints.ok("map[int64]int64\nhasher go119\nhashkey 0x3508887f9edc1d37\nseed 0\nset 0\nset 1");
  CHECK(loggedHash(st[4], ints.map(), i64(0)) == 0x55ed09c2b262962dULL);
  CHECK(loggedHash(st[5], ints.map(), i64(1)) == 0xb55fef50d263e3f5ULL);

  CheckedScenario strs;
  st = strs.ok("map[string]int64\nhasher go119\nhashkey 0x3508887f9edc1d37\nseed 1\nset \"\"");
  CHECK(loggedHash(st[4], strs.map(), "") == 0x957e951be6617919ULL);
}

TEST_CASE("hasher identity uses the integer key itself as the hash", "[hash][identity][scenario]") {
  CheckedScenario s("map[int64]int64\nhasher identity\nhint 27\nset 13\nset -1\nset 0x0500000000000002");
  GoMap& m = s.map();
  REQUIRE(m.B() == 3);
  // 13: top byte 0 -> tophash 5, bucket 13 & 7 = 5.
  CHECK(tophashes(m, m.bucketAddress(m.buckets(), 5)) == std::vector<int>{5, 0, 0, 0, 0, 0, 0, 0});
  // -1: all ones -> tophash 255, bucket 7.
  CHECK(tophashes(m, m.bucketAddress(m.buckets(), 7)) == std::vector<int>{255, 0, 0, 0, 0, 0, 0, 0});
  // 0x05...02: tophash 5 (already >= 5), bucket 2.
  CHECK(chainKeys(m, m.buckets(), 2) == std::vector<std::string>{"360287970189639682"});
  CHECK(m.hashOf(i64(13)) == 13);

  CheckedScenario i32;
  i32.ok("map[int32]int64\nhasher identity\nset 7");
  CHECK(i32.map().hashOf(std::string("\x07\0\0\0", 4)) == 7);
}

TEST_CASE("hasher identity refuses a string map", "[hash][identity][scenario][errors]") {
  CheckedScenario s;
  Step st = s.run("map[string]int64\nhasher identity\nset a")[2];
  CHECK_THAT(st.error, Catch::StartsWith("line 3: hasher identity works only with integer keys"));
  CHECK_FALSE(s.hasMap());
}

TEST_CASE("the map's hash0 is the first output of the random stream", "[hash][fastrand][scenario]") {
  CheckedScenario s("map[int64]int64\nrand 0x12345678 0x9abcdef0\nset 1");
  CHECK(s.map().hash0() == 0xbfc27988u);

  // Both halves zero is replaced by (0, 1), as the runtime does: the first
  // step then gives x = 1, (A, B) = (1, 1), output 1 + 1.
  CheckedScenario z;
  z.ok("map[int64]int64\nrand 0 0\nset 1");
  CHECK(z.map().hash0() == 2u);
}

TEST_CASE("every hashing of a NaN draws one fastrand", "[hash][float][fastrand][scenario]") {
  CheckedScenario s;
  std::vector<Step> st = s.ok("map[float64]int64\nrand 0x12345678 0x9abcdef0\nseed 0\nset NaN\nset NaN");
  // make drew 0xbfc27988; the NaNs draw 0x271d7368 and 0x141a043a:
  // C1 * (C0 ^ seed ^ r) from spec 7.3.
  REQUIRE(st[3].hashes.size() == 1);
  REQUIRE(st[4].hashes.size() == 1);
  CHECK(st[3].hashes[0].second == 0xcd29c9e875d65c77ULL);
  CHECK(st[4].hashes[0].second == 0xc6e27bd623f26325ULL);
  CHECK(s.map().count() == 2);
}
