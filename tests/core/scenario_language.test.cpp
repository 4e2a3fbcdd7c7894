// The scenario language (docs/scenario-format.md): tokens, quoting,
// ';' and '#', and every way a command can fail. A failed command names its
// line, leaves the map's dump exactly as it was, and later lines still run.
#include <catch2/catch.hpp>
#include <algorithm>
#include <string>
#include <vector>

#include "json_dump.h"
#include "scenario_parse.h"
#include "scenario_runner.h"
#include "support/checked_scenario.h"

using namespace gomap;
using namespace gomap::test;

namespace {

std::vector<Command> split(std::string_view text) {
  std::vector<Command> out;
  REQUIRE(splitScenario(text, ScenarioLimits(), &out).ok());
  return out;
}

using Tokens = std::vector<std::string>;

// Runs `command` as the next line of `s`; it must fail with a message that
// starts with "line N: <why>", change no byte of the dump and draw nothing
// from the random stream.
void expectRefused(CheckedScenario& s, const std::string& command, const std::string& why) {
  INFO("command: " << command);
  const std::string before = s.state();
  const bool hadMap = s.hasMap();
  FastRand rand;
  if (hadMap) rand = s.map().randState();
  Step st = s.one(command);
  CHECK_THAT(st.error, Catch::StartsWith("line " + std::to_string(st.line) + ": " + why));
  CHECK(st.isOperation);
  CHECK(s.hasMap() == hadMap);
  CHECK(s.state() == before);
  if (hadMap) {
    CHECK(s.map().randState().a == rand.a);
    CHECK(s.map().randState().b == rand.b);
  }
}

// Runs `text` and requires each command's error, in order ("" for none).
void requireErrors(CheckedScenario& s, std::string_view text, const std::vector<std::string>& errors) {
  const std::vector<Step> steps = s.run(text);
  REQUIRE(steps.size() == errors.size());
  for (size_t i = 0; i < steps.size(); ++i) {
    INFO(steps[i].op);
    CHECK(steps[i].error == errors[i]);
  }
}

// The set-up the map was made with: its type and seed.
void requireSetup(CheckedScenario& s, const char* type, uint32_t seed) {
  CHECK(s.map().type().name() == type);
  CHECK(s.map().hash0() == seed);
}

}  // namespace

TEST_CASE("tokens are separated by spaces and tabs and double quotes group them", "[scenario][parse]") {
  std::vector<Command> c = split("set \"a b\"\t1\n  del   x  \r\nget \"\"");
  REQUIRE(c.size() == 3);
  CHECK(c[0].tokens == Tokens{"set", "a b", "1"});
  CHECK(c[1].tokens == Tokens{"del", "x"});
  CHECK(c[1].text == "del   x");
  CHECK(c[2].tokens == Tokens{"get", ""});
  CHECK(c[2].line == 3);
}

TEST_CASE("quoted tokens take Go-style escapes", "[scenario][parse]") {
  std::vector<Command> c = split(R"(set "\x41\u00e9\t\"\\\n" "\U0001F600;#")");
  REQUIRE(c.size() == 1);
  REQUIRE(c[0].error.ok());
  CHECK(c[0].tokens == Tokens{"set", "A\xc3\xa9\t\"\\\n", "\xf0\x9f\x98\x80;#"});
}

TEST_CASE("a semicolon ends a command and a hash starts a comment outside quotes", "[scenario][parse]") {
  std::vector<Command> c =
      split("set a 1; set b 2;;\n# only a comment\nset c 3 # note; set d 4\nset \"#;\" 5");
  REQUIRE(c.size() == 4);
  CHECK(c[0].text == "set a 1");
  CHECK(c[0].line == 1);
  CHECK(c[0].index == 1);
  CHECK(c[1].text == "set b 2");
  CHECK(c[1].index == 2);
  CHECK(c[2].tokens == Tokens{"set", "c", "3"});  // the comment swallowed "; set d 4"
  CHECK(c[2].line == 3);
  CHECK(c[3].tokens == Tokens{"set", "#;", "5"});
  CHECK(commandPlace(c[1], true) == "line 1, command 2");
  CHECK(commandPlace(c[2], false) == "line 3");
}

