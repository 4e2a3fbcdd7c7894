// The keys `range`, `iter` and `next` yield, for either map model:
// ScenarioRunner steps Go 1.14's hiter and Go 1.26's Swiss iterator alike
// once each is initialised (the draws each records differ, and are the
// caller's).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "key_text.h"
#include "scenario_runner.h"

namespace gomap {

// The key the iterator stands on, if any (none once it has ended).
template <class Map, class Iter>
void yieldCurrent(const Map& m, const Iter& it, std::vector<std::string>* keys) {
  if (it.key != 0) keys->push_back(formatKey(m.type(), m.keyBytes(it.key)));
}

// A started iteration: `range` yields its first key and stays open in
// `*open`; `iter` runs to the end. Either says "end" once it has ended.
template <class Map, class Iter>
void yieldStarted(Map& m, Iter& it, bool keepOpen, Iter* open, bool* isOpen, Outcome* out) {
  out->keys.emplace();
  yieldCurrent(m, it, &*out->keys);
  if (keepOpen) {
    *open = it;
    *isOpen = true;
  } else {
    while (it.key != 0) {
      m.iterNext(&it);
      yieldCurrent(m, it, &*out->keys);
    }
  }
  if (it.key == 0) out->result = "end";
}

// `next N`: up to n more keys of the open iteration.
template <class Map, class Iter>
void yieldNext(Map& m, Iter& it, uint64_t n, Outcome* out) {
  out->keys.emplace();
  for (uint64_t i = 0; i < n && it.key != 0; ++i) {
    m.iterNext(&it);
    yieldCurrent(m, it, &*out->keys);
  }
  if (it.key == 0) out->result = "end";
}

// The command `next [N]` (N from 1 to 2^24, 1 when left out) on the open
// iteration, worded alike for both models.
template <class Map, class Iter>
Status nextCommand(Map& m, Iter& open, bool isOpen, const std::vector<std::string>& t, Outcome* out) {
  if (t.size() > 2) return Status::error("usage: next [N]");
  uint64_t n = 1;
  if (t.size() == 2) {
    if (Status s = parseUnsignedArg(t[1], "next count", 1u << 24, &n); !s.ok()) return s;
  }
  if (!isOpen) return Status::error("next needs an open iterator: start one with range");
  yieldNext(m, open, n, out);
  return Status::success();
}

}  // namespace gomap
