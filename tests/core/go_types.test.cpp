// Go's other types (docs/scenario-format.md, "Go's other types"): layout against Go's own
// numbers, hashing as compiled Go 1.14 composes it, literal text in and fmt.Sprint text out,
// and bad types and literals refused with the map unchanged.
//
// The layout numbers below were printed by Go 1.19 on amd64 (reflect's Size/Align/Offset,
// i.e. unsafe.Sizeof/Alignof/Offsetof, and the compiled map type's keysize, elemsize,
// bucketsize and flags) with `oracle --layout` (tests/conformance/oracle/layout.go); the
// conformance suite repeats the comparison live for every type the oracle knows.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "go_type.h"
#include "hashing.h"
#include "key_text.h"
#include "map_layout.h"
#include "map_type.h"
#include "support/checked_scenario.h"
#include "support/twin_maps.h"
#include "swiss/swiss_layout.h"
#include "swiss/swiss_map.h"
#include "typed_value.h"

using namespace gomap;
using namespace gomap::test;

namespace {

// Go 1.26's slot geometry for the type (abi.MapType's SlotSize, ElemOff,
// GroupSize and Flags, as `oracle126 --layout` prints them).
struct SwissRow {
  uint32_t slotSize, elemOff, groupSize, flags;
};

struct LayoutRow {
  const char* type;
  uint64_t keySize, keyAlign, elemSize, elemAlign;
  unsigned keysize, elemsize, bucketsize, flags;
  const char* hasher;  // "generated" for a compiler-generated function
  const char* variant;
  SwissRow swiss;
};

// From Go 1.19 (see the file comment); variant from the compiler's mapfast
// rule; the Swiss part from Go 1.26 on amd64.
// One type a row, kept as written.
// clang-format off
const LayoutRow kFromGo[] = {
    {"map[bool]int64", 1, 1, 8, 8, 1, 8, 88, 4, "memhash8", "generic", {16, 8, 136, 0}},
    {"map[int8]bool", 1, 1, 1, 1, 1, 1, 32, 4, "memhash8", "generic", {2, 1, 24, 0}},
    {"map[uint16]bool", 2, 2, 1, 1, 2, 1, 40, 4, "memhash16", "generic", {4, 2, 40, 0}},
    {"map[int16]int16", 2, 2, 2, 2, 2, 2, 48, 4, "memhash16", "generic", {4, 2, 40, 0}},
    {"map[uint32]uint64", 4, 4, 8, 8, 4, 8, 112, 4, "memhash32", "fast32", {16, 8, 136, 0}},
    {"map[float32]uint8", 4, 4, 1, 1, 4, 1, 56, 8, "f32hash", "generic", {8, 4, 72, 1}},
    {"map[complex64]int64", 8, 4, 8, 8, 8, 8, 144, 8, "c64hash", "generic", {16, 8, 136, 1}},
    {"map[complex128]bool", 16, 8, 1, 1, 16, 1, 152, 8, "c128hash", "generic", {24, 16, 200, 1}},
    // Swiss: a trailing zero-size elem pads the slot.
    {"map[int]struct{}", 8, 8, 0, 1, 8, 0, 80, 4, "memhash64", "fast64", {16, 8, 136, 0}},
    {"map[uintptr]int64", 8, 8, 8, 8, 8, 8, 144, 4, "memhash64", "fast64", {16, 8, 136, 0}},
    {"map[uint64]string", 8, 8, 16, 8, 8, 16, 208, 4, "memhash64", "fast64", {24, 8, 200, 0}},
    {"map[string]string", 16, 8, 16, 8, 16, 16, 272, 12, "strhash", "faststr", {32, 16, 264, 1}},
    {"map[string]bool", 16, 8, 1, 1, 16, 1, 152, 12, "strhash", "faststr", {24, 16, 200, 1}},
    {"map[string][]byte", 16, 8, 24, 8, 16, 24, 336, 12, "strhash", "faststr", {40, 16, 328, 1}},
    {"map[string]float32", 16, 8, 4, 4, 16, 4, 176, 12, "strhash", "faststr", {24, 16, 200, 1}},
    {"map[[1]string]int64", 16, 8, 8, 8, 16, 8, 208, 12, "strhash", "faststr", {24, 16, 200, 1}},
    {"map[[2][3]int16]int64", 12, 2, 8, 8, 12, 8, 176, 4, "memhash_varlen", "generic", {24, 16, 200, 0}},
    {"map[[2]float32][2]complex128", 8, 4, 32, 8, 8, 32, 336, 8, "generated", "generic", {40, 8, 328, 1}},
    {"map[[2]int64]string", 16, 8, 16, 8, 16, 16, 272, 4, "memhash128", "generic", {32, 16, 264, 0}},
    {"map[[2]string]int64", 32, 8, 8, 8, 32, 8, 336, 12, "generated", "generic", {40, 32, 328, 1}},
    {"map[[3]float64]int64", 24, 8, 8, 8, 24, 8, 272, 8, "generated", "generic", {32, 24, 264, 1}},
    {"map[struct{X, Y int32}]bool", 8, 4, 1, 1, 8, 1, 88, 4, "memhash64", "fast64", {12, 8, 104, 0}},
    {"map[struct{A int8; B int64}]string", 16, 8, 16, 8, 16, 16, 272, 4, "generated", "generic",
     {32, 16, 264, 0}},
    {"map[struct{A, B int8; C string}]int64", 24, 8, 8, 8, 24, 8, 272, 12, "generated", "generic",
     {32, 24, 264, 1}},
    {"map[struct{A float64; B int32}]string", 16, 8, 16, 8, 16, 16, 272, 8, "generated", "generic",
     {32, 16, 264, 1}},
    {"map[struct{C complex64; N int16}]int64", 12, 4, 8, 8, 12, 8, 176, 8, "generated", "generic",
     {24, 16, 200, 1}},
    {"map[struct{P struct{A int8; B int64}; S string; F float32}]int64", 40, 8, 8, 8, 40, 8, 400, 8,
     "generated", "generic", {48, 40, 392, 1}},
    {"map[struct{S string}]int64", 16, 8, 8, 8, 16, 8, 208, 12, "strhash", "faststr", {24, 16, 200, 1}},
    {"map[struct{A int64; Z struct{}}]int64", 16, 8, 8, 8, 16, 8, 208, 4, "generated", "generic",
     {24, 16, 200, 0}},
    {"map[struct{A [16]int64; B int8}]int64", 136, 8, 8, 8, 8, 8, 144, 5, "generated", "generic",
     {16, 8, 136, 4}},
    {"map[struct{A [15]int64; B int32; C float32}]int64", 128, 8, 8, 8, 128, 8, 1104, 8, "generated",
     "generic", {136, 128, 1096, 1}},
    {"map[int64]struct{A [16]int64; B int8}", 8, 8, 136, 8, 8, 8, 144, 6, "memhash64", "generic",
     {16, 8, 136, 8}},
    {"map[int64]struct{A [15]int64; B int32; C float32}", 8, 8, 128, 8, 8, 128, 1104, 4, "memhash64",
     "fast64", {136, 8, 1096, 0}},
    {"map[struct{B [3]byte; T bool}]int64", 4, 1, 8, 8, 4, 8, 112, 4, "memhash32", "fast32", {16, 8, 136, 0}},
    {"map[struct{}]int64", 0, 1, 8, 8, 0, 8, 80, 4, "memhash0", "generic", {8, 0, 72, 0}},
    {"map[int32]struct{A int8; B int64}", 4, 4, 16, 8, 4, 16, 176, 4, "memhash32", "fast32", {24, 8, 200, 0}},
};
// clang-format on

std::string encode(const MapType& t, const char* literal) {
  std::string bytes;
  REQUIRE(parseKey(t, literal, &bytes).ok());
  return bytes;
}

}  // namespace