TEST_CASE("bad quotes and escapes are reported on their command", "[scenario][parse][errors]") {
  const Refusal cases[] = {
      {R"(set "abc)", "unterminated quote"},
      {R"(set "a\qb")", "unknown escape \\q"},
      {R"(set "\x4")", "\\x needs two hex digits"},
      {R"(set "\u12")", "\\u needs 4 hex digits"},
      {R"(set "\ud800")", "\\u names no Unicode character"},
      {R"(set "\U00110000")", "\\U names no Unicode character"},
  };
  for (const Refusal& k : cases) {
    INFO(k.input);
    std::vector<Command> c = split(k.input);
    REQUIRE(c.size() == 1);
    CHECK(c[0].error.message() == k.why);
  }
  // The next line is unaffected by an unterminated quote.
  std::vector<Command> c = split("set \"abc\nset d 1");
  REQUIRE(c.size() == 2);
  CHECK(c[1].error.ok());
  CHECK(c[1].tokens == Tokens{"set", "d", "1"});
}

TEST_CASE("scenario size limits are enforced before anything runs", "[scenario][parse][limits]") {
  std::vector<Command> out;
  ScenarioLimits limits;
  limits.maxLines = 2;
  CHECK_FALSE(splitScenario("set a\nset b\nset c", limits, &out).ok());
  CHECK(splitScenario("set a\nset b", limits, &out).ok());
  limits = ScenarioLimits();
  limits.maxBytes = 5;
  Status s = splitScenario("set abc", limits, &out);
  CHECK(s.message() == "scenario is 7 bytes; the limit is 5");
}

TEST_CASE("a failing operation names its line and leaves the dump exactly as it was", "[scenario][errors]") {
  CheckedScenario s("map[int64]int64\nseed 3\nfill 3\nset 9 9");
  const Refusal cases[] = {
      {"frobnicate 1", "unknown command 'frobnicate'"},
      {"hint 5", "set-up command 'hint' must come before the first operation"},
      {"map[string]int64", "set-up command 'map' must come before the first operation"},
      {"seed 4", "set-up command 'seed' must come before the first operation"},
      {"next", "next needs an open iterator: start one with range"},
      {"set abc 1", "key 'abc' is not an int64"},
      {"set 1 abc", "element 'abc' is not an int64"},
      {"get 99999999999999999999", "key '99999999999999999999' is not an int64"},
      {"del 1.5", "key '1.5' is not an int64"},
      {"set", "usage: set K [V]"},
      {"set 1 2 3", "usage: set K [V]"},
      {"del 1 2", "usage: del K"},
      {"get", "usage: get K"},
      {"clear now", "usage: clear"},
      {"dump all", "usage: dump"},
      {"range start=1 offset=0", "start 1 is over the limit of 0 (B=0 has 1 buckets)"},
      {"iter start=0 offset=8", "offset 8 is over the limit of 7"},
      {"range offset=1 start=0", "usage: range [start=S offset=O]"},
      {"collide 1 3", "bucket 1 is over the limit of 0 (B=0 has 1 buckets)"},
      {"collide 0 100001", "collide count 100001 is over the limit of 100000"},
      {"hash 1 xyz", "hash 'xyz' is not an unsigned number"},
      {"hash 1 -1", "hash '-1' is not an unsigned number"},
      {"fill 2097153", "fill count 2097153 is over the limit of 2097152"},
      {"fill many", "fill count 'many' is not an unsigned number"},
      {"next x", "next count 'x' is not an unsigned number"},
      {"set \"unterminated", "unterminated quote"},
  };
  for (const Refusal& c : cases) expectRefused(s, c.input, c.why);
  // Later lines still run.
  s.ok("set 10 10");
  CHECK(s.map().count() == 5);
  CHECK(s.map().hash0() == 3u);
}

TEST_CASE("an error on a line with several commands names the command too", "[scenario][errors]") {
  CheckedScenario s;
  std::vector<Step> st = s.run("map[int64]int64\nfill 2; frob; set 9 9");
  REQUIRE(st.size() == 4);
  CHECK(st[2].error == "line 2, command 2: unknown command 'frob'");
  CHECK(st[3].error == "");
  CHECK(s.map().count() == 3);
}

