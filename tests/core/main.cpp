// The Catch2 runner of core_tests. Everything else lives in *.test.cpp.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
