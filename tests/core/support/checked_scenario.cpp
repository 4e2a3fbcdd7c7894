#include "support/checked_scenario.h"

#include <catch2/catch.hpp>
#include <cstring>

#include "invariants.h"
#include "key_text.h"
#include "support/scenario_commands.h"

namespace gomap::test {

std::vector<Step> CheckedScenario::run(std::string_view text) {
  std::vector<Step> steps;
  forEachCommand(text, lines_, commands_, [&](const Command& cmd, bool many) {
    trace_.clear();
    Outcome o = runner_.run(cmd, many);
    Step step;
    copyOutcome(cmd, o, &step);
    step.line = cmd.line;
    step.isOperation = o.isOperation;
    step.start = o.iterStart;
    if (traceOn_) step.trace = trace_.events;
    if (dumps_ && o.isOperation) step.dump = dumpOutcome(runner_.map(), o, &trace_, dumpOptions_);

    // The point of this helper: no command may leave a broken invariant,
    // whether it succeeded or failed.
    if (runner_.hasMap()) {
      std::string broken = checkInvariants(*runner_.map());
      if (!broken.empty()) {
        FAIL("invariant broken after line " << cmd.line << " (`" << cmd.text << "`): " << broken);
      }
    }
    steps.push_back(std::move(step));
  });
  // The next text continues after this one's last line.
  int textLines = 1;
  for (char ch : text) textLines += ch == '\n';
  lines_ += textLines;
  return steps;
}

std::vector<Step> CheckedScenario::ok(std::string_view text) { return requireSucceeded(run(text)); }

Step CheckedScenario::one(std::string_view command) { return requireSingle(run(command)); }

void CheckedScenario::recordDumps(bool withTrace) {
  dumps_ = true;
  dumpOptions_.withTrace = withTrace;
  if (withTrace) recordTrace();
}

void CheckedScenario::recordTrace() {
  traceOn_ = true;
  runner_.setTrace(&trace_);
}

GoMap& CheckedScenario::map() {
  REQUIRE(runner_.hasMap());
  return *runner_.map();
}

std::string CheckedScenario::state() const {
  return runner_.hasMap() ? dumpState(*runner_.map()) : std::string();
}

std::vector<int> tophashes(const GoMap& m, uint64_t bucket) {
  std::vector<int> out;
  for (int i = 0; i < kBucketCnt; ++i) out.push_back(m.tophashAt(bucket, i));
  return out;
}

std::vector<std::vector<int>> chainTophashes(const GoMap& m, uint64_t array, uint64_t index) {
  std::vector<std::vector<int>> out;
  for (uint64_t b = m.bucketAddress(array, index); b != 0; b = m.overflowOf(b)) {
    out.push_back(tophashes(m, b));
  }
  return out;
}

std::vector<std::string> chainKeys(const GoMap& m, uint64_t array, uint64_t index) {
  std::vector<std::string> out;
  for (uint64_t b = m.bucketAddress(array, index); b != 0; b = m.overflowOf(b)) {
    for (int i = 0; i < kBucketCnt; ++i) {
      if (m.tophashAt(b, i) >= kMinTopHash) out.push_back(formatKey(m.type(), m.keyBytes(m.keyAt(b, i))));
    }
  }
  return out;
}

size_t chainLength(const GoMap& m, uint64_t array, uint64_t index) {
  size_t n = 0;
  for (uint64_t b = m.bucketAddress(array, index); b != 0; b = m.overflowOf(b)) ++n;
  return n;
}

uint64_t load64(const GoMap& m, uint64_t addr) { return m.heap().load64(addr); }

std::string bytesAt(const GoMap& m, uint64_t addr, size_t n) {
  return std::string(reinterpret_cast<const char*>(m.heap().at(addr)), n);
}

MapType typeOf(const std::string& name) {
  MapType t;
  REQUIRE(parseMapType(name, &t).ok());
  return t;
}

std::string i64(int64_t v) { return std::string(reinterpret_cast<const char*>(&v), 8); }

std::string f64(double v) {
  char b[8];
  std::memcpy(b, &v, 8);
  return std::string(b, 8);
}

std::string show(const std::vector<int>& v) {
  std::string s = "[";
  for (size_t i = 0; i < v.size(); ++i) s += (i ? " " : "") + std::to_string(v[i]);
  return s + "]";
}

std::string show(const std::vector<std::vector<int>>& chain) {
  std::string s;
  for (size_t i = 0; i < chain.size(); ++i) s += (i ? " -> " : "") + show(chain[i]);
  return s;
}

}  // namespace gomap::test
