#include "session_core.h"

#include <algorithm>

namespace gomap {
namespace {

// The budget bytes a copy of a runner takes (its map's heap and journal).
uint64_t copyCost(const SimHeap* heap) { return heap ? heap->copyCost() : 0; }

}  // namespace

bool isWholeCount(double v) { return v >= 0 && v <= 9007199254740991.0 && v == double(uint64_t(v)); }

// A new exec or runScenario: recording stopped, the last command's steps
// forgotten, the text split into commands, counted per line (a command on a
// line with others names its place in errors: the runner's lineHasMany).
Status SessionCore::startCall(const std::string& text, std::vector<Command>* commands,
                              std::map<int, int>* perLine) {
  detachRecording();
  forgetSteps();
  pending_.reset();
  if (Status s = splitScenario(text, ScenarioLimits(), commands); !s.ok()) return s;
  for (const Command& c : *commands) ++(*perLine)[c.line];
  return Status::success();
}

void SessionCore::detachRecording() {
  traceInto(false);
  runner_.setJournal(false);
  stopJournal();
  journaled_ = false;
}

std::string SessionCore::outcomeJson(const Outcome& o, bool withEvents) const {
  std::string out = "{\"line\":" + std::to_string(o.command->line) + ",\"op\":" + jsonString(o.command->text);
  out += ",\"operation\":";
  out += o.isOperation ? "true" : "false";
  if (o.result) out += ",\"result\":" + jsonString(*o.result);
  appendOutcome(o, withEvents && o.error.empty(), &out);
  if (!o.error.empty()) {
    // The place as fields too (line above, index here), so a caller words
    // the error its own way without reading the text apart.
    out += ",\"error\":" + jsonString(o.error) + ",\"message\":" + jsonString(o.message);
    if (o.index) out += ",\"index\":" + std::to_string(o.index);
  }
  return out + "}";
}

std::string SessionCore::exec(const std::string& text, bool trace) {
  std::vector<Command> commands;
  std::map<int, int> perLine;
  if (Status s = startCall(text, &commands, &perLine); !s.ok()) {
    return "{\"outcomes\":[{\"line\":0,\"op\":\"\",\"operation\":true,\"error\":" + jsonString(s.message()) +
           ",\"message\":" + jsonString(s.message()) + "}],\"header\":" + header() + "}";
  }
  lastCommands_ = std::move(commands);
  std::string out = "{\"outcomes\":[";
  for (size_t i = 0; i < lastCommands_.size(); ++i) {
    const Command& c = lastCommands_[i];
    if (trace) {
      // Journal each command's writes from its start, so rewind() can
      // restore any of its micro-steps (meaningful for the last command).
      runner_.setJournal(true);
      journaled_ = true;
      traceInto(true);
    }
    clearTrace();
    Outcome o = run(c, perLine[c.line] > 1);
    if (trace) noteSteps();
    if (i) out += ',';
    out += outcomeJson(o, trace);
  }
  traceInto(false);
  runner_.setJournal(false);
  stopJournal();
  return out + "],\"header\":" + header() + "}";
}

std::string SessionCore::rewind(double writes) {
  const SimHeap* heap = heapOf(runner_);
  if (!heap || !journaled_) return "rewind needs a traced command first";
  if (heap->journalLost()) {
    return "rewind: this command wrote more than its journal may hold (" +
           MemoryBudget::mib(SimHeap::kMaxJournalBytes) +
           ", or what the memory budget had free), so its steps cannot be wound back";
  }
  if (!(writes >= 0) || writes > double(heap->journalSize())) {
    return "rewind: writes must be between 0 and " + std::to_string(heap->journalSize());
  }
  pending_.reset();
  rollbackTo(size_t(writes));
  return "";
}

std::string SessionCore::runScenario(const std::string& text, bool dumpsOnly, bool trace) {
  std::vector<Command> commands;
  std::map<int, int> perLine;
  if (Status s = startCall(text, &commands, &perLine); !s.ok()) {
    return "{\"line\":0,\"op\":\"\",\"error\":" + jsonString(s.message()) + "}\n";
  }
  DumpOptions options;
  options.withTrace = trace;
  options.dumpsOnly = dumpsOnly;
  if (trace) traceInto(true);
  std::string out;
  for (const Command& c : commands) {
    Outcome o = run(c, perLine[c.line] > 1);
    if (!o.isOperation) continue;
    if (dumpsOnly && !o.isDump && o.error.empty()) continue;
    out += dumpLine(o, options);
    out += '\n';
  }
  traceInto(false);
  lastCommands_.clear();
  return out;
}

bool SessionCore::prepareFill(double n, double maxCopyBytes) {
  if (!(n >= 0) || n > 9007199254740991.0 || !(maxCopyBytes >= 1)) return true;  // the fill will say why
  return runner_.prepareFill(uint64_t(n), uint64_t(std::min(maxCopyBytes, 9007199254740991.0)));
}

double SessionCore::heapPointer() const {
  const SimHeap* heap = heapOf(runner_);
  return heap ? double(reinterpret_cast<uintptr_t>(heap->bytes().data())) : 0;
}

double SessionCore::heapSize() const {
  const SimHeap* heap = heapOf(runner_);
  return heap ? double(heap->used()) : 0;
}

int SessionCore::snapshot() {
  // The copy carries the journal too, so the last traced command can still
  // be rewound after a snapshot is taken.
  const SimHeap* heap = heapOf(runner_);
  const bool prepared = preparedFor(0);
  // A copy that is not this one (unfinished, or of a snapshot) gives its
  // room back before the cost is weighed; a finished one holds its bytes.
  if (!prepared) pending_.reset();
  const uint64_t cost = copyCost(heap) - (prepared ? heap->used() : 0);
  if (cost > MemoryBudget::room()) {
    pending_.reset();
    snapshotError_ = "out of memory: a snapshot of this map needs " + MemoryBudget::mib(copyCost(heap)) +
                     " of the playground's memory budget (" + MemoryBudget::mib(MemoryBudget::ceiling()) +
                     ", shared by every map, snapshot and trace), and " +
                     MemoryBudget::mib(MemoryBudget::room()) + " is free; free a snapshot or a map";
    return 0;
  }
  snapshotError_.clear();
  int id = nextSnapshot_++;
  if (prepared) {
    snapshots_.emplace(id, copyWithBytes(runner_, pending_->release()));
  } else {
    snapshots_.emplace(id, runner_);
  }
  pending_.reset();
  return id;
}

bool SessionCore::restore(int id) {
  auto it = snapshots_.find(id);
  if (it == snapshots_.end()) {
    restoreError_ = "restore: no snapshot " + std::to_string(id) +
                    " in this session (it was never taken, was refused, or was freed)";
    return false;
  }
  // The copy is made beside the current map, then replaces it.
  const SimHeap* heap = heapOf(it->second);
  const bool prepared = preparedFor(id);
  if (!prepared) pending_.reset();  // its room counts as free, as in snapshot()
  const uint64_t cost = copyCost(heap) - (prepared ? heap->used() : 0);
  if (cost > MemoryBudget::room()) {
    restoreError_ = "out of memory: restoring this snapshot needs " + MemoryBudget::mib(copyCost(heap)) +
                    " of the playground's memory budget (" + MemoryBudget::mib(MemoryBudget::ceiling()) +
                    ", shared by every map, snapshot and trace) beside the map as it is, and " +
                    MemoryBudget::mib(MemoryBudget::room()) + " is free";
    return false;
  }
  restoreError_.clear();
  ScenarioRunner copy = prepared ? copyWithBytes(it->second, pending_->release()) : it->second;
  pending_.reset();
  runner_ = std::move(copy);
  detachRecording();
  forgetSteps();
  lastCommands_.clear();
  return true;
}

void SessionCore::dropSnapshot(int id) {
  if (pending_ && pending_->source() == id) pending_.reset();
  snapshots_.erase(id);
}

bool SessionCore::prepareSnapshot(double maxCopyBytes) {
  SimHeap* heap = mutableHeapOf(runner_);
  if (!heap || !(maxCopyBytes >= 1)) return true;
  if (!pending_ || pending_->source() != 0 || !heap->copyFresh() || pending_->size() != heap->used()) {
    pending_.reset();
    pending_.emplace(0);
    if (!pending_->reserve(heap->used())) {
      pending_.reset();
      return true;  // snapshot() refuses and says why
    }
    heap->startCopyWatch();
  }
  return pending_->copyMore(heap->bytes(), uint64_t(std::min(maxCopyBytes, 9007199254740991.0)));
}

bool SessionCore::prepareRestore(int id, double maxCopyBytes) {
  auto it = snapshots_.find(id);
  const SimHeap* heap = it == snapshots_.end() ? nullptr : heapOf(it->second);
  if (!heap || !(maxCopyBytes >= 1)) return true;  // restore() copies at once, or says why not
  if (!pending_ || pending_->source() != id) {
    pending_.reset();
    pending_.emplace(id);
    if (!pending_->reserve(heap->used())) {
      pending_.reset();
      return true;
    }
  }
  // A snapshot's bytes never change while it exists.
  return pending_->copyMore(heap->bytes(), uint64_t(std::min(maxCopyBytes, 9007199254740991.0)));
}

bool SessionCore::preparedFor(int source) const {
  if (!pending_ || pending_->source() != source || !pending_->complete()) return false;
  if (source != 0) return snapshots_.count(source) != 0;
  const SimHeap* heap = heapOf(runner_);
  return heap && heap->copyFresh() && heap->used() == pending_->size();
}

ScenarioRunner SessionCore::copyWithBytes(ScenarioRunner& from, std::vector<uint8_t> bytes) {
  SimHeap* heap = mutableHeapOf(from);
  std::vector<uint8_t> own = heap->releaseBytes();
  ScenarioRunner copy = from;  // everything but the heap's bytes: the journal, the runner's state
  heap->adoptBytes(std::move(own));
  mutableHeapOf(copy)->adoptBytes(std::move(bytes));
  return copy;
}

}  // namespace gomap
