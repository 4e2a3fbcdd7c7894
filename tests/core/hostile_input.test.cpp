// Issue 18's defects in the scenario language and the CLI, each as it was
// reported: the input that went wrong, and what it does now.
#include <catch2/catch.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "invariants.h"
#include "json_dump.h"
#include "scenario_parse.h"
#include "support/checked_scenario.h"
#include "support/shell_command.h"

using namespace gomap;
using namespace gomap::test;

namespace {

std::string lines(size_t n, bool finalNewline) {
  std::string text = "map[int64]int64\n";
  for (size_t i = 2; i <= n; ++i) {
    text += "set " + std::to_string(i) + (i < n || finalNewline ? "\n" : "");
  }
  return text;
}

}  // namespace

TEST_CASE("hash K H on a key already in the map is refused and the map stays whole", "[hostile][hash][I3]") {
  CheckedScenario s("map[string]int64\nset a 1");
  const std::string before = s.state();
  Step st = s.one("hash a 5");
  CHECK_THAT(st.error, Catch::StartsWith(
                           "line 3: key is already in the map: its hash cannot change while it is stored"));
  CHECK(s.state() == before);
  s.ok("set a 2");  // issue 18: count became 2 and `a` was iterated twice
  CHECK(s.map().count() == 1);
  Step it = s.one("iter");
  REQUIRE(it.keys);
  CHECK(*it.keys == std::vector<std::string>{"a"});
  // The hash the key already has may be pinned; a deleted key may be re-pinned.
  const uint64_t own = s.map().hashOf("a");
  s.ok("hash a " + std::to_string(own) + "\ndel a\nhash a 5\nset a 3");
  CHECK(s.map().hashOf("a") == 5);
  CHECK(s.map().count() == 1);
}

TEST_CASE("hash K H on a NaN key is accepted and draws nothing from the random stream",
          "[hostile][hash][float]") {
  CheckedScenario s("map[float64]int64\nset NaN 1\nset 1 1");
  const FastRand before = s.map().randState();
  s.ok("hash NaN 7");
  CHECK(s.map().randState().a == before.a);
  CHECK(s.map().randState().b == before.b);
}

