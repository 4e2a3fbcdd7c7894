// The micro-steps of one map operation, recorded in order when a trace is
// attached. Each event carries what a viewer needs to highlight and narrate a
// step: the runtime function it belongs to, which array (old or new), the
// bucket index and address, the slot and its tophash. With no trace attached
// nothing is recorded and the operations pay one predictable branch.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "event_recording.h"

namespace gomap {

enum class TraceKind : uint8_t {
  HashKey,          // value = the 64-bit hash; value2 = 1 when a pinned hash was used
  SkipHash,         // a fast path at B == 0 scans the only bucket without hashing
  PickBucket,       // bucket = hash & mask(B) in the new array; address = its address
  CheckOldBucket,   // bucket = old index; value = 1 if already evacuated
  CompareTophash,   // slot, tophash = stored byte; value = wanted tophash; value2 = 1 on match
  CompareKey,       // slot; value = 1 if equal
  StopAtEmptyRest,  // slot holding emptyRest: nothing lives beyond it
  Found,            // slot of the key found (lookup, update or delete)
  NotFound,
  UpdateKey,         // an existing key's bytes rewritten (float -0 over +0, string header)
  ClaimSlot,         // a new key stored: slot, tophash
  AllocFirstBucket,  // the lazily allocated first bucket; address
  OverflowPrealloc,  // newoverflow took a preallocated bucket; address, value = bucket linked from
  OverflowFresh,     // newoverflow allocated a new bucket; address, value = bucket linked from
  CountOverflow,     // incrnoverflow: value = noverflow after; value2 = 1 if it was incremented
  GrowStart,         // value = 1 doubling / 0 same size; value2 = new B; address = new array
  EvacuateBucket,    // old bucket index being evacuated; value = 1 if it was already done
  EvacuateEntry,     // old slot moved: slot/tophash of the source, value = destination
                     // bucket index, value2 = destination slot | (useY << 8); address = source
  EvacuateEmpty,     // an empty old slot marked evacuatedEmpty
  ClearOldBucket,    // an evacuated old bucket's keys, elems and link zeroed
  AdvanceNevacuate,  // value = nevacuate after the step
  GrowFinish,        // oldbuckets dropped
  MarkEmptyOne,      // slot
  PromoteEmptyRest,  // slot turned into emptyRest (back-propagation)
  CountDown,         // a delete's h.count--, after the emptyRest walk; slot, tophash = the
                     // freed slot and its byte now (emptyOne or emptyRest); value = count after
  ClearMap,          // mapclear
  IterStart,         // value = startBucket, value2 = offset
  IterBucket,        // the iterator moves to bucket (an index of its own array); old = it
                     // reads the old array (address: the bucket read); value = checkBucket
  IterSkip,          // slot skipped: value 0 empty, 1 belongs to the other half, 2 deleted;
                     // bucket = the bucket being visited, old = read from the old array
  IterYield,         // slot yielded
  IterWrap,          // bucket index wrapped to 0
  IterEnd,
  Reseed,  // 1.19: hash0 drawn anew; value = new hash0
};

// The runtime function an event belongs to (the fast suffix is added by
// the reader from the map's variant where it applies).
enum class TraceFunc : uint8_t {
  makemap,
  mapaccess,
  mapassign,
  mapdelete,
  mapclear,
  hashGrow,
  growWork,
  evacuate,
  advanceEvacuationMark,
  newoverflow,
  mapiterinit,
  mapiternext,
};

struct TraceEvent {
  TraceKind kind;
  TraceFunc func;
  bool old = false;  // the step is on the old bucket array
  uint8_t slot = 0;
  uint8_t tophash = 0;
  uint64_t bucket = 0;   // index of the primary bucket concerned
  uint64_t address = 0;  // address of the (possibly overflow) bucket
  uint64_t value = 0;    // meaning per kind, see TraceKind
  uint64_t value2 = 0;
  uint32_t writes = 0;  // heap journal length when it happened (see SimHeap)
};

const char* traceKindName(TraceKind kind);
const char* traceFuncName(TraceFunc func);

// A bounded recording (event_recording.h): past `limit` events, or when the
// memory budget has no room for more, the rest are dropped and `truncated`
// is set, so a million-insert fill cannot exhaust memory.
struct Trace : EventRecording<TraceEvent> {};

}  // namespace gomap
