// gomap: runs a scenario and prints the JSON state dump, one line per
// operation (scenario-format.md). Exit status 1 if any command failed, 2 for
// a usage or input error.
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "invariants.h"
#include "json_dump.h"
#include "map_layout.h"
#include "scenario_parse.h"
#include "scenario_runner.h"
#include "schema.h"
#include "swiss/swiss_invariants.h"

namespace {

const char kUsage[] =
    "usage: gomap [--dumps-only] [--trace] [--check] [FILE|-]\n"
    "       gomap --layout 'map[K]V'   (the type's layout, hash function and variant, as JSON)\n"
    "       gomap --schema             (the core's constants, names and limits, as JSON)\n"
    "  Runs a scenario (from FILE, or standard input) on the model of Go 1.14's map\n"
    "  (Go 1.26's Swiss-table map when the scenario says `version 1.26`)\n"
    "  and prints one JSON state dump per operation.\n"
    "  --dumps-only  print only 'dump' commands and failed commands (their error)\n"
    "  --trace       add each operation's micro-steps to its dump\n"
    "  --check       run the invariant checker after every operation\n";

// Reads the scenario, but never more than one byte past `limit`: a longer
// one is refused whole anyway, and an endless stream (/dev/zero, `yes |`)
// must not fill memory first. Sets `over` when there was more.
bool readAll(std::istream& in, std::string* out, size_t limit, bool* over) {
  out->clear();
  char buf[1 << 16];
  while (out->size() <= limit) {
    in.read(buf, sizeof buf);
    if (in.gcount() <= 0) break;
    out->append(buf, size_t(in.gcount()));
  }
  *over = out->size() > limit;
  return !in.bad();
}

}  // namespace

int main(int argc, char** argv) {
  bool dumpsOnly = false, withTrace = false, check = false;
  const char* path = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--dumps-only"))
      dumpsOnly = true;
    else if (!std::strcmp(argv[i], "--trace"))
      withTrace = true;
    else if (!std::strcmp(argv[i], "--check"))
      check = true;
    else if (!std::strcmp(argv[i], "--layout")) {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "gomap: --layout needs a map type\n%s", kUsage);
        return 2;
      }
      gomap::MapType t;
      if (gomap::Status s = gomap::parseMapType(argv[i + 1], &t); !s.ok()) {
        std::fprintf(stderr, "gomap: %s\n", s.message().c_str());
        return 1;
      }
      std::printf("%s\n", gomap::mapLayoutJson(t).c_str());
      return 0;
    } else if (!std::strcmp(argv[i], "--schema")) {
      std::printf("%s\n", gomap::schemaJson().c_str());
      return 0;
    } else if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
      std::fprintf(stderr, "gomap: unknown option %s\n%s", argv[i], kUsage);
      return 2;
    } else if (!path) {
      path = argv[i];
    } else {
      std::fprintf(stderr, "gomap: more than one scenario file\n%s", kUsage);
      return 2;
    }
  }
  std::string text;
  const size_t limit = gomap::ScenarioLimits().maxBytes;
  bool over = false;
  if (!path || !std::strcmp(path, "-")) {
    // A read that fails (standard input is a directory, say) is an error,
    // not an empty scenario that succeeds.
    if (!readAll(std::cin, &text, limit, &over) || std::ferror(stdin)) {
      std::fprintf(stderr, "gomap: cannot read standard input: %s\n", std::strerror(errno));
      return 2;
    }
  } else {
    // A directory opens as a stream on Linux and reads as nothing: say so.
    struct stat info;
    if (stat(path, &info) == 0 && S_ISDIR(info.st_mode)) {
      std::fprintf(stderr, "gomap: %s is a directory, not a scenario file\n", path);
      return 2;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in || !readAll(in, &text, limit, &over)) {
      std::fprintf(stderr, "gomap: cannot read %s: %s\n", path, std::strerror(errno));
      return 2;
    }
  }

  if (over) {
    std::printf("{\"line\":0,\"op\":\"\",\"error\":\"scenario is more than %zu bytes; the limit is %zu\"}\n",
                limit, limit);
    return 1;
  }
  std::vector<gomap::Command> commands;
  if (gomap::Status s = gomap::splitScenario(text, gomap::ScenarioLimits(), &commands); !s.ok()) {
    std::printf("{\"line\":0,\"op\":\"\",\"error\":%s}\n", gomap::jsonString(s.message()).c_str());
    return 1;
  }
  std::map<int, int> perLine;
  for (const gomap::Command& c : commands) ++perLine[c.line];

  gomap::ScenarioRunner runner;
  runner.applyVersionFirst(commands);  // `version 1.26` anywhere selects the Swiss map
  gomap::Trace trace;
  gomap::swiss::SwissTrace swissTrace;
  if (withTrace) {
    runner.setTrace(&trace);
    runner.setSwissTrace(&swissTrace);
  }
  gomap::DumpOptions options;
  options.withTrace = withTrace;
  options.dumpsOnly = dumpsOnly;
  bool failed = false;
  for (const gomap::Command& c : commands) {
    gomap::Outcome o = runner.run(c, perLine[c.line] > 1);
    if (!o.error.empty()) failed = true;
    if (check && (runner.hasMap() || runner.swissMap()) && o.error.empty()) {
      std::string broken = runner.swissMap() ? gomap::swiss::checkSwissInvariants(*runner.swissMap())
                                             : gomap::checkInvariants(*runner.map());
      if (!broken.empty()) {
        o.error = "line " + std::to_string(c.line) + ": invariant broken after this command: " + broken;
        failed = true;
      }
    }
    if (!o.isOperation) continue;
    if (dumpsOnly && !o.isDump && o.error.empty()) continue;
    std::string line = runner.isSwiss() ? gomap::dumpSwissOutcome(runner.swissMap(), o, &swissTrace, options)
                                        : gomap::dumpOutcome(runner.map(), o, &trace, options);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
  }
  return failed ? 1 : 0;
}
