// Allocator size classes, bucket layout per map type, and the preallocated
// overflow buckets that the size-class slack pays for (spec 2.2, 2.3, 3.3 -
// 3.5, 6.1).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "map_type.h"
#include "size_classes.h"
#include "support/checked_scenario.h"

using namespace gomap;
using namespace gomap::test;

namespace {

// Spec 3.5: Go 1.14's 66 size classes (class 0 unused).
const std::vector<uint64_t> kClasses = {
    8,     16,    32,    48,    64,    80,    96,    112,   128,   144,  160,   176,   192,   208,
    224,   240,   256,   288,   320,   352,   384,   416,   448,   480,  512,   576,   640,   704,
    768,   896,   1024,  1152,  1280,  1408,  1536,  1792,  2048,  2304, 2688,  3072,  3200,  3456,
    4096,  4864,  5376,  6144,  6528,  6784,  6912,  8192,  9472,  9728, 10240, 10880, 12288, 13568,
    14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};

}  // namespace

TEST_CASE("roundupsize returns the smallest size class at or above the request", "[alloc][size-classes]") {
  REQUIRE(kClasses.size() == 66);
  CHECK(roundupsize(1) == 8);
  uint64_t previous = 0;
  for (uint64_t c : kClasses) {
    INFO("class " << c);
    CHECK(roundupsize(c) == c);
    CHECK(roundupsize(previous + 1) == c);
    previous = c;
  }
  // Go 1.19's extra 24-byte class is not in 1.14.
  CHECK(roundupsize(24) == 32);
  // 32768 and up: whole 8 KiB pages.
  CHECK(roundupsize(32768) == 32768);
  CHECK(roundupsize(32769) == 40960);
  CHECK(roundupsize((1u << 20) + 1) == (1u << 20) + 8192);
  // The spec's worked example: 17 buckets of 144 bytes.
  CHECK(roundupsize(17 * 144) == 2688);
}

TEST_CASE("bucket layout matches the spec's table for each map type", "[layout]") {
  struct Row {
    const char* type;
    int keysize, elemsize, bucketsize;
    uint32_t flags;
  };
  // Spec 2.3 (bucket sizes) and 2.2 (flags: 1 indirect key, 2 indirect
  // elem, 4 reflexive, 8 need key update). int8 and string elems are
  // stood in for by [1]byte and [16]byte, which have the same sizes.
  const Row rows[] = {
      {"map[int64]int64", 8, 8, 144, 4},
      {"map[float64]int64", 8, 8, 144, 8},
      {"map[string]int64", 16, 8, 208, 12},
      {"map[int32][1]byte", 4, 1, 56, 4},
      {"map[[3]byte][1]byte", 3, 1, 48, 4},
      {"map[[200]byte][200]byte", 8, 8, 144, 7},
      {"map[string][16]byte", 16, 16, 272, 12},
      {"map[int32][4]byte", 4, 4, 80, 4},
      {"map[[128]byte][128]byte", 128, 128, 2064, 4},
  };
  for (const Row& r : rows) {
    INFO(r.type);
    MapType t = typeOf(r.type);
    CHECK(int(t.keysize) == r.keysize);
    CHECK(int(t.elemsize) == r.elemsize);
    CHECK(int(t.bucketsize) == r.bucketsize);
    CHECK(t.flags() == r.flags);
    CHECK(t.name() == r.type);
  }
}

TEST_CASE("slot offsets inside a bucket follow tophash then keys then elems then overflow", "[layout]") {
  // Spec 10.3's concrete offsets.
  MapType ints = typeOf("map[int64]int64");
  MapType strs = typeOf("map[string]int64");
  for (int j = 0; j < 8; ++j) {
    CHECK(ints.keyOffset(j) == uint64_t(8 + 8 * j));
    CHECK(ints.elemOffset(j) == uint64_t(72 + 8 * j));
    CHECK(strs.keyOffset(j) == uint64_t(8 + 16 * j));
    CHECK(strs.elemOffset(j) == uint64_t(136 + 8 * j));
  }
  CHECK(ints.overflowOffset() == 136);
  CHECK(strs.overflowOffset() == 200);
}

TEST_CASE("types larger than 128 bytes are stored indirectly and 128 is still inline", "[layout][indirect]") {
  MapType inline128 = typeOf("map[[128]byte]int64");
  CHECK_FALSE(inline128.indirectKey);
  CHECK(int(inline128.keysize) == 128);
  MapType boxed129 = typeOf("map[[129]byte]int64");
  CHECK(boxed129.indirectKey);
  CHECK(int(boxed129.keysize) == 8);
  CHECK(int(boxed129.bucketsize) == 144);
}

TEST_CASE("the compiler's fast path routing follows the key type", "[layout][variant]") {
  // Spec 6.1.
  CHECK(typeOf("map[int64]int64").variant == Variant::Fast64);
  CHECK(typeOf("map[[8]byte]int64").variant == Variant::Fast64);
  CHECK(typeOf("map[int32]int64").variant == Variant::Fast32);
  CHECK(typeOf("map[[4]byte]int64").variant == Variant::Fast32);
  CHECK(typeOf("map[string]int64").variant == Variant::FastStr);
  CHECK(typeOf("map[float64]int64").variant == Variant::Generic);
  CHECK(typeOf("map[[3]byte]int64").variant == Variant::Generic);
  CHECK(typeOf("map[[16]byte]int64").variant == Variant::Generic);
  // An elem over 128 bytes sends every operation down the generic path.
  CHECK(typeOf("map[int64][200]byte").variant == Variant::Generic);
  CHECK(typeOf("map[string][200]byte").variant == Variant::Generic);
  CHECK(typeOf("map[string][128]byte").variant == Variant::FastStr);
}