TEST_CASE("a failed command's place and message are fields as well as words", "[scenario][errors]") {
  std::vector<Command> c = split("hint 8; frob\nfrob");
  REQUIRE(c.size() == 3);
  ScenarioRunner runner;
  CHECK(runner.run(c[0], true).error.empty());
  const Outcome shared = runner.run(c[1], true);
  CHECK(shared.message == "unknown command 'frob'");
  CHECK(shared.index == 2);
  CHECK(shared.error == "line 1, command 2: unknown command 'frob'");
  const Outcome alone = runner.run(c[2], false);
  CHECK(alone.message == "unknown command 'frob'");
  CHECK(alone.index == 0);  // alone on its line: its words name no command
  CHECK(alone.error == "line 2: unknown command 'frob'");
}

TEST_CASE("byte array keys and elems longer than N are refused", "[scenario][errors][bytes]") {
  CheckedScenario s("map[[4]byte][2]byte\nset abcd xy\nset ab");
  expectRefused(s, "set abcde", "key 'abcde' is 5 bytes, longer than [4]byte");
  expectRefused(s, "set abc xyz", "element 'xyz' is 3 bytes, longer than [2]byte");
  expectRefused(s, "get \"\\x00\\x00\\x00\\x00\\x00\"", "key");
  CHECK(*s.one("get ab").result == " true");  // zero-padded elem prints as empty text
  CHECK(*s.one("get abcd").result == "xy true");
  CHECK(*s.one("get \"ab\\x00\\x00\"").result == " true");  // "ab" is zero-padded to 4 bytes
}

TEST_CASE("limits on entries and string size refuse the command and keep the map",
          "[scenario][errors][limits]") {
  Limits limits;
  limits.maxEntries = 4;
  limits.maxStringKeyBytes = 8;
  CheckedScenario s(limits);
  s.ok("map[string]int64\nfill 4");
  expectRefused(s, "set k5 5", "the map already holds 4 entries, the most this playground allows");
  expectRefused(s, "fill 1", "1 more keys would take the map past 4 entries");
  expectRefused(s, "collide 0 1", "1 more keys would take the map past 4 entries");
  expectRefused(s, "get 123456789", "string key of 9 bytes is over the limit of 8");
  expectRefused(s, "hash 123456789 1", "string key of 9 bytes is over the limit of 8");
  s.ok("set k4 40\ndel k1\nset k5 5");  // updates are allowed at the limit; room again after a delete
  CHECK(s.map().count() == 4);
}

TEST_CASE("the simulated heap limit refuses a write before it changes anything",
          "[scenario][errors][limits]") {
  Limits limits;
  limits.maxHeapBytes = 2 << 20;
  CheckedScenario s(limits);
  s.ok("map[int64]int64\nfill 100");
  expectRefused(s, "fill 20000", "20000 more keys would need about");
  s.ok("fill 100");

  limits.maxHeapBytes = 12 << 10;  // too small for even one insert's worst case
  CheckedScenario tiny(limits);
  tiny.ok("map[int64]int64\ndump");
  expectRefused(tiny, "set 1 1", "the simulated heap is full");
}

TEST_CASE("a bad set-up line is refused and leaves the configuration as it was",
          "[scenario][errors][setup]") {
  const Refusal cases[] = {
      {"map[boolean]int64", "key type 'boolean': unknown type name 'boolean' (at column 1)"},
      {"map[int64]strin", "element type 'strin': unknown type name 'strin' (at column 1)"},
      {"map[[]int]int64", "key type '[]int' is not comparable (it holds a slice): Go refuses it"},
      {"map[[257]byte]int64",
       "key type '[257]byte': array length 257 is over this playground's limit of 256"},
      {"map[struct{A int8; b int8}]int64", "key type 'struct{A int8; b int8}': field 'b' must be exported"},
      {"map[int64", "map type must look like map[K]V"},
      {"hasher md5", "unknown hasher 'md5' (go114, go119 or identity)"},
      {"version 1.20", "unknown version '1.20' (1.14 or 1.19)"},
      {"seed 0x100000000", "seed 0x100000000 is over the limit of 4294967295"},
      {"rand 1", "usage: rand A B"},
      {"hint lots", "hint 'lots' is not an integer"},
      {"hashkey 1 2 3 4 5", "usage: hashkey H0 [H1 H2 H3]"},
  };
  for (const Refusal& c : cases) {
    INFO(c.input);
    CheckedScenario s;
    Step st = s.one(c.input);
    CHECK_THAT(st.error, Catch::StartsWith("line 1: " + std::string(c.why)));
    CHECK_FALSE(s.hasMap());
    // The same set-up command may still be given correctly afterwards, and
    // the defaults hold meanwhile (map[string]int64, seed drawn from rand).
    s.ok("seed 5\nset k 1");
    requireSetup(s, "map[string]int64", 5);
  }
}