TEST_CASE("keys that are not UTF-8 print apart, as the token that writes them", "[hostile][utf8][dump]") {
  CheckedScenario s;
  s.recordDumps();
  std::vector<Step> st = s.ok(
      "map[string]int64\nset \"\\xff\" 1\nset \"\\xfe\" 2\nset \"\\xed\\xa0\\x80\" 3\nset \"\\xff\\\"q\\\\\" "
      "4\nset é 5\niter");
  const std::string& dump = st.back().dump;
  CHECK_THAT(dump, Catch::Contains(R"("k":"\"\\xff\"")"));
  CHECK_THAT(dump, Catch::Contains(R"("k":"\"\\xfe\"")"));
  CHECK_THAT(dump, Catch::Contains(R"("k":"\"\\xed\\xa0\\x80\"")"));
  CHECK_THAT(dump, Catch::Contains(R"("k":"\"\\xff\\\"q\\\\\"")"));
  CHECK_THAT(dump, Catch::Contains("\"k\":\"é\""));  // valid text prints as before
  CHECK(dump.find("\\ufffd") == std::string::npos);
  REQUIRE(st.back().keys);
  CHECK(st.back().keys->size() == 5);
  // The hashes object no longer names distinct keys alike.
  CHECK_THAT(st[1].dump, Catch::Contains(R"("hashes":{"\"\\xff\"":)"));
  CHECK_THAT(st[2].dump, Catch::Contains(R"("hashes":{"\"\\xfe\"":)"));
  // The printed token reads back as the same key.
  Step again = s.one("get \"\\xed\\xa0\\x80\"");
  CHECK(again.result == std::optional<std::string>("3 true"));
}

TEST_CASE("[N]byte keys that are not UTF-8 print apart too", "[hostile][utf8][dump]") {
  CheckedScenario s;
  s.recordDumps();
  std::vector<Step> st = s.ok("map[[2]byte][2]byte\nset \"\\xff\" \"\\x80\"\nset \"\\xfe\" ok\ndump");
  CHECK_THAT(st.back().dump, Catch::Contains(R"("k":"\"\\xff\"","v":"\"\\x80\"")"));
  CHECK_THAT(st.back().dump, Catch::Contains(R"("k":"\"\\xfe\"","v":"ok")"));
}

TEST_CASE("a scenario of exactly 50,000 lines is accepted, with or without a final newline",
          "[hostile][limits]") {
  std::vector<Command> commands;
  CHECK(splitScenario(lines(50000, true), ScenarioLimits(), &commands).ok());
  CHECK(commands.size() == 50000);
  CHECK(splitScenario(lines(50000, false), ScenarioLimits(), &commands).ok());
  Status over = splitScenario(lines(50001, false), ScenarioLimits(), &commands);
  CHECK(over.message() == "scenario has 50001 lines; the limit is 50000");
}

TEST_CASE("a UTF-8 byte order mark is skipped, not read as an unknown command", "[hostile][bom]") {
  CheckedScenario s;
  std::vector<Step> st = s.ok("\xEF\xBB\xBFmap[int64]int64\nset 1 1");
  CHECK(s.map().type().name() == "map[int64]int64");
  CHECK(st[0].line == 1);
}

TEST_CASE("a signed hexadecimal number is refused; hex stays for unsigned ones", "[hostile][numbers]") {
  CheckedScenario s("map[int64]int64\nset 0x10 1\nset -16 2");
  for (const char* bad : {"set -0x10 1", "get -0x10", "set +0x10 1", "set 1 -0x10"}) {
    Step st = s.one(bad);
    INFO(bad);
    CHECK_THAT(st.error, Catch::Contains("is not an int64"));
  }
  CHECK(s.one("get 16").result == std::optional<std::string>("1 true"));
  CHECK(s.map().count() == 2);
}

TEST_CASE("a huge map's lines are summarised; dump full lists every bucket", "[hostile][dump]") {
  CheckedScenario s;
  s.recordDumps();
  // B 14 (the conformance suite's largest) is listed in full; B 15 is summarised.
  std::vector<Step> st = s.ok("map[int64]int64\nhint 100000\nset 1 1");
  CHECK(s.map().B() == 14);
  CHECK_THAT(st.back().dump, Catch::Contains("\"buckets\":["));
  st = s.ok("fill 110000\ndump\ndump full");
  REQUIRE(s.map().B() >= 15);
  const std::string& summary = st[1].dump;
  CHECK(summary.find("\"buckets\":[") == std::string::npos);
  CHECK_THAT(summary, Catch::Contains("\"summarized\":{\"buckets\":" + std::to_string(1u << s.map().B())));
  CHECK_THAT(summary, Catch::Contains("'dump full' lists them"));
  CHECK(summary.size() < 1000);
  CHECK_THAT(st[2].dump, Catch::Contains("\"buckets\":["));
  CHECK(st[2].dump.size() > 1000000);
  CHECK_THAT(s.one("dump everything").error, Catch::Contains("usage: dump [full]"));
}

TEST_CASE("a huge Go 1.26 map's lines are summarised; dump full lists every table",
          "[hostile][dump][swiss]") {
  // The same rule as version 1: over 16,384 groups (8 slots each, as a
  // bucket), a line gives the header and counts, not the directory.
  ScenarioRunner runner;
  std::vector<Command> commands;
  REQUIRE(splitScenario(
              "version 1.26\nmap[int64]int64\nfill 100000\ndump\nfill 100000\ndump\ndump full\ndump all",
              ScenarioLimits(), &commands)
              .ok());
  std::vector<std::string> lines;
  for (const Command& c : commands) {
    Outcome o = runner.run(c);
    lines.push_back(dumpSwissOutcome(runner.swissMap(), o, nullptr, DumpOptions()));
  }
  // 100,000 keys: 16,384 groups or fewer, listed.
  CHECK_THAT(lines[3], Catch::Contains("\"tables\":[{"));
  CHECK(lines[3].find("summarized") == std::string::npos);
  // 200,000 keys: summarised, with the tables and groups it left out.
  const std::string& summary = lines[5];
  CHECK(summary.find("\"tables\":[") == std::string::npos);
  CHECK(summary.find("\"directory\"") == std::string::npos);
  CHECK_THAT(summary, Catch::Contains("\"count\":200000"));
  CHECK_THAT(summary, Catch::Contains("\"summarized\":{\"tables\":"));
  CHECK_THAT(summary, Catch::Contains("groups: 'dump full' lists them\"}"));
  CHECK(summary.size() < 1000);
  // The fill's own line is summarised the same way (its hashes stay: one per key it names).
  CHECK_THAT(lines[4], Catch::Contains("\"summarized\":{"));
  CHECK(lines[4].find("\"tables\":[") == std::string::npos);
  CHECK_THAT(lines[6], Catch::Contains("\"tables\":[{"));
  CHECK(lines[6].size() > 1000000);
  CHECK_THAT(lines[7], Catch::Contains("usage: dump [full]"));
}

TEST_CASE("with --dumps-only a failing line prints its error, not the map", "[hostile][dump]") {
  ScenarioRunner runner;
  std::vector<Command> commands;
  REQUIRE(splitScenario("map[int64]int64\nfill 100\nbogus 1", ScenarioLimits(), &commands).ok());
  Outcome last;
  for (const Command& c : commands) last = runner.run(c);
  DumpOptions options;
  options.dumpsOnly = true;
  CHECK(dumpOutcome(runner.map(), last, nullptr, options) ==
        R"({"line":3,"op":"bogus 1","error":"line 3: unknown command 'bogus'"})");
  options.dumpsOnly = false;
  CHECK_THAT(dumpOutcome(runner.map(), last, nullptr, options), Catch::Contains("\"buckets\":"));
}

#ifdef GOMAP_CLI
namespace {

CommandRun cli(const std::string& args, const std::string& input = "") {
  namespace fs = std::filesystem;
  // ctest runs the cases of this binary as separate processes in parallel, so each process
  // writes its own scenario file; a shared name let one case read another's input.
  const fs::path in =
      fs::temp_directory_path() / ("gomap-hostile-input-" + std::to_string(getpid()) + ".scn");
  if (FILE* f = std::fopen(in.c_str(), "wb")) {
    std::fwrite(input.data(), 1, input.size(), f);
    std::fclose(f);
  }
  const std::string cmd = std::string("\"") + GOMAP_CLI + "\" " + args + " < \"" + in.string() + "\" 2>&1";
  bool started = false;
  CommandRun run = runCommand(cmd, &started);
  REQUIRE(started);
  fs::remove(in);
  return run;
}

}  // namespace

TEST_CASE("gomap on a directory is a clear error and a non-zero exit", "[hostile][cli]") {
  const std::string dir = std::filesystem::temp_directory_path().string();
  CommandRun r = cli("\"" + dir + "\"");
  CHECK(r.status == 2);
  CHECK_THAT(r.out, Catch::Contains("is a directory, not a scenario file"));
}

TEST_CASE("gomap with standard input it cannot read says so and exits 2", "[hostile][cli]") {
  // A directory as standard input once ran as an empty scenario: exit 0, no output.
  const std::string dir = std::filesystem::temp_directory_path().string();
  FILE* p = popen(("\"" + std::string(GOMAP_CLI) + "\" < \"" + dir + "\" 2>&1").c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = pclose(p);
  CHECK((WIFEXITED(status) ? WEXITSTATUS(status) : -1) == 2);
  CHECK_THAT(out, Catch::Contains("gomap: cannot read standard input: Is a directory"));
}

TEST_CASE("gomap reads no more than the scenario limit: an endless input is refused, not read",
          "[hostile][cli]") {
  // /dev/zero never ends: the CLI once read it until memory ran out.
  CommandRun r = cli("/dev/zero");
  CHECK(r.status == 1);
  CHECK(r.out ==
        "{\"line\":0,\"op\":\"\",\"error\":\"scenario is more than 4194304 bytes; the limit is 4194304\"}\n");
  // Standard input, one byte over: the same; at the limit, it runs.
  r = cli("-", std::string(4194305, ' '));
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Catch::Contains("scenario is more than 4194304 bytes"));
  r = cli("--dumps-only", "dump" + std::string(4194299, ' ') + "\n");  // 4194304 bytes
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("\"op\":\"dump\""));
}

TEST_CASE("gomap at the memory limit: a clear error, earlier lines printed, later lines run",
          "[hostile][cli][budget]") {
  CommandRun r = cli("--dumps-only", "map[[128]byte][128]byte\nhint 900000\nset a 1\ndump\n");
  CHECK(r.status == 1);
  CHECK(r.out ==
        "{\"line\":3,\"op\":\"set a 1\",\"error\":\"line 3: hint 900000 needs more memory than the simulated "
        "heap allows (512 MiB)\"}\n"
        "{\"line\":4,\"op\":\"dump\",\"error\":\"line 4: hint 900000 needs more memory than the simulated "
        "heap allows (512 MiB)\"}\n");
  // The per-operation route: the map stays as it was and the next line runs.
  r = cli("--dumps-only", "map[[128]byte][128]byte\nfill 10\nfill 2000000\nget k3\ndump\n");
  CHECK(r.status == 1);
  CHECK_THAT(
      r.out,
      Catch::Contains(
          "\"line\":3,\"op\":\"fill 2000000\",\"error\":\"line 3: 2000000 more keys would need about"));
  CHECK_THAT(r.out, Catch::Contains("\"line\":5,\"op\":\"dump\",\"count\":10,"));
}
#endif
