// The keys `fill` and `collide` make (core/README.md, "Keys that fill
// generates"), for either map model: ScenarioRunner runs both commands the
// same way on Go 1.14's bucket map and on Go 1.26's Swiss map; only where a
// collide key must land differs (a bucket, or a group of table 0).
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "map_type.h"
#include "status.h"
#include "typed_value.h"

namespace gomap {

// The n-th generated key of the map's key type, as key bytes.
Status generatedKey(const MapType& type, uint64_t n, std::string* key);

// fill: inserts the generated keys after `*generated` (n of them) with
// their generated elements, all or none (the map's capacity is checked
// first), and advances `*generated`.
template <class Map>
Status fillGenerated(Map& m, uint64_t n, uint64_t* generated) {
  const MapType& type = m.type();
  std::vector<std::string> keys(n);
  for (uint64_t i = 0; i < n; ++i) {
    if (Status s = generatedKey(type, *generated + 1 + i, &keys[i]); !s.ok()) {
      return Status::error("cannot generate key " + std::to_string(*generated + 1 + i) + ": " + s.message());
    }
  }
  if (Status s = m.checkCapacity(n); !s.ok()) return s;
  std::string elem(type.elemTypeSize, '\0');
  for (uint64_t i = 0; i < n; ++i) {
    if (type.elem == ElemKind::Int64) {
      int64_t v = int64_t(*generated + 1 + i);
      std::memcpy(elem.data(), &v, 8);
    } else if (type.elem == ElemKind::Typed) {
      elem = generatedValue(*type.elemGo, *generated + 1 + i);
    }
    m.setUnchecked(keys[i], elem);
  }
  *generated += n;
  return Status::success();
}

// collide: inserts n generated keys not yet in the map for which
// `lands(key)` holds, searching at most `budget` candidates after
// `*generated` (which then moves past the last one tried). The search
// touches nothing: no trace, no hash log (`hashLog` is put back after);
// only the inserts are recorded. `where` names the target in the error.
template <class Found, class Map, class Lands>
Status collideGenerated(Map& m, uint64_t n, uint64_t budget, Lands lands, const std::string& where,
                        typename Map::HashLog* hashLog, uint64_t* generated) {
  auto* savedTrace = m.trace();
  m.setTrace(nullptr);
  m.setHashLog(nullptr);
  std::vector<std::string> keys;
  uint64_t tries = 0, next = *generated;
  Status failed = Status::success();
  while (keys.size() < n && tries < budget) {
    ++next;
    ++tries;
    std::string key;
    if (Status s = generatedKey(m.type(), next, &key); !s.ok()) {
      failed = s;
      break;
    }
    if (!lands(key)) continue;
    Found f;  // a generated key may already be in the map; skip it
    (void)m.get(key, &f);
    if (!f.found) keys.push_back(std::move(key));
  }
  m.setTrace(savedTrace);
  m.setHashLog(hashLog);
  if (!failed.ok()) return failed;
  if (keys.size() < n) {
    return Status::error("found only " + std::to_string(keys.size()) + " of " + std::to_string(n) +
                         " keys for " + where + " in " + std::to_string(tries) + " tries");
  }
  if (Status s = m.checkCapacity(n); !s.ok()) return s;
  std::string elem(m.type().elemTypeSize, '\0');
  for (const std::string& key : keys) m.setUnchecked(key, elem);
  *generated = next;
  return Status::success();
}

}  // namespace gomap
