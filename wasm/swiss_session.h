// The session for a Go 1.26 map (the Swiss table), the counterpart of
// PlaygroundSession (Go 1.14/1.19's bucket map); what they share (scenario
// text in, JSON out, snapshots, rewinding a traced command to any
// micro-step) is session_core.h. Plain C++, tested natively and from
// node; bindings.cpp declares it to embind as `SwissSession`.
#pragma once
#include <string>
#include <vector>

#include "session_core.h"

namespace gomap {

// How a session reaches Go 1.26's map (session_core.h ModelSession).
struct SwissModel {
  using Trace = swiss::SwissTrace;
  static swiss::SwissMap* map(ScenarioRunner& r) { return r.swissMap(); }
  static const swiss::SwissMap* map(const ScenarioRunner& r) { return r.swissMap(); }
  static void setTrace(ScenarioRunner& r, Trace* trace) { r.setSwissTrace(trace); }
};

class SwissSession : public ModelSession<SwissModel> {
 public:
  SwissSession();

  // The type, hasher and version; with a map, its header fields (cheap).
  std::string header() const override;
  // The contract's Swiss dump with addresses, tombstones, stale elements and
  // the tables a grow or split in the last traced command had off the
  // directory (core/json_dump.h dumpSwissStateDetail), plus header() fields.
  std::string state() const;
  // The same for a big map: when the tables hold more than maxGroups groups,
  // only those holding one of `near` (hex addresses, comma-separated: a
  // table, or an address inside its groups) come with their groups.
  std::string stateNear(const std::string& near, double maxGroups) const;
  // stateNear() without any table's groups (a window of them is read with
  // groups()): the tables not marked "summary" are those it would list.
  std::string stateTables(const std::string& near, double maxGroups) const;
  // Groups [from, from + count) of a table the state lists (in the directory
  // or detached; hex address), cut at its end: {"groups":[…]}, or
  // {"error":…} naming what is wrong.
  std::string groups(const std::string& table, double from, double count) const;
  std::string checkInvariants();

 private:
  // A `version` line naming another Go is refused here.
  Outcome run(const Command& c, bool lineHasMany) override;
  // exec()'s outcome fields: hashes?, keys?, entry?, dir?, events? (with
  // the named fields of core/swiss/swiss_trace_json.h).
  void appendOutcome(const Outcome& o, bool withEvents, std::string* out) const override;
  std::string dumpLine(const Outcome& o, const DumpOptions& options) const override;
  void noteSteps() override;
  void forgetSteps() override { namedTables_.clear(); }

  // Tables the last traced command named (grown, split, new): drawn while
  // they are off the directory, when stepping inside that command.
  std::vector<uint64_t> namedTables_;
  // Of namedTables_, those off the directory now, with their header written.
  std::vector<uint64_t> detachedTables() const;
  std::string stateOf(const std::string& near, double maxGroups, bool withGroups) const;
};

}  // namespace gomap
