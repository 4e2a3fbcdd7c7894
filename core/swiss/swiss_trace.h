// The micro-steps of one Swiss-map operation, recorded when a trace is
// attached (the Swiss counterpart of ../trace.h). Each event names the
// runtime function (internal/runtime/maps) it belongs to and carries what a
// viewer needs to highlight a step: the table (its address), the group index
// and address, the slot, the control byte, and two values whose meaning
// depends on the kind. `writes` is the heap journal's length right after the
// step, so SwissMap::rollbackTo can show the real bytes of that moment.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "event_recording.h"

namespace gomap::swiss {

enum class SwissTraceKind : uint8_t {
  Hash,        // value = hash, value2 = 1 if pinned; ctrl = h2
  SkipHash,    // a fast32/fast64 (or long-string) lookup of a small map compares keys without hashing
  DirEntry,    // value = directory index, address = the table it points to
  ProbeGroup,  // group, address; value = matchH2 bitset, value2 = matchEmpty bitset
  CompareKey,  // slot; value = 1 if equal
  Found,       // slot of the key found
  NotFound,
  RememberTombstone,  // the first tombstone on the probe path: group, slot
  ChooseSlot,         // the slot a new key takes: value = 1 when it reuses a tombstone
  UpdateKey,          // an existing key's bytes rewritten (strings, floats)
  StoreEntry,         // key and elem written, ctrl = h2; value = growthLeft after
  GrowToSmall,        // the lazily allocated group of a small map; address
  GrowToTable,        // the small group becomes a table of 16 slots; address = the table
  PruneStart,         // value = tombstones, value2 = 1 if pruning is attempted (>= 10% of capacity)
  PruneResult,        // value = tombstones freed (0: not worth it, the table grows)
  Rehash,             // value = new capacity (grow) or 0 (split); address = old table
  MoveEntry,          // old group/slot -> value = new group, value2 = new slot | side<<8 (1 right);
                      // address = the new table
  DirectoryDouble,    // value = new dirLen
  InstallTable,       // value = directory index, value2 = entries; address = table
  DeleteEmpty,        // slot freed as empty (its group had an empty slot)
  DeleteTombstone,    // slot became a tombstone
  Reseed,             // value = the new seed
  ClearMap,           // value = 1 if it returned early (nothing to clear)
  ClearGroup,         // group zeroed (value = 1) or only its ctrl reset (value = 0)
  IterStart,          // value = entryOffset, value2 = dirOffset
  IterTable,          // value = directory index, address = table; value2 = 1 if replaced (index -1)
  IterDirShift,       // value = doublings since the iterator started
  IterYield,          // group, slot; value2 = 1 if re-looked-up in the current map
  IterSkip,           // group, slot: a key deleted since (re-lookup failed)
  IterEnd,
};

enum class SwissTraceFunc : uint8_t {
  NewMap,
  Get,
  PutSlot,
  uncheckedPutSlot,
  pruneTombstones,
  rehash,
  grow,
  split,
  installTableSplit,
  Delete,
  Clear,
  IterInit,
  IterNext,
};

struct SwissTraceEvent {
  SwissTraceKind kind;
  SwissTraceFunc func;
  uint8_t slot = 0;
  uint8_t ctrl = 0;
  uint64_t group = 0;    // group index within its table
  uint64_t address = 0;  // group or table address, per kind
  uint64_t value = 0;
  uint64_t value2 = 0;
  uint32_t writes = 0;
};

const char* swissTraceKindName(SwissTraceKind kind);
const char* swissTraceFuncName(SwissTraceFunc func);

// Bounded as Trace is (event_recording.h): by `limit` and by the memory budget.
struct SwissTrace : EventRecording<SwissTraceEvent> {};

}  // namespace gomap::swiss
