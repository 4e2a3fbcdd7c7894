// What a map session does the same way for every map model: scenario text
// run command by command (each command's micro-steps traced and its heap
// writes journaled on request), the last traced command wound back to any
// micro-step, the gomap CLI's JSON lines, zero-copy access to the heap, and
// snapshots that take their bytes from the memory budget. PlaygroundSession
// (Go 1.14/1.19's bucket map) and SwissSession (Go 1.26's Swiss table) say
// how to reach their map, trace and JSON; bindings.cpp declares this class
// to embind as their base, so the methods below exist once in JavaScript too.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "json_dump.h"
#include "scenario_runner.h"
#include "sliced_heap_copy.h"

namespace gomap {

// Whether a number from JavaScript is a count or index the sessions can take
// exactly: a whole number from 0 to 2^53 - 1 (not NaN, a fraction, an
// infinity or anything past the integers a double holds without gaps).
bool isWholeCount(double v);

class SessionCore {
 public:
  SessionCore(const SessionCore&) = delete;
  SessionCore& operator=(const SessionCore&) = delete;
  virtual ~SessionCore() = default;

  // Runs scenario text (one or more commands) and returns a JSON object
  // {outcomes, header}: one outcome per command ({line, op, operation,
  // result?, the model's fields (appendOutcome), error?}) and the header as
  // header() gives it after the last command, so a caller that ran an
  // operation has the map's new header without a second call. With
  // `trace`, each operation's micro-steps are included and its heap writes
  // journaled, so rewind() can show any of them (for the last command only).
  std::string exec(const std::string& text, bool trace);
  // The type, hasher and version, and with a map its header fields (cheap
  // at any size); each model writes its own.
  virtual std::string header() const = 0;
  // Runs a whole scenario exactly as the gomap CLI does and returns its
  // JSON lines (the contract of docs/scenario-format.md).
  std::string runScenario(const std::string& text, bool dumpsOnly, bool trace);
  // Rolls the last traced command's writes back to the state right after
  // its event with the given `writes` count. Returns "" or an error.
  std::string rewind(double writes);

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
  // why) and restore() false when the copy back does not or the id is not
  // a snapshot of this session (restoreError() says which).
  int snapshot();
  std::string snapshotError() const { return snapshotError_; }
  bool restore(int id);
  std::string restoreError() const { return restoreError_; }
  void dropSnapshot(int id);
  int snapshotCount() const { return int(snapshots_.size()); }

  // The same copies in slices (a 100 MB heap is tens of milliseconds to
  // copy): each call copies at most maxCopyBytes of the heap into a copy
  // made beside it and returns true once the copy is whole, so a page calls
  // it between tasks until true; snapshot() or restore(id) then only hand
  // the copy over. A write to the map meanwhile makes a snapshot's copy
  // stale (it starts again); one copy is kept at a time, and any exec,
  // runScenario or rewind drops it. True at once when there is nothing to
  // slice or no room for the copy: snapshot() or restore() then says why.
  bool prepareSnapshot(double maxCopyBytes);
  bool prepareRestore(int id, double maxCopyBytes);

 protected:
  SessionCore() = default;

  // The model's map in `runner`: its heap (null before the map is made).
  virtual const SimHeap* heapOf(const ScenarioRunner& runner) const = 0;
  virtual SimHeap* mutableHeapOf(ScenarioRunner& runner) = 0;
  // The current map's journal: stopped, or wound back to `writes`.
  virtual void stopJournal() = 0;
  virtual void rollbackTo(size_t writes) = 0;
  // Points the runner at the session's trace (or at none); empties it.
  virtual void traceInto(bool on) = 0;
  virtual void clearTrace() = 0;
  // One command; a model may refuse some before the runner sees them.
  virtual Outcome run(const Command& c, bool lineHasMany) { return runner_.run(c, lineHasMany); }
  // After each traced command, and when the steps it recorded no longer
  // apply (a new exec or runScenario, a restore).
  virtual void noteSteps() {}
  virtual void forgetSteps() {}
  // The model's fields of exec()'s object for one outcome (between its
  // line, op, operation, result and its error), with the command's trace
  // events when `withEvents`; and runScenario()'s CLI line.
  virtual void appendOutcome(const Outcome& o, bool withEvents, std::string* out) const = 0;
  virtual std::string dumpLine(const Outcome& o, const DumpOptions& options) const = 0;

  // Stops tracing and journaling (the default between calls).
  void detachRecording();
  bool journaled() const { return journaled_; }

  ScenarioRunner runner_;

 private:
  Status startCall(const std::string& text, std::vector<Command>* commands, std::map<int, int>* perLine);
  std::string outcomeJson(const Outcome& o, bool withEvents) const;
  // A copy of `from` whose heap holds `bytes` (a finished sliced copy of its own).
  ScenarioRunner copyWithBytes(ScenarioRunner& from, std::vector<uint8_t> bytes);
  // The sliced copy for `source` (0: the live map), if it is whole and still true.
  bool preparedFor(int source) const;

  std::vector<Command> lastCommands_;
  bool journaled_ = false;
  std::map<int, ScenarioRunner> snapshots_;
  int nextSnapshot_ = 1;
  std::string snapshotError_;
  std::string restoreError_;
  std::optional<SlicedHeapCopy> pending_;
};

// The hooks every model fills the same way, from how its map is reached in a
// runner and how the runner is pointed at its trace. Model gives Trace,
// map(runner) (null before the map is made) and setTrace(runner, trace).
template <class Model>
class ModelSession : public SessionCore {
 protected:
  const SimHeap* heapOf(const ScenarioRunner& runner) const override {
    const auto* m = Model::map(runner);
    return m ? &m->heap() : nullptr;
  }
  SimHeap* mutableHeapOf(ScenarioRunner& runner) override {
    auto* m = Model::map(runner);
    return m ? &m->mutableHeap() : nullptr;
  }
  void stopJournal() override {
    if (auto* m = Model::map(runner_)) m->stopJournal();
  }
  void rollbackTo(size_t writes) override { Model::map(runner_)->rollbackTo(writes); }
  void traceInto(bool on) override { Model::setTrace(runner_, on ? &trace_ : nullptr); }
  void clearTrace() override { trace_.clear(); }

  typename Model::Trace trace_;
};

}  // namespace gomap