TEST_CASE("map types are laid out as Go lays them out", "[types][layout]") {
  for (const LayoutRow& r : kFromGo) {
    INFO(r.type);
    MapType t = typeOf(r.type);
    CHECK(t.keyGo->size == r.keySize);
    CHECK(t.keyGo->align == r.keyAlign);
    CHECK(t.elemGo->size == r.elemSize);
    CHECK(t.elemGo->align == r.elemAlign);
    CHECK(t.keysize == r.keysize);
    CHECK(t.elemsize == r.elemsize);
    CHECK(t.bucketsize == r.bucketsize);
    CHECK(t.flags() == r.flags);
    CHECK(t.overflowOffset() == r.bucketsize - 8u);
    const std::string h = t.hasherName();
    CHECK((h.rfind(".hash.", 0) == 0 ? std::string("generated") : h) == r.hasher);
    CHECK(std::string(t.variantName()) == r.variant);
  }
}

TEST_CASE("struct fields sit at Go's offsets, with padding counted", "[types][layout]") {
  MapType t = typeOf("map[struct{P struct{A int8; B int64}; S string; F float32}]int64");
  const GoType& k = *t.keyGo;
  REQUIRE(k.fields.size() == 3);
  CHECK(k.fields[0].offset == 0);
  CHECK(k.fields[1].offset == 16);
  CHECK(k.fields[2].offset == 32);
  CHECK(k.size == 40);  // 4 bytes of tail padding after F
  CHECK(k.alg == GoAlg::Special);
  CHECK(k.paddedField(2));
  const std::string layout = mapLayoutJson(t);
  CHECK(layout.find("\"padding\":11") != std::string::npos);  // 7 inside P, 4 after F
  // struct{A int64; Z struct{}}: a trailing zero-size field adds a byte, then alignment.
  REQUIRE(parseMapType("map[struct{A int64; Z struct{}}]int64", &t).ok());
  CHECK(t.keyGo->size == 16);
  CHECK(t.keyGo->fields[1].offset == 8);
  // byte and rune are the aliases they are.
  REQUIRE(parseMapType("map[[4]byte]rune", &t).ok());
  CHECK(t.name() == "map[[4]byte]int32");
  CHECK(t.key == KeyKind::Bytes);  // the version-1 [N]byte, text form kept
}

