// The session for a Go 1.26 map (the Swiss table), the counterpart of
// PlaygroundSession (Go 1.14/1.19's bucket map) with the same methods where
// their meaning is shared: scenario text in, JSON out, snapshots, rewinding
// a traced command to any micro-step. Plain C++, tested natively and from
// node; bindings.cpp declares it to embind as `SwissSession`.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "scenario_runner.h"

namespace gomap {

class SwissSession {
 public:
  SwissSession();
  SwissSession(const SwissSession&) = delete;
  SwissSession& operator=(const SwissSession&) = delete;

  // One outcome per command: {line, op, operation, error?, result?, keys?,
  // hashes?, entry?, dir?, events?}. With `trace`, events carry the named
  // fields of core/swiss/swiss_trace_json.h and the heap is journaled, so
  // rewind() can show any micro-step of the last command.
  std::string exec(const std::string& text, bool trace);
  // The gomap CLI's JSON lines for a whole scenario (contract version 2).
  std::string runScenario(const std::string& text, bool dumpsOnly, bool trace);
  // The bytes right after the last traced command's event with this
  // `writes`. "" or an error.
  std::string rewind(double writes);

  // The type, hasher and version; with a map, its header fields (cheap).
  std::string header() const;
  // The contract's Swiss dump with addresses, tombstones, stale elements and
  // the tables a grow or split in the last traced command had off the
  // directory (core/json_dump.h dumpSwissStateDetail), plus header() fields.
  std::string state() const;
  // The same for a big map: when the tables hold more than maxGroups groups,
  // only those holding one of `near` (hex addresses, comma-separated: a
  // table, or an address inside its groups) come with their groups.
  std::string stateNear(const std::string& near, double maxGroups) const;
  std::string checkInvariants();

  // Makes the heap room `fill n` will need ahead, copying at most
  // maxCopyBytes of a heap that must move per call (ScenarioRunner::
  // prepareFill): a page calls it between slices until it returns true, so
  // no one call moves tens of megabytes. Changes no byte of the map.
  bool prepareFill(double n, double maxCopyBytes);
  double heapPointer() const;
  double heapSize() const;
  double heapBase() const { return double(SimHeap::kBase); }

  int snapshot();
  std::string snapshotError() const { return snapshotError_; }
  bool restore(int id);
  void dropSnapshot(int id);
  int snapshotCount() const { return int(snapshots_.size()); }

 private:
  Outcome run(const Command& c, bool lineHasMany);
  std::string outcomeJson(const Outcome& o, bool withEvents) const;
  void detachRecording();
  void noteTables();

  ScenarioRunner runner_;
  swiss::SwissTrace trace_;
  std::vector<Command> lastCommands_;
  bool journaled_ = false;
  // Tables the last traced command named (grown, split, new): drawn while
  // they are off the directory, when stepping inside that command.
  std::vector<uint64_t> namedTables_;
  std::map<int, ScenarioRunner> snapshots_;
  int nextSnapshot_ = 1;
  std::string snapshotError_;
};

}  // namespace gomap
