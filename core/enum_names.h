// Names for the trace enums (trace.h, swiss/swiss_trace.h): a table listed in
// the enum's order, its length checked against the enum's last value, so a
// kind added without a name fails to compile. tests/core/journal.test.cpp
// checks that every value has a name of its own.
#pragma once
#include <cstddef>
#include <iterator>  // std::size, for the tables' length checks

namespace gomap {

template <class Enum, size_t N>
const char* enumName(Enum value, const char* const (&names)[N]) {
  const size_t i = size_t(value);
  return i < N ? names[i] : "?";
}

}  // namespace gomap
