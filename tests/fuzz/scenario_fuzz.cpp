// libFuzzer target: the fuzzer's bytes become a map type, a model (Go
// 1.14's bucket map, or with bit 6 of the second byte Go 1.26's Swiss map)
// and a run of operations. After every operation the invariant checker runs, and the
// map's contents (read back by a full iteration) must equal a plain model
// with Go's semantics — std::unordered_map, with float keys compared as Go
// compares them (+0 == -0, NaN never equal to anything).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "go_map.h"
#include "invariants.h"
#include "key_text.h"
#include "typed_value.h"
#include "swiss/swiss_invariants.h"
#include "swiss/swiss_map.h"

namespace {

struct Reader {
  const uint8_t* p;
  size_t n;
  uint8_t next() {
    if (n == 0) return 0;
    --n;
    return *p++;
  }
  bool done() const { return n == 0; }
};

// The version-1 types, then Go's other types (issue 16): tiny, padded and
// nested keys, float and complex keys and fields, string-like structs,
// slices and zero-size elements, indirect keys and elements. The first
// input byte picks one.
const char* const kTypes[] = {"map[int64]int64",
                              "map[int32]int64",
                              "map[string]int64",
                              "map[float64]int64",
                              "map[[4]byte]int64",
                              "map[[200]byte][200]byte",
                              "map[string][130]byte",
                              "map[[12]byte][3]byte",
                              "map[struct{X, Y int32}]bool",
                              "map[[2]int64]string",
                              "map[string][]byte",
                              "map[float32]uint8",
                              "map[string]string",
                              "map[int]struct{}",
                              "map[bool]int8",
                              "map[int8]uint16",
                              "map[struct{A int8; B int64; C bool}]complex64",
                              "map[struct{S string}][2]string",
                              "map[[3]string]struct{A []int32; B float64}",
                              "map[struct{A float64; B [2]int8}]string",
                              "map[complex128]uintptr",
                              "map[struct{A struct{B [3]uint16; C string}; D int32}][]string",
                              "map[[20]int64][17]int64",
                              "map[float32]struct{}"};
constexpr size_t kTypeCount = sizeof(kTypes) / sizeof(kTypes[0]);

[[noreturn]] void fail(const std::string& why) {
  std::fprintf(stderr, "fuzz: %s\n", why.c_str());
  std::abort();
}

bool isFloat32Key(const gomap::MapType& t) { return t.keyGo && t.keyGo->kind == gomap::GoKind::Float32; }

// The key bytes for a small key number; a small domain makes updates and
// deletes of present keys common. Keys of Go's other types are the values
// fill generates (core/typed_value.h), read back from their literal text as
// a scenario would write them; float keys also take ±0, NaN and infinities.
std::string keyFor(const gomap::MapType& t, uint8_t code) {
  std::string text;
  static const char* const kSpecial[] = {"0", "-0", "NaN", "+Inf", "-Inf", "0.5", "-1e300"};
  if (t.key == gomap::KeyKind::Float64 || isFloat32Key(t)) {
    text = code % 16 < 7 ? kSpecial[code % 16] : std::to_string(int(code) - 100);
    if (isFloat32Key(t) && text == "-1e300") text = "-1e30";
  } else if (!t.legacyKeyText) {
    text = gomap::literalValue(*t.keyGo, gomap::generatedValue(*t.keyGo, code % 120));
  } else if (t.key == gomap::KeyKind::String || t.key == gomap::KeyKind::Bytes) {
    text = "k" + std::to_string(code % 100);
  } else {
    text = std::to_string(int(code) - 60);
  }
  std::string bytes;
  if (!gomap::parseKey(t, text, &bytes).ok()) fail("key text rejected: " + text);
  return bytes;
}

// An element from one input byte: its bytes repeated for the version-1
// types, a generated value of the element type for the others.
std::string elemFor(const gomap::MapType& t, uint8_t code) {
  if (t.legacyElemText) return std::string(t.elemTypeSize, char(code));
  std::string bytes;
  const std::string text = gomap::literalValue(*t.elemGo, gomap::generatedValue(*t.elemGo, code));
  if (!gomap::parseElem(t, text, &bytes).ok()) fail("element text rejected: " + text);
  return bytes;
}

// What Go's == makes the same key: +0 and -0 share one entry.
std::string canonical(const gomap::MapType& t, std::string bytes) {
  if (t.key == gomap::KeyKind::Float64) {
    double d;
    std::memcpy(&d, bytes.data(), 8);
    if (d == 0) d = 0.0;
    std::memcpy(bytes.data(), &d, 8);
  } else if (isFloat32Key(t)) {
    float f;
    std::memcpy(&f, bytes.data(), 4);
    if (f == 0) f = 0.0f;
    std::memcpy(bytes.data(), &f, 4);
  }
  return bytes;
}

bool isNaNKey(const gomap::MapType& t, const std::string& bytes) {
  if (t.key == gomap::KeyKind::Float64) {
    double d;
    std::memcpy(&d, bytes.data(), 8);
    return std::isnan(d);
  }
  if (isFloat32Key(t)) {
    float f;
    std::memcpy(&f, bytes.data(), 4);
    return std::isnan(f);
  }
  return false;
}

// Traces the operation when op's top bit says so; some traced operations
// (bit 6) are journaled too, to be wound back step by step after it, as the
// player shows them. Returns whether to wind back; `before` is the heap then.
template <class Map, class TraceT>
bool beginOperation(Map& m, TraceT& trace, uint8_t op, std::vector<uint8_t>* before) {
  const bool traced = op & 0x80;
  m.setTrace(traced ? &trace : nullptr);
  trace.clear();
  const bool rewind = traced && (op & 0x40);
  if (rewind) {
    *before = m.heap().bytes();
    m.startJournal();
  }
  return rewind;
}

// Every step back restores bytes and never allocates; back to the start is
// the heap before the operation, byte for byte and in size. The map is left
// as the operation made it. `model` prefixes the failures ("swiss: ").
template <class Map, class TraceT>
void checkRewind(Map& m, const TraceT& trace, const std::vector<uint8_t>& before, const std::string& model) {
  m.stopJournal();
  Map after = m;
  uint64_t used = m.heap().used();
  for (auto e = trace.events.rbegin(); e != trace.events.rend(); ++e) {
    m.rollbackTo(e->writes);
    if (m.heap().used() > used) fail(model + "winding back a step grew the heap");
    used = m.heap().used();
  }
  m.rollbackTo(0);
  if (m.heap().bytes() != before) fail(model + "winding a traced operation back did not restore the heap");
  m = std::move(after);
}

struct Model {
  std::unordered_map<std::string, std::string> entries;  // canonical key -> elem
  std::map<std::string, int> nanElems;                   // NaN entries never match: a multiset
  size_t size() const {
    size_t n = entries.size();
    for (auto& [e, c] : nanElems) n += size_t(c);
    return n;
  }
  // m[k] = e, delete(m, k) and clear(m) as Go defines them (a NaN key is
  // new every time and can never be deleted).
  void set(const gomap::MapType& t, const std::string& k, const std::string& e) {
    if (isNaNKey(t, k)) {
      ++nanElems[e];
    } else {
      entries[canonical(t, k)] = e;
    }
  }
  void erase(const gomap::MapType& t, const std::string& k) {
    if (!isNaNKey(t, k)) entries.erase(canonical(t, k));
  }
  void clear() {
    entries.clear();
    nanElems.clear();
  }
};

// A lookup's answer (found, and its element's bytes) against the model's.
// `who` prefixes the failures ("swiss: ").
template <class Map, class Found>
void checkLookup(const Map& m, const Found& f, const Model& model, const std::string& key,
                 const std::string& who) {
  const gomap::MapType& t = m.type();
  auto it = model.entries.find(canonical(t, key));
  bool expected = !isNaNKey(t, key) && it != model.entries.end();
  if (f.found != expected)
    fail(who + "get found=" + std::to_string(f.found) + " for " + gomap::formatKey(t, key));
  if (f.found && m.elemBytes(f.elem) != it->second) fail(who + "get returned the wrong element");
}

// The map's contents, read by a full iteration from `it` (started, on its
// first key), against the model: the map's own count (`counted`, named
// `countName`), no key twice, the same entries and NaN entries. `who`
// prefixes the failures ("swiss: ").
template <class Map, class Iter>
void compareWithModel(Map& m, Iter& it, uint64_t counted, const char* countName, const Model& model,
                      const std::string& who) {
  const gomap::MapType& t = m.type();
  if (counted != model.size()) {
    fail(who + countName + " " + std::to_string(counted) + " but the model has " +
         std::to_string(model.size()));
  }
  std::unordered_map<std::string, std::string> seen;
  std::map<std::string, int> nans;
  for (; it.key != 0; m.iterNext(&it)) {
    std::string k = m.keyBytes(it.key);
    std::string e = m.elemBytes(it.elem);
    if (isNaNKey(t, k)) {
      ++nans[e];
    } else if (!seen.emplace(canonical(t, k), e).second) {
      fail(who + "iteration yielded a key twice: " + gomap::formatKey(t, k));
    }
  }
  if (seen != model.entries) fail(who + "contents differ from the model");
  if (nans != model.nanElems) fail(who + "NaN entries differ from the model");
}

void compareContents(gomap::GoMap& m, const Model& model) {
  gomap::Hiter it;
  gomap::Trace* saved = m.trace();
  m.iterInit(&it, gomap::IterPin{0, 0});
  compareWithModel(m, it, m.count(), "count", model, "");
  m.setTrace(saved);
}

// The same check for the Swiss map (version 1.26).
void compareContents(gomap::swiss::SwissMap& m, const Model& model) {
  gomap::swiss::SwissIter it;
  m.iterInit(&it, 0, 0);
  m.iterNext(&it);
  compareWithModel(m, it, m.used(), "used", model, "swiss: ");
}

std::string brokenInvariant(gomap::GoMap& m) { return gomap::checkInvariants(m); }
std::string brokenInvariant(gomap::swiss::SwissMap& m) { return gomap::swiss::checkSwissInvariants(m); }

// The operation loop both models run: up to 400 operations read from `in`
// (an op byte, a code byte that names the key, a byte for the element),
// each one perhaps traced and wound back, then the invariants and contents
// checked against the model. The operations: set, delete, get, a burst of
// new keys (to reach growth and overflow; `bigBursts` adds 200 when op has
// bit 5), and clear or iterate(code, set) for op 7. `who` prefixes the
// failures ("swiss: ").
template <class TraceT, class Found, class Map, class Iterate>
void runOperations(Reader& in, Map& m, Model& model, const std::string& who, bool bigBursts,
                   Iterate&& iterate) {
  const gomap::MapType& t = m.type();
  TraceT trace;
  int ops = 0;
  while (!in.done() && ops++ < 400) {
    const uint8_t op = in.next();
    const uint8_t code = in.next();
    const std::string key = keyFor(t, code);
    const std::string elem = elemFor(t, in.next());
    std::vector<uint8_t> before;
    const bool rewind = beginOperation(m, trace, op, &before);
    auto set = [&](const std::string& k) {
      if (!m.set(k, elem).ok()) fail(who + "set refused");
      model.set(t, k, elem);
    };
    switch (op % 8) {
      case 0:
      case 1:
      case 2: set(key); break;
      case 3:
      case 4:
        if (!m.del(key).ok()) fail(who + "del refused");
        model.erase(t, key);
        break;
      case 5: {
        Found f;
        if (!m.get(key, &f).ok()) fail(who + "get refused");
        checkLookup(m, f, model, key, who);
        break;
      }
      case 6:
        for (int i = 0; i < code % 40 + (bigBursts && (op & 0x20) ? 200 : 0); ++i) {
          set(keyFor(t, uint8_t(code + i * 7)));
        }
        break;
      case 7:
        if (code % 8 == 0) {
          m.clear();
          model.clear();
        } else {
          iterate(code, set);
        }
        break;
    }
    m.setTrace(nullptr);
    if (rewind) checkRewind(m, trace, before, who);
    std::string broken = brokenInvariant(m);
    if (!broken.empty()) fail(who + "after op " + std::to_string(ops) + ": " + broken);
    compareContents(m, model);
  }
}

// Go 1.26's Swiss map under the same kinds of operation, with bigger
// bursts, and loops that mutate the map mid-iteration (no key may come
// twice).
void fuzzSwiss(Reader& in, const gomap::MapType& type, uint8_t mode) {
  namespace sw = gomap::swiss;
  sw::SwissConfig cfg;
  cfg.type = type;
  if (mode % 3 == 1 && type.isIntegerKey()) cfg.hasher = sw::SwissHasher::Identity;
  cfg.hint = in.next() % 3 == 0 ? in.next() * 8 : 0;
  cfg.rand.r.a = 0x1234u + in.next();
  sw::SwissMap m;
  if (!sw::SwissMap::create(cfg, &m).ok()) return;
  const gomap::MapType& t = m.type();
  Model model;
  auto iterate = [&](uint8_t code, auto& set) {
    // A loop that inserts and deletes as it goes: never a key twice.
    sw::SwissIter it;
    m.iterInit(&it);
    // (Go may or may not return a key inserted during the loop, so
    // only keys the loop never touched are held to "exactly once".)
    std::map<std::string, int> yielded;
    std::map<std::string, bool> touched;
    for (m.iterNext(&it); it.key != 0; m.iterNext(&it)) {
      std::string k = m.keyBytes(it.key);
      if (isNaNKey(t, k)) continue;
      const std::string c = canonical(t, k);
      if (++yielded[c] > 1 && !touched[c]) fail("swiss: a loop yielded a key twice");
      if (yielded.size() % 3 == 0) {
        std::string n = keyFor(t, uint8_t(code * 3 + yielded.size()));
        touched[canonical(t, n)] = true;
        set(n);
      }
      if (yielded.size() % 5 == 0) {
        touched[c] = true;
        if (!m.del(k).ok()) fail("swiss: del refused");
        model.entries.erase(c);
      }
    }
  };
  runOperations<sw::SwissTrace, sw::SwissFound>(in, m, model, "swiss: ", true, iterate);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Reader in{data, size};
  gomap::MapConfig cfg;
  if (!gomap::parseMapType(kTypes[in.next() % kTypeCount], &cfg.type).ok()) fail("a listed type was refused");
  uint8_t mode = in.next();
  if (mode & 0x40) {  // version 1.26: the Swiss map
    fuzzSwiss(in, cfg.type, mode);
    return 0;
  }
  if (mode % 3 == 1 && cfg.type.isIntegerKey()) cfg.hasher = gomap::HasherKind::Identity;
  if (mode % 5 == 2) cfg.version = gomap::GoVersion::Go119;
  cfg.hint = in.next() % 3 == 0 ? in.next() : 0;
  cfg.rand.a = 0x1234u + in.next();
  gomap::GoMap m;
  if (!gomap::GoMap::create(cfg, &m).ok()) return 0;
  Model model;
  // a partial iteration, which sets the iterator flags that steer NaNs
  auto iterate = [&](uint8_t code, auto&) {
    gomap::Hiter it;
    m.iterInit(&it, std::nullopt);
    for (int i = 0; i < code % 5 && it.key != 0; ++i) m.iterNext(&it);
  };
  runOperations<gomap::Trace, gomap::Found>(in, m, model, "", false, iterate);
  return 0;
}