TEST_CASE("each set-up command may be given once", "[scenario][errors][setup]") {
  CheckedScenario s;
  requireErrors(s, "map[int64]int64\nseed 1\nmap[string]int64\nseed 2\nset 5",
                {"", "", "line 3: 'map' was already set on an earlier line",
                 "line 4: 'seed' was already set on an earlier line", ""});
  requireSetup(s, "map[int64]int64", 1);
}

TEST_CASE("a failed first operation does not create the map so set-up lines after it still apply",
          "[scenario][errors][setup][regression]") {
  // Regression: an unknown command (or any failing operation) before the
  // map existed created it, so every set-up line after it was refused.
  CheckedScenario s;
  requireErrors(s, "frobnicate\nset\nmap[int64]int64\nseed 5\nset 1 1",
                {"line 1: unknown command 'frobnicate'", "line 2: usage: set K [V]", "", "", ""});
  requireSetup(s, "map[int64]int64", 5);
}

TEST_CASE("fill continues the generated keys and collide picks keys of one bucket",
          "[scenario][fill][collide]") {
  CheckedScenario s("map[string]int64\nhint 14\nfill 3\nfill 2");
  std::vector<std::string> keys = *s.one("iter start=0 offset=0").keys;
  std::sort(keys.begin(), keys.end());
  CHECK(keys == std::vector<std::string>{"k1", "k2", "k3", "k4", "k5"});
  CHECK(*s.one("get k5").result == "5 true");  // fill stores the key's number

  Step c = s.one("collide 2 5");
  REQUIRE(c.hashes.size() == 5);
  for (const auto& [k, h] : c.hashes) CHECK((h & 3) == 2);
  CHECK(s.map().count() == 10);

  CheckedScenario ints;
  ints.ok("map[int64]int64\nfill 2\nset 3 -3\nfill 1");  // fill generates 3 next, set by hand or not
  CHECK(ints.map().count() == 3);
  CHECK(*ints.one("get 3").result == "3 true");
}

TEST_CASE("a pinned hash decides tophash and bucket and shows in the hash log", "[scenario][hash-pin]") {
  CheckedScenario s;
  Step st = s.ok("map[string]int64\nhint 27\nhash apple 0xab00000000000006\nset apple 1")[3];
  REQUIRE(st.hashes.size() == 1);
  CHECK(st.hashes[0].first == "apple");
  CHECK(st.hashes[0].second == 0xab00000000000006ULL);
  CHECK(s.map().tophashAt(s.map().bucketAddress(s.map().buckets(), 6), 0) == 0xab);
}

TEST_CASE("get prints the value and whether it was found", "[scenario][get]") {
  CheckedScenario s("map[int64]int64\nset -7 -70");
  CHECK(*s.one("get -7").result == "-70 true");
  CHECK(*s.one("get 7").result == "0 false");
  CheckedScenario b;
  b.ok("map[string][8]byte\nset \"a key\" \"hi there\"");
  CHECK(*b.one("get \"a key\"").result == "hi there true");
}

TEST_CASE("json strings escape quotes and controls and replace invalid UTF-8", "[scenario][json]") {
  CHECK(jsonString("a\"b\\c\n\t\r") == R"("a\"b\\c\n\t\r")");
  CHECK(jsonString(std::string("\x01\x7f", 2)) == R"("\u0001\u007f")");
  CHECK(jsonString("caf\xc3\xa9") == "\"caf\xc3\xa9\"");
  CHECK(jsonString("\xff\xc3") == R"("\ufffd\ufffd")");
  CHECK(jsonString("\xed\xa0\x80") == R"("\ufffd\ufffd\ufffd")");  // a UTF-16 surrogate
}
