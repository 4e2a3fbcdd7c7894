// Lookup: the generic mapaccess2, and mapaccessK for iteration. The fast
// variants are map_fast32.cpp, map_fast64.cpp and map_faststr.cpp.
#include <cstring>

#include "map_probe.h"

namespace gomap {

// Generic lookup (findGeneric, map_probe.h). mapaccessK (iteration) is
// always this function.
template <bool kTraced>
Found GoMap::mapaccessImpl(std::string_view key, bool forIterator) {
  const TraceFunc fn = forIterator ? TraceFunc::mapiternext : TraceFunc::mapaccess;
  if (count() == 0) {
    note<kTraced>({TraceKind::NotFound, fn});
    return {};
  }
  const uint64_t hash = hashKey(key, fn);
  const SlotRef r = findGeneric<kTraced>(chainStart<kTraced>(hash, fn), key, tophash(hash), fn);
  if (r.b == 0) return {};
  return {true, keyAt(r.b, r.i), elemAt(r.b, r.i)};
}

// A lookup by the function Go's compiler picks for the key type; the
// iterator's lookups are always generic. (Keys are already checked.)
Found GoMap::mapaccess(std::string_view key, bool forIterator) {
  Found out;
  switch (forIterator ? Variant::Generic : type().variant) {
    case Variant::Fast64: mapaccess2_fast64(key.data(), &out); break;
    case Variant::FastStr: mapaccess2_faststr(key.data(), key.size(), &out); break;
    case Variant::Fast32: mapaccess2_fast32(key.data(), &out); break;
    default: out = trace_ ? mapaccessImpl<true>(key, forIterator) : mapaccessImpl<false>(key, forIterator);
  }
  return out;
}

// get() for the generic variant and for keys that need a closer check
// (go_map.h, getBytes).
[[gnu::noinline]] Status GoMap::getChecked(std::string_view key, Found* out) {
  if (Status s = checkKey(key); !s.ok()) return s;
  *out = mapaccess(key, false);
  return Status::success();
}

}  // namespace gomap
