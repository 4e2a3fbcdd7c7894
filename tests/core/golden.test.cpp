// Golden dumps: each golden/<name>.scn replays (through the invariant-checked
// helper) to exactly the JSON lines in golden/<name>.jsonl, byte for byte.
// A first line "# golden: trace" asks for the dump with micro-steps
// (`gomap --trace`). To accept a change on purpose, run the suite with
// GOMAP_APPROVE=1 and review the diff of the .jsonl files (golden/README.md).
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/checked_scenario.h"
#include "support/shell_command.h"

using namespace gomap;
using namespace gomap::test;
namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> goldenScenarios() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(GOMAP_GOLDEN_DIR)) {
    if (e.path().extension() == ".scn") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool wantsTrace(const std::string& text) { return text.rfind("# golden: trace", 0) == 0; }

bool approving() {
  const char* v = std::getenv("GOMAP_APPROVE");
  return v && std::string(v) == "1";
}

// The first line where the two differ, for a readable failure.
void compareLines(const std::string& expected, const std::string& actual, const std::string& what) {
  if (expected == actual) {
    SUCCEED(what << " matches");
    return;
  }
  std::istringstream e(expected), a(actual);
  std::string el, al;
  for (int line = 1;; ++line) {
    bool he = bool(std::getline(e, el)), ha = bool(std::getline(a, al));
    if (!he && !ha) break;
    if (!he || !ha || el != al) {
      FAIL_CHECK(what << " differs from the golden file at output line " << line
                      << "\n  golden: " << (he ? el : "<end>") << "\n  actual: " << (ha ? al : "<end>")
                      << "\n(if the change is intended: GOMAP_APPROVE=1 ctest, then review git diff)");
      return;
    }
  }
  FAIL_CHECK(what << " differs from the golden file in line endings only");
}

}  // namespace

TEST_CASE("golden scenarios replay to their approved JSON dumps byte for byte", "[golden]") {
  const std::vector<fs::path> files = goldenScenarios();
  REQUIRE(files.size() >= 4);
  for (const fs::path& scn : files) {
    DYNAMIC_SECTION(scn.filename().string()) {
      const std::string text = readFile(scn);
      CheckedScenario s;
      s.recordDumps(wantsTrace(text));
      std::string actual;
      for (const Step& st : s.run(text)) {
        if (st.isOperation) actual += st.dump + "\n";
      }
      fs::path golden = scn;
      golden.replace_extension(".jsonl");
      if (approving()) {
        std::ofstream(golden, std::ios::binary) << actual;
        WARN("approved " << golden.filename().string());
      } else if (!fs::exists(golden)) {
        FAIL("no golden file " << golden.filename().string() << ": run with GOMAP_APPROVE=1 and review it");
      } else {
        compareLines(readFile(golden), actual, scn.filename().string());
      }
    }
  }
}

#ifdef GOMAP_CLI
TEST_CASE("the gomap CLI prints the golden dumps byte for byte", "[golden][cli]") {
  for (const fs::path& scn : goldenScenarios()) {
    DYNAMIC_SECTION(scn.filename().string()) {
      fs::path golden = scn;
      golden.replace_extension(".jsonl");
      REQUIRE(fs::exists(golden));
      const std::string flags = wantsTrace(readFile(scn)) ? " --check --trace " : " --check ";
      const std::string cmd = std::string("\"") + GOMAP_CLI + "\"" + flags + "\"" + scn.string() + "\"";
      bool started = false;
      const CommandRun run = runCommand(cmd, &started);
      REQUIRE(started);
      compareLines(readFile(golden), run.out, "gomap " + scn.filename().string());
    }
  }
}
#endif
