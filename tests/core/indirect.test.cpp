// Keys and elems over 128 bytes live in separate objects; the bucket holds
// 8-byte pointers (spec 1 maxKeySize, 2.3, 4.4 step 4a/4b, 4.11, 11.17).
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "support/checked_scenario.h"

using namespace gomap;
using namespace gomap::test;

namespace {

std::string padded(const std::string& s, size_t n) {
  std::string out = s;
  out.resize(n, '\0');
  return out;
}

}  // namespace

TEST_CASE("a 200-byte key and elem are stored through pointer slots", "[indirect][layout]") {
  CheckedScenario s("map[[200]byte][200]byte\nset apple red\nset pear green");
  GoMap& m = s.map();
  CHECK(m.type().bucketsize == 144);
  CHECK(m.type().flags() == 7);
  const uint64_t b = m.buckets();
  const uint64_t keyPtr = load64(m, b + 8);           // key slot 0
  const uint64_t elemPtr = load64(m, b + 8 + 8 * 8);  // elem slot 0
  CHECK(keyPtr == m.keyAt(b, 0));
  CHECK(elemPtr == m.elemAt(b, 0));
  // Outside the bucket, in objects of their own.
  CHECK((keyPtr < b || keyPtr >= b + 144));
  CHECK((elemPtr < b || elemPtr >= b + 144));
  CHECK(bytesAt(m, keyPtr, 200) == padded("apple", 200));
  CHECK(bytesAt(m, elemPtr, 200) == padded("red", 200));
  CHECK(bytesAt(m, m.keyAt(b, 1), 200) == padded("pear", 200));
  CHECK(*s.one("get apple").result == "red true");
}

TEST_CASE("deleting an indirect entry nils both pointer slots", "[indirect][delete]") {
  CheckedScenario s("map[[200]byte][200]byte\nset apple red\nset pear green");
  GoMap& m = s.map();
  const uint64_t b = m.buckets();
  const uint64_t keyObj = load64(m, b + 8);
  s.ok("del apple");
  CHECK(load64(m, b + 8) == 0);
  CHECK(load64(m, b + 8 + 8 * 8) == 0);
  CHECK(m.tophashAt(b, 0) == kEmptyOne);
  // The object itself is untouched: it is garbage now, not cleared.
  CHECK(bytesAt(m, keyObj, 200) == padded("apple", 200));
  // The other entry's pointers are unchanged.
  CHECK(load64(m, b + 16) != 0);
}

TEST_CASE("evacuation moves the pointers and leaves the objects where they are", "[indirect][grow]") {
  CheckedScenario s("map[[200]byte][200]byte\nfill 8");
  GoMap& m = s.map();
  std::set<uint64_t> keyObjs, elemObjs;
  for (int i = 0; i < 8; ++i) {
    keyObjs.insert(m.keyAt(m.buckets(), i));
    elemObjs.insert(m.elemAt(m.buckets(), i));
  }
  const uint64_t heapBefore = m.heap().used();
  s.ok("fill 1");  // the 9th key: B 0 -> 1, evacuated within the insert
  REQUIRE(m.B() == 1);
  REQUIRE_FALSE(m.growing());
  std::set<uint64_t> movedKeys, movedElems;
  for (uint64_t bi = 0; bi < 2; ++bi) {
    const uint64_t b = m.bucketAddress(m.buckets(), bi);
    for (int i = 0; i < 8; ++i) {
      if (m.tophashAt(b, i) < kMinTopHash) continue;
      movedKeys.insert(m.keyAt(b, i));
      movedElems.insert(m.elemAt(b, i));
    }
  }
  CHECK(movedKeys.size() == 9);
  // The eight old objects are all still referenced, plus the new key's.
  for (uint64_t p : keyObjs) CHECK(movedKeys.count(p) == 1);
  for (uint64_t p : elemObjs) CHECK(movedElems.count(p) == 1);
  // What was allocated: the new array (2 buckets) and the 9th key's two
  // 200-byte objects (208-byte size class) -- no copies of the old ones.
  CHECK(m.heap().used() - heapBefore == 2 * 144 + 208 + 208);
}

TEST_CASE("a key of exactly 128 bytes stays inline", "[indirect][layout]") {
  CheckedScenario s("map[[128]byte]int64\nset abc 5");
  GoMap& m = s.map();
  const uint64_t b = m.buckets();
  CHECK(m.keyAt(b, 0) == b + 8);
  CHECK(bytesAt(m, b + 8, 128) == padded("abc", 128));
  CHECK(load64(m, m.elemAt(b, 0)) == 5);
}
