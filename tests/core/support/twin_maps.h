// Twin maps for the raw-path tests: two maps of one type (GoMap or
// swiss::SwissMap), the second watched by a trace, which keeps it on the
// general code while the first takes the raw path.
#pragma once
#include <catch2/catch.hpp>

namespace gomap::test {

template <class Map, class Trace>
struct TwinMaps {
  Map raw, traced;
  Trace trace;

  template <class Config>
  explicit TwinMaps(const Config& config) {
    REQUIRE(Map::create(config, &raw).ok());
    REQUIRE(Map::create(config, &traced).ok());
    traced.setTrace(&trace);
  }
  TwinMaps(const TwinMaps&) = delete;  // `traced` points at `trace`
  TwinMaps& operator=(const TwinMaps&) = delete;
};

}  // namespace gomap::test
