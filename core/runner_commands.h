// Pieces of the scenario language both models' runners read the same way
// (scenario_runner.cpp for Go 1.14/1.19, swiss/swiss_runner.cpp for 1.26).
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "key_text.h"
#include "scenario_runner.h"
#include "status.h"

namespace gomap {

// A set-up word that names one of a few values (`hasher go119`, `version
// 1.14`); anything else is refused as "unknown <what> '<word>' (<listed>)".
template <class T, size_t N>
Status pickWord(const std::string& word, const std::pair<const char*, T> (&choices)[N], const char* what,
                const char* listed, T* out) {
  for (const auto& [name, value] : choices) {
    if (word == name) {
      *out = value;
      return Status::success();
    }
  }
  return Status::error("unknown " + std::string(what) + " '" + word.substr(0, 40) + "' (" + listed + ")");
}

// The command `set K [V]` (V left out: the element's zero value); keyOf
// reads and checks the key token.
template <class Map, class KeyOf>
Status setCommand(Map& m, const std::vector<std::string>& t, KeyOf&& keyOf) {
  if (t.size() < 2 || t.size() > 3) return Status::error("usage: set K [V]");
  std::string key, elem(m.type().elemTypeSize, '\0');
  if (Status s = keyOf(t[1], &key); !s.ok()) return s;
  if (t.size() == 3) {
    if (Status s = parseElem(m.type(), t[2], &elem); !s.ok()) return s;
  }
  return m.set(key, elem);
}

// The command `get K`: "<elem> true", or the element's zero value and
// "false" (Go's v, ok := m[k]).
template <class Found, class Map, class KeyOf>
Status getCommand(Map& m, const std::vector<std::string>& t, KeyOf&& keyOf, Outcome* out) {
  if (t.size() != 2) return Status::error("usage: get K");
  std::string key;
  if (Status s = keyOf(t[1], &key); !s.ok()) return s;
  Found f;
  if (Status s = m.get(key, &f); !s.ok()) return s;
  const MapType& type = m.type();
  std::string zero(type.elemTypeSize, '\0');
  out->result = f.found ? formatElem(type, m.elemBytes(f.elem)) + " true" : formatElem(type, zero) + " false";
  return Status::success();
}

// The command `hash K H`: pins the hash of K.
template <class Map, class KeyOf>
Status hashCommand(Map& m, const std::vector<std::string>& t, KeyOf&& keyOf) {
  if (t.size() != 3) return Status::error("usage: hash K H");
  std::string key;
  uint64_t h;
  if (Status s = keyOf(t[1], &key); !s.ok()) return s;
  if (Status s = parseUnsignedArg(t[2], "hash", ~uint64_t(0), &h); !s.ok()) return s;
  return m.pinHash(key, h);
}

}  // namespace gomap