TEST_CASE("generated hashes compose the runtime's functions as compiled Go does", "[types][hashing]") {
  const HashKey key = kDefaultHashKey;
  HashPrimitives fns;
  fns.memhash = [&](const uint8_t* p, uint64_t s, size_t n) { return memhash114(p, s, n, key); };
  fns.fastrand = [] { return 7u; };
  const uint64_t seed = 0x1234;
  MapType t;

  // struct{A, B int8; C string}: one 2-byte memhash over A and B, then strhash of C.
  REQUIRE(parseMapType("map[struct{A, B int8; C string}]int64", &t).ok());
  std::string enc = encode(t, "{1, 2, \"xyz\"}");
  const uint8_t ab[2] = {1, 2};
  uint64_t want = memhash114(ab, seed, 2, key);
  want = memhash114(reinterpret_cast<const uint8_t*>("xyz"), want, 3, key);
  CHECK(typeHash(*t.keyGo, enc, seed, fns) == want);

  // struct{A int8; B int64}: A is followed by padding, so two runs.
  REQUIRE(parseMapType("map[struct{A int8; B int64}]int64", &t).ok());
  enc = encode(t, "{1, 2}");
  const uint8_t a = 1;
  const uint64_t b = 2;
  want = memhash114(reinterpret_cast<const uint8_t*>(&b), memhash114(&a, seed, 1, key), 8, key);
  CHECK(typeHash(*t.keyGo, enc, seed, fns) == want);

  // struct{A float64; B int32}: ±0 hash alike (f64hash), B is its own 4-byte run.
  REQUIRE(parseMapType("map[struct{A float64; B int32}]int64", &t).ok());
  CHECK(typeHash(*t.keyGo, encode(t, "{0, 5}"), seed, fns) ==
        typeHash(*t.keyGo, encode(t, "{-0, 5}"), seed, fns));
  const int32_t five = 5;
  CHECK(typeHash(*t.keyGo, encode(t, "{0, 5}"), seed, fns) ==
        memhash114(reinterpret_cast<const uint8_t*>(&five), floatZeroHash(seed), 4, key));
  CHECK(valuesEqual(*t.keyGo, encode(t, "{0, 5}"), encode(t, "{-0, 5}")));
  // A NaN inside makes the key unequal to itself and draws a random number per NaN.
  int draws = 0;
  fns.fastrand = [&] { return uint32_t(++draws); };
  const std::string nan = encode(t, "{NaN, 1}");
  CHECK_FALSE(valuesEqual(*t.keyGo, nan, nan));
  CHECK(typeHash(*t.keyGo, nan, seed, fns) != typeHash(*t.keyGo, nan, seed, fns));
  CHECK(draws == 2);

  // Plain memory of size 0 (struct{}): memhash0 returns the seed itself.
  REQUIRE(parseMapType("map[struct{}]int64", &t).ok());
  CHECK(typeHash(*t.keyGo, "", seed, fns) == seed);

  // complex128: f64hash of the real part, then of the imaginary part.
  REQUIRE(parseMapType("map[complex128]int64", &t).ok());
  enc = encode(t, "(1.5-0i)");
  const double re = 1.5;
  CHECK(typeHash(*t.keyGo, enc, seed, fns) ==
        floatZeroHash(memhash114(reinterpret_cast<const uint8_t*>(&re), seed, 8, key)));
}

