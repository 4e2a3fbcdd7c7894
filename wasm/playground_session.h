// The C++ side of the JavaScript API for a Go 1.14/1.19 map: one map session
// with its scenario runner, snapshots for stepping backwards, and JSON views
// of the state.
// Plain C++ (no Emscripten header), so it is tested natively too; bindings.cpp
// only declares it to embind. Every method reports bad input as a value
// (a JSON "error" field or an error string) and never throws or aborts.
#pragma once
#include <cstdint>
#include <string>

#include "session_core.h"

namespace gomap {

// Bytes the process's allocator has handed out and not taken back (for leak
// tests: the same after a create/use/free cycle as before it).
double allocatedBytes();
// The model's memory budget (sim_heap.h): bytes every map, journal and
// snapshot holds together, and the ceiling they may not pass.
double memoryInUse();
double memoryCeiling();

// The session for Go 1.14/1.19's bucket map; session_core.h has exec,
// runScenario, rewind, the heap window and snapshots.
// How a session reaches Go 1.14/1.19's map (session_core.h ModelSession).
struct BucketModel {
  using Trace = gomap::Trace;
  static GoMap* map(ScenarioRunner& r) { return r.map(); }
  static const GoMap* map(const ScenarioRunner& r) { return r.map(); }
  static void setTrace(ScenarioRunner& r, Trace* trace) { r.setTrace(trace); }
};

class PlaygroundSession : public ModelSession<BucketModel> {
 public:
  PlaygroundSession();

  // Full state in the dump contract's shape plus header addresses, type
  // facts and the spare-bucket pool: for small maps.
  std::string state() const;
  // The header and type facts alone (cheap at any size).
  std::string header() const override;
  // Chains [from, from+count) of the current (or old) array.
  std::string chains(bool old, double from, double count) const;
  std::string checkInvariants();

  // m[k] = v for n int64 pairs read from wasm memory (a batch call).
  // Returns "" or an error; on error nothing was inserted.
  std::string setInt64Batch(double keysPtr, double valuesPtr, double n);
  // The checks setInt64Batch makes before reading memory (map type, entry
  // limit, heap room), for a caller about to copy n pairs in: "" or an error.
  std::string checkInt64Batch(double n);

 private:
  // The batch calls' map: made if need be, and refused ("" or an error) unless
  // it is a map[int64]int64.
  std::string int64Map(GoMap** out);
  // exec()'s outcome fields: hashes?, keys?, start?, offset?, events?.
  void appendOutcome(const Outcome& o, bool withEvents, std::string* out) const override;
  std::string dumpLine(const Outcome& o, const DumpOptions& options) const override;
};

}  // namespace gomap