TEST_CASE("which buckets hold pointers follows the slot types", "[layout]") {
  // Spec 2.2: an indirect slot is a pointer; a string header holds one.
  CHECK_FALSE(typeOf("map[int64]int64").bucketHasPointers);
  CHECK_FALSE(typeOf("map[float64]int64").bucketHasPointers);
  CHECK(typeOf("map[string]int64").bucketHasPointers);
  CHECK(typeOf("map[int64][200]byte").bucketHasPointers);
  CHECK(typeOf("map[[200]byte]int64").bucketHasPointers);
}

TEST_CASE("preallocated overflow counts match the spec's table for B 4 to 16", "[alloc][prealloc][I11]") {
  struct Row {
    const char* type;
    int bucketsize;
    std::vector<uint64_t> spares;  // B = 4 .. 16
  };
  // Spec 3.5 (80 is map[int32][4]byte: 8+32+32+8; 272 is map[string][16]byte: 8+128+128+8).
  const Row rows[] = {
      {"map[int64]int64", 144, {2, 5, 7, 14, 28, 56, 113, 170, 284, 512, 1024, 2048, 4096}},
      {"map[string]int64", 208, {3, 7, 4, 9, 19, 39, 78, 157, 275, 512, 1024, 2048, 4096}},
      {"map[int32][4]byte", 80, {1, 6, 12, 8, 16, 102, 102, 204, 307, 512, 1024, 2048, 4096}},
      {"map[string][16]byte", 272, {1, 2, 6, 22, 45, 60, 90, 150, 271, 512, 1024, 2048, 4096}},
  };
  for (const Row& r : rows) {
    for (int B = 4; B <= 16; ++B) {
      INFO(r.type << " B " << B);
      CheckedScenario s;
      const uint64_t hint = 13 * (uint64_t(1) << (B - 1));  // the largest hint for this B
      s.ok(std::string(r.type) + "\nhint " + std::to_string(hint) + "\ndump");
      GoMap& m = s.map();
      REQUIRE(int(m.B()) == B);
      REQUIRE(int(m.type().bucketsize) == r.bucketsize);
      const uint64_t base = uint64_t(1) << B;
      const uint64_t total = m.arrayBuckets(m.B());
      CHECK(total - base == r.spares[B - 4]);
      // The sentinel: the last spare's overflow word holds the array's own
      // address; the next spare to hand out is bucket[2^B].
      CHECK(m.overflowOf(m.bucketAddress(m.buckets(), total - 1)) == m.buckets());
      CHECK(m.nextOverflow() == m.bucketAddress(m.buckets(), base));
      // Every other overflow word of the array is zero.
      if (total - base > 1) CHECK(m.overflowOf(m.bucketAddress(m.buckets(), total - 2)) == 0);
      CHECK(m.overflowOf(m.bucketAddress(m.buckets(), base - 1)) == 0);
    }
  }
}

TEST_CASE("below B 4 an array has no spare buckets and no sentinel", "[alloc][prealloc][I11]") {
  for (int hint : {9, 14, 27}) {
    CheckedScenario s("map[int64]int64\nhint " + std::to_string(hint) + "\ndump");
    GoMap& m = s.map();
    CHECK(m.arrayBuckets(m.B()) == bucketShift(m.B()));
    CHECK(m.nextOverflow() == 0);
  }
}

TEST_CASE("the worked example B 4 int64 map has 18 buckets with the sentinel in bucket 17",
          "[alloc][prealloc][I11]") {
  CheckedScenario s;
  s.ok("map[int64]int64\nhint 53\ndump");  // spec 11.2: make(m, 53) -> B 4
  GoMap& m = s.map();
  REQUIRE(m.B() == 4);
  CHECK(m.arrayBuckets(4) == 18);
  const uint64_t array = m.buckets();
  CHECK(m.overflowOf(m.bucketAddress(array, 17)) == array);
  CHECK(m.overflowOf(m.bucketAddress(array, 16)) == 0);
  CHECK(m.nextOverflow() == m.bucketAddress(array, 16));
}

TEST_CASE("overflow buckets come from the spare area in order and then from the heap",
          "[alloc][prealloc][overflow][I8][I11]") {
  CheckedScenario s("map[int64]int64\nhint 53\ncollide 0 8");
  GoMap& m = s.map();
  const uint64_t array = m.buckets();
  const uint64_t spare16 = m.bucketAddress(array, 16), spare17 = m.bucketAddress(array, 17);
  CHECK(chainLength(m, array, 0) == 1);

  s.ok("collide 0 1");  // the 9th key of bucket 0 takes spare 16
  CHECK(m.overflowOf(m.bucketAddress(array, 0)) == spare16);
  CHECK(m.nextOverflow() == spare17);
  CHECK(m.overflowOf(spare17) == array);  // still the sentinel
  CHECK(m.noverflow() == 1);

  s.ok("collide 0 8");  // the 17th takes spare 17, the last one: sentinel cleared
  CHECK(m.overflowOf(spare16) == spare17);
  CHECK(m.overflowOf(spare17) == 0);
  CHECK(m.nextOverflow() == 0);
  CHECK(m.noverflow() == 2);

  s.ok("collide 0 8");  // the 25th needs a fresh bucket from the heap
  const uint64_t fresh = m.overflowOf(spare17);
  CHECK(fresh >= m.bucketAddress(array, 18));
  CHECK(m.noverflow() == 3);
  CHECK(chainLength(m, array, 0) == 4);
  CHECK(m.count() == 25);
}