TEST_CASE("values read as composite literals and print as fmt.Sprint", "[types][text]") {
  struct Case {
    const char* type;
    const char* literal;
    const char* printed;
  };
  const Case cases[] = {
      {"map[bool]int64", "true", "true"},
      {"map[int8]int64", "-128", "-128"},
      {"map[uint64]int64", "0xffffffffffffffff", "18446744073709551615"},
      {"map[float32]int64", "16777217", "1.6777216e+07"},  // rounds once, to float32
      {"map[float32]int64", "0.1", "0.1"},
      {"map[complex64]int64", "(1+2i)", "(1+2i)"},
      {"map[complex128]int64", "(-0-0i)", "(-0-0i)"},
      {"map[complex128]int64", "(+Inf+2i)", "(+Inf+2i)"},
      {"map[[3]int16]int64", "{1, -2, 3}", "[1 -2 3]"},
      {"map[struct{A int8; B string}]int64", "{1, \"a b\"}", "{1 a b}"},
      {"map[struct{S string}]int64", "{\"x\\ty\"}", "{x\ty}"},
      {"map[[2]string]int64", "{\"\", \"q\\\"\"}", "[ q\"]"},
      {"map[struct{B [3]byte; T bool}]int64", "{{97, 98, 0}, false}", "{[97 98 0] false}"},
      {"map[struct{}]int64", "{}", "{}"},
      {"map[struct{A int64; Z struct{}}]int64", "{7, {}}", "{7 {}}"},
  };
  for (const Case& c : cases) {
    INFO(c.type << " " << c.literal);
    MapType t = typeOf(c.type);
    std::string bytes;
    REQUIRE(parseKey(t, c.literal, &bytes).ok());
    CHECK(formatKey(t, bytes) == c.printed);
    // The literal form reads back as the same value.
    if (t.key == KeyKind::Typed || t.key == KeyKind::Plain) {
      std::string again;
      REQUIRE(parseKey(t, literalValue(*t.keyGo, bytes), &again).ok());
      CHECK(again == bytes);
    }
  }
  // Elements: slices, strings and zero values.
  MapType t = typeOf("map[string][]byte");
  std::string e;
  REQUIRE(parseElem(t, "{104, 105}", &e).ok());
  CHECK(formatElem(t, e) == "[104 105]");
  REQUIRE(parseElem(t, "nil", &e).ok());
  CHECK(formatElem(t, e) == "[]");
  CHECK(literalValue(*t.elemGo, e) == "nil");
  REQUIRE(parseElem(t, "{}", &e).ok());
  CHECK(literalValue(*t.elemGo, e) == "{}");
}

TEST_CASE("a map of Go's other types runs scenarios, with get results and fill as documented",
          "[types][scenario]") {
  CheckedScenario s("map[struct{X, Y int32}]bool");
  CHECK(s.one("set {1, 2} true").error.empty());
  CHECK(s.one("get {1, 2}").result == "true true");
  CHECK(s.one("get {2, 1}").result == "false false");
  CHECK(s.map().type().variant == Variant::Fast64);
  s.ok("fill 3");  // {1, 1} true, {2, 2} false, {3, 3} true
  CHECK(s.one("get {2, 2}").result == "false true");
  CHECK(s.map().count() == 4);

  CheckedScenario str;
  str.ok("map[string]string\nfill 2\nset a \"b c\"");
  CHECK(str.one("get k2").result == "k2 true");
  CHECK(str.one("get a").result == "b c true");
  CHECK(str.one("get zz").result == " false");

  CheckedScenario pad;
  pad.ok("map[int8]struct{A int8; B int64}\nfill 300");  // int8 keys wrap: 256 of them
  CHECK(pad.map().count() == 256);
  CHECK(pad.one("get -1").result == "{-1 255} true");  // key 255 wrapped; its element 255 too
  CHECK(pad.one("del 5").error.empty());
  CHECK(pad.one("get 5").result == "{0 0} false");
}

