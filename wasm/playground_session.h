// The C++ side of the JavaScript API: one map session with its scenario
// runner, snapshots for stepping backwards, and JSON views of the state.
// Plain C++ (no Emscripten header), so it is tested natively too; bindings.cpp
// only declares it to embind. Every method reports bad input as a value
// (a JSON "error" field or an error string) and never throws or aborts.
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "scenario_runner.h"

namespace gomap {

// Bytes the process's allocator has handed out and not taken back (for leak
// tests: the same after a create/use/free cycle as before it).
double allocatedBytes();
// The model's memory budget (sim_heap.h): bytes every map, journal and
// snapshot holds together, and the ceiling they may not pass.
double memoryInUse();
double memoryCeiling();

class PlaygroundSession {
 public:
  PlaygroundSession();
  PlaygroundSession(const PlaygroundSession&) = delete;
  PlaygroundSession& operator=(const PlaygroundSession&) = delete;

  // Runs scenario text (one or more commands) and returns a JSON array with
  // one outcome per command: {line, op, error?, result?, keys?, start?,
  // offset?, hashes?, events?}. With `trace`, each operation's micro-steps
  // are included and its heap writes journaled, so rewind() can show any of
  // them (for the last command only).
  std::string exec(const std::string& text, bool trace);
  // Runs a whole scenario exactly as the gomap CLI does and returns its
  // JSON lines (the contract of scenario-format.md).
  std::string runScenario(const std::string& text, bool dumpsOnly, bool trace);
  // Rolls the last traced command's writes back to the state right after
  // its event with the given `writes` count. Returns "" or an error.
  std::string rewind(double writes);

  // Full state in the dump contract's shape plus header addresses, type
  // facts and the spare-bucket pool: for small maps.
  std::string state() const;
  // The header and type facts alone (cheap at any size).
  std::string header() const;
  // Chains [from, from+count) of the current (or old) array.
  std::string chains(bool old, double from, double count) const;
  std::string checkInvariants();

  // Makes the heap room `fill n` will need ahead, copying at most
  // maxCopyBytes of a heap that must move per call (ScenarioRunner::
  // prepareFill): a page calls it between slices until it returns true, so
  // no one call moves tens of megabytes. Changes no byte of the map.
  bool prepareFill(double n, double maxCopyBytes);

  // Zero-copy access to the simulated heap: the bytes start at heapPointer()
  // in wasm memory and cover heapSize() bytes from address heapBase().
  // Valid only until the next call that may write or allocate.
  double heapPointer() const;
  double heapSize() const;
  double heapBase() const { return double(SimHeap::kBase); }

  // Snapshots of the whole session (map, iterator, generated keys). A
  // snapshot is a full copy, so it takes its bytes from the memory budget
  // first: snapshot() returns 0 when they do not fit (snapshotError() says
  // why) and restore() false when the copy back does not.
  int snapshot();
  std::string snapshotError() const { return snapshotError_; }
  bool restore(int id);
  void dropSnapshot(int id);
  int snapshotCount() const { return int(snapshots_.size()); }

  // m[k] = v for n int64 pairs read from wasm memory (a batch call).
  // Returns "" or an error; on error nothing was inserted.
  std::string setInt64Batch(double keysPtr, double valuesPtr, double n);
  // The checks setInt64Batch makes before reading memory (map type, entry
  // limit, heap room), for a caller about to copy n pairs in: "" or an error.
  std::string checkInt64Batch(double n);

 private:
  std::string outcomeJson(const Outcome& o, bool withEvents) const;
  // Stops tracing and journaling (the default between calls).
  void detachRecording();

  ScenarioRunner runner_;
  Trace trace_;
  std::vector<Command> lastCommands_;
  bool journaled_ = false;
  std::map<int, ScenarioRunner> snapshots_;
  int nextSnapshot_ = 1;
  std::string snapshotError_;
};

}  // namespace gomap
