#include "swiss/swiss_scenario.h"

#include <catch2/catch.hpp>

#include "json_dump.h"
#include "key_text.h"
#include "support/scenario_commands.h"
#include "swiss/swiss_invariants.h"

namespace gomap::test {

SwissScenario::SwissScenario(std::string_view setup) { ok("version 1.26\n" + std::string(setup)); }

std::vector<SwissStep> SwissScenario::run(std::string_view text) {
  std::vector<SwissStep> steps;
  forEachCommand(text, 0, commands_, [&](const Command& cmd, bool many) {
    trace_.clear();
    Outcome o = runner_.run(cmd, many);
    SwissStep step;
    copyOutcome(cmd, o, &step);
    step.draws = o.swissIterStart;
    if (traceOn_) step.trace = trace_.events;
    if (o.isOperation) {
      DumpOptions options;
      step.dump = dumpSwissOutcome(runner_.swissMap(), o, &trace_, options);
    }
    if (runner_.swissMap()) {
      std::string broken = swiss::checkSwissInvariants(*runner_.swissMap());
      if (!broken.empty()) FAIL("invariant broken after `" << cmd.text << "`: " << broken);
    }
    steps.push_back(std::move(step));
  });
  return steps;
}

std::vector<SwissStep> SwissScenario::ok(std::string_view text) { return requireSucceeded(run(text)); }

SwissStep SwissScenario::one(std::string_view command) { return requireSingle(run(command)); }

void SwissScenario::recordTrace() {
  traceOn_ = true;
  runner_.setSwissTrace(&trace_);
}

swiss::SwissMap& SwissScenario::map() {
  if (!runner_.swissMap()) REQUIRE(runner_.ensureMap().ok());
  return *runner_.swissMap();
}

uint8_t* rawBytes(swiss::SwissMap& m, uint64_t addr) { return const_cast<uint8_t*>(m.heap().at(addr)); }

std::vector<std::string> tableKeys(const swiss::SwissMap& m, uint64_t t) {
  std::vector<std::string> keys;
  for (uint64_t g = 0; g <= m.tLengthMask(t); ++g) {
    const uint64_t a = m.groupAt(t, g);
    for (int i = 0; i < swiss::kGroupSlots; ++i) {
      if ((m.ctrlAt(a, i) & swiss::kCtrlEmpty) == 0)
        keys.push_back(formatKey(m.type(), m.keyBytes(m.keyAt(a, i))));
    }
  }
  return keys;
}

size_t tableCount(const swiss::SwissMap& m) {
  size_t n = 0;
  uint64_t last = 0;
  for (uint64_t i = 0; i < m.dirLen(); ++i) {
    if (m.directoryAt(i) != last) ++n;
    last = m.directoryAt(i);
  }
  return n;
}

}  // namespace gomap::test