TEST_CASE("types Go refuses or this playground does not model are refused, saying which and where",
          "[types][errors]") {
  const Refusal cases[] = {
      {"map[[]int]int64",
       "key type '[]int' is not comparable (it holds a slice): Go refuses it as a map key"},
      {"map[func()]int64", "key type 'func()': func types are not comparable"},
      {"map[map[int]int]int64", "key type 'map[int]int': map types are not comparable"},
      {"map[*int]int64", "key type '*int': pointer types are not modelled"},
      {"map[chan int]int64", "key type 'chan int': channel types are not modelled"},
      {"map[interface{}]int64", "key type 'interface{}': interface types are not modelled"},
      {"map[any]int64", "key type 'any': interface types are not modelled"},
      {"map[int64]error", "element type 'error': interface types are not modelled"},
      {"map[foo]int64", "key type 'foo': unknown type name 'foo' (at column 1)"},
      {"map[struct{A int8; A int8}]int64", "key type 'struct{A int8; A int8}': duplicate field A"},
      {"map[struct{_ int8}]int64", "blank fields (_) are not modelled"},
      {"map[struct{int8}]int64", "field 'int8' must be exported"},
      {"map[struct{A}]int64", "embedded fields are not modelled"},
      {"map[[300]int8]int64", "array length 300 is over this playground's limit of 256"},
      {"map[[256][256]int64]int64", "a 524288-byte type is over this playground's limit of 4096 bytes"},
      {"map[[1][1][1][1][1][1][1][1][1][1]int8]int64", "types nested more than 8 deep are not modelled"},
      {"map[int64][]", "element type '[]': a type is missing"},
  };
  for (const Refusal& c : cases) {
    INFO(c.input);
    MapType t;
    Status st = parseMapType(c.input, &t);
    REQUIRE_FALSE(st.ok());
    CHECK_THAT(st.message(), Catch::Contains(c.why));
  }
}

TEST_CASE("a literal of the wrong shape is refused and the map is left as it was", "[types][errors]") {
  CheckedScenario s;
  s.ok("map[struct{A int8; B string}][2]float32\nset {1, \"a\"} {1.5, 2}");
  const uint64_t count = s.map().count();
  const Refusal cases[] = {
      {"set {1} {1, 2}", "',' expected: struct{A int8; B string} takes 2 values"},  // a missing field
      {"set {1, \"a\", 3} {1, 2}", "'}' expected"},
      {"set {1, a} {1, 2}", "a string inside a composite value is written in double quotes"},
      {"set {300, \"a\"} {1, 2}", "'300' is not an int8"},
      {"set {1, \"a\"} {1, 2, 3}", "'}' expected: [2]float32 takes 2 values"},
      {"set {1, \"a\"} {1e39, 0}", "too large for a float32"},
      {"get (1+2i)", "a struct value is written {"},
      {"del {1, \"a\"", "usage: del K"},  // unclosed: read as plain tokens, as before
  };
  for (const Refusal& c : cases) {
    INFO(c.input);
    Step st = s.one(c.input);
    CHECK_THAT(st.error, Catch::Contains(c.why));
    CHECK(s.map().count() == count);
  }
  CHECK(s.one("get {1, \"a\"}").result == "[1.5 2] true");
}

TEST_CASE("a key with a NaN inside is never found, as in Go, and clear removes it", "[types][floats]") {
  CheckedScenario s;
  s.ok("map[struct{A float64; B int32}]string");
  CHECK(s.one("set {NaN, 1} a").error.empty());
  CHECK(s.one("set {NaN, 1} b").error.empty());  // not equal to the first: a second entry
  CHECK(s.map().count() == 2);
  CHECK(s.one("get {NaN, 1}").result == " false");
  CHECK(s.one("del {NaN, 1}").error.empty());  // finds nothing to delete
  CHECK(s.map().count() == 2);
  s.ok("fill 20");  // grows: the NaN keys are evacuated with fresh random hashes
  const Step it = s.one("iter");
  REQUIRE(it.keys);
  CHECK(std::count(it.keys->begin(), it.keys->end(), "{NaN 1}") == 2);
  s.ok("clear");
  CHECK(s.map().count() == 0);
}

