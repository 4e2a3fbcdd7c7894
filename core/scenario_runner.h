// Runs scenario commands against a GoMap: the set-up commands configure the
// map, the first operation creates it, and every operation either succeeds
// or fails without changing a byte (its input and limits are checked first).
// The CLI, the wasm module and the tests all run scenarios through this.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "go_map.h"
#include "scenario_parse.h"
#include "swiss/swiss_map.h"

namespace gomap {

struct Outcome {
  const Command* command = nullptr;
  bool isOperation = false;  // set-up lines are not operations
  bool isDump = false;
  bool dumpFull = false;  // `dump full`: every bucket, however big the map
  std::string error;      // "line 7: why", empty on success (the CLI's words, from the fields below)
  std::string message;    // why, without the place: what a caller composes its own words from
  int index = 0;          // the command's place on its line when the line holds several, else 0
  std::optional<std::string> result;
  std::optional<std::vector<std::string>> keys;    // range, next, iter
  std::optional<IterPin> iterStart;                // where range/iter began
  std::optional<swiss::IterDraws> swissIterStart;  // version 1.26: entryOffset/dirOffset
  GoMap::HashLog hashes;
};

// Marks `out` failed: the place and the bare message as fields, and the
// CLI's words "line 7, command 2: why" (docs/scenario-format.md) from them.
void failOutcome(Outcome* out, bool lineHasMany, const std::string& message);

// The command `dump [full]`, the same for both models: marks `out` a dump.
Status dumpCommand(const std::vector<std::string>& t, Outcome* out);

class ScenarioRunner {
 public:
  explicit ScenarioRunner(Limits limits = {}) { config_.limits = limits; }

  // Runs one command. `lineHasMany` only shapes the error's place.
  Outcome run(const Command& command, bool lineHasMany = false);

  bool hasMap() const { return map_.has_value(); }
  GoMap* map() { return map_ ? &*map_ : nullptr; }
  const GoMap* map() const { return map_ ? &*map_ : nullptr; }
  const MapConfig& config() const { return config_; }
  // Attach a trace to record each operation's micro-steps (cleared per op).
  void setTrace(Trace* trace);
  bool iteratorOpen() const { return iterOpen_; }
  const Hiter& iterator() const { return iter_; }

  // Journal each operation's heap writes from its start (see SimHeap), so a
  // viewer can wind the last operation back to any micro-step.
  void setJournal(bool on) { journal_ = on; }

  // Creates the map now if it does not exist (for API users).
  Status ensureMap();
  // The heap room `fill n` will reserve, made ahead in slices of at most
  // `maxCopyBytes` copied (SimHeap::prepareRoom), for a page that must not
  // block while a big heap moves. True once the fill would not move the
  // heap, or when there is nothing to prepare (no map yet, or a fill that
  // will be refused and say why itself).
  bool prepareFill(uint64_t n, uint64_t maxCopyBytes);

  // --- version 1.26 (the Swiss-table map; swiss/swiss_runner.cpp).
  // Whether `version 1.26` is in force: then swissMap() holds the map and
  // map() stays null.
  bool isSwiss() const { return swiss_; }
  swiss::SwissMap* swissMap() { return swissMap_ ? &*swissMap_ : nullptr; }
  const swiss::SwissMap* swissMap() const { return swissMap_ ? &*swissMap_ : nullptr; }
  void setSwissTrace(swiss::SwissTrace* trace);
  // The contract's "version takes effect first wherever it stands": a
  // caller holding the whole scenario applies its `version` line up front,
  // so a `seed` above it is read at the right width.
  void applyVersionFirst(const std::vector<Command>& commands);

 private:
  // One operation on the model's map (made first if need be); see run().
  template <class Map, class TraceT, class Op>
  void runOn(std::optional<Map>& map, TraceT* trace, bool lineHasMany, Outcome* out, Op&& op);
  Status runSetup(const std::vector<std::string>& t);
  Status runOperation(const std::vector<std::string>& t, Outcome* out);
  Status parseKeyToken(const std::string& token, std::string* key) const;
  Status fill(uint64_t n, Outcome* out);
  Status collide(uint64_t bucket, uint64_t n, Outcome* out);
  Status parseIterPin(const std::vector<std::string>& t, std::optional<IterPin>* pin) const;

  Status runSwissOperation(const std::vector<std::string>& t, Outcome* out);
  Status ensureSwissMap();
  Status swissFill(uint64_t n);
  Status swissCollide(uint64_t group, uint64_t n, Outcome* out);
  Status runSwissSetup(const std::string& name, const std::vector<std::string>& t);

  bool swiss_ = false;
  std::optional<swiss::SwissHasher> swissHasher_;
  std::optional<uint64_t> swissSeed_;
  std::optional<HashKey> rawHashKey_;  // as written (go126 does not force words odd)
  std::optional<swiss::SwissMap> swissMap_;
  swiss::SwissTrace* swissTrace_ = nullptr;
  swiss::SwissIter swissIter_;

  MapConfig config_;
  std::vector<std::string> setupSeen_;
  std::optional<GoMap> map_;
  Trace* trace_ = nullptr;
  bool journal_ = false;
  Hiter iter_;
  bool iterOpen_ = false;
  uint64_t generated_ = 0;  // the last generated key number
};

}  // namespace gomap