TEST_CASE("a traced insert of a value with strings winds back byte for byte", "[types][journal]") {
  MapConfig cfg;
  REQUIRE(parseMapType("map[struct{A, B int8; C string}][]string", &cfg.type).ok());
  GoMap m;
  REQUIRE(GoMap::create(cfg, &m).ok());
  std::string k, e;
  for (int i = 0; i < 8; ++i) {
    REQUIRE(parseKey(cfg.type, "{1, 2, \"key " + std::to_string(i) + "\"}", &k).ok());
    REQUIRE(parseElem(cfg.type, "{\"x\", \"y" + std::to_string(i) + "\"}", &e).ok());
    REQUIRE(m.set(k, e).ok());
  }
  const std::vector<uint8_t> before = m.heap().bytes();
  Trace trace;
  m.setTrace(&trace);
  m.startJournal();
  REQUIRE(parseKey(cfg.type, "{1, 2, \"the ninth\"}", &k).ok());
  REQUIRE(m.set(k, e).ok());  // grows B 0 -> 1, copies headers, allocates the strings
  m.stopJournal();
  m.setTrace(nullptr);
  Found f;
  REQUIRE(m.get(k, &f).ok());
  CHECK(formatElem(cfg.type, m.elemBytes(f.elem)) == "[x y7]");
  m.rollbackTo(0);
  CHECK(m.heap().bytes() == before);
  CHECK(m.count() == 8);
}

TEST_CASE("Swiss slots of Go's other types are laid out as Go 1.26 lays them out", "[types][layout][swiss]") {
  for (const LayoutRow& r : kFromGo) {
    INFO(r.type);
    const swiss::SwissLayout l = swiss::SwissLayout::of(typeOf(r.type));
    CHECK(l.slotSize == r.swiss.slotSize);
    CHECK(l.elemOff == r.swiss.elemOff);
    CHECK(l.groupSize == r.swiss.groupSize);
    CHECK(l.flags == r.swiss.flags);
  }
}

namespace {

// Twin maps of Go's other types, one traced (which turns the raw path off), through the same
// random operations: every answer and, at checkpoints, every heap byte must agree.
template <class Map, class Found>
void typedTwins(Map& raw, Map& traced, const MapType& t, int universe, int ops, uint32_t seed) {
  std::mt19937 rng(seed);
  const bool stringKey = t.keyGo->kind == GoKind::String;
  for (int op = 0; op < ops; ++op) {
    const int i = int(rng() % universe);
    std::string key, elem;
    REQUIRE(parseKey(t, stringKey ? "k" + std::to_string(i) : "{" + std::to_string(i) + ", 3}", &key).ok());
    elem = generatedValue(*t.elemGo, uint64_t(op));
    const uint32_t r = rng() % 100;
    if (r < 50) {
      REQUIRE(raw.set(key, elem).ok());
      REQUIRE(traced.set(key, elem).ok());
    } else if (r < 85) {
      REQUIRE(raw.del(key).ok());
      REQUIRE(traced.del(key).ok());
    } else {
      Found a, b;
      REQUIRE(raw.get(key, &a).ok());
      REQUIRE(traced.get(key, &b).ok());
      REQUIRE(a.found == b.found);
      if (a.found) REQUIRE(raw.elemBytes(a.elem) == traced.elemBytes(b.elem));
    }
    if (op % 2000 == 0 || op == ops - 1) {
      INFO("after op " << op);
      REQUIRE(raw.heap().bytes() == traced.heap().bytes());
    }
  }
}

// typedTwins on a fresh pair of maps of `type`.
template <class Config, class Map, class Trace, class Found>
void typedTwinsOf(const char* type, uint32_t seed) {
  Config cfg;
  REQUIRE(parseMapType(type, &cfg.type).ok());
  TwinMaps<Map, Trace> twins(cfg);
  REQUIRE(twins.raw.onRawPath());
  typedTwins<Map, Found>(twins.raw, twins.traced, cfg.type, 2000, 20000, seed);
}

}  // namespace

TEST_CASE("the raw paths handle Go's other types as the traced code does", "[types][raw]") {
  for (const char* type :
       {"map[struct{X, Y int32}]bool", "map[string]string", "map[struct{X, Y int32}]string"}) {
    INFO(type);
    typedTwinsOf<swiss::SwissConfig, swiss::SwissMap, swiss::SwissTrace, swiss::SwissFound>(type, 7);
    typedTwinsOf<MapConfig, GoMap, Trace, Found>(type, 8);
  }
}
