// The Swiss map's invariants, numbered S1..S11. The same numbers appear in
// core/README.md and in the tags of the tests that exercise them ([S5]).
//
//  S1  header: used equals the live slots of the small group or of every
//      distinct table; writing is 0 between operations; dirLen is 0 or
//      2^globalDepth, and globalShift is 64 - globalDepth.
//  S2  a small map (dirLen 0) holds at most 8 entries and no tombstone.
//  S3  directory: each table owns exactly the 2^(globalDepth - localDepth)
//      consecutive entries starting at its index, which is aligned to that
//      run; no replaced table (index -1) is reachable.
//  S4  table fields: capacity a power of two in 8..1024, lengthMask =
//      capacity/8 - 1, used = its live slots, and growthLeft =
//      7/8 capacity - used - tombstones (capacity - 1 at 8 slots).
//  S5  a full slot's control byte is h2 of its key's hash.
//  S6  a live key sits in the table its hash's directory index selects.
//  S7  every live key is found by lookup, at its own slot.
//  S8  no group holds both an empty and a deleted slot.
//  S9  no key is stored twice.
//  S10 tombstonePossible is set whenever a table holds a tombstone.
//  S11 control bytes are 0x80 (empty), 0xFE (deleted) or below 0x80 (full).
// NaN keys cannot be hashed or found again, so S5, S6, S7 and S9 skip them.
#pragma once
#include <string>

#include "swiss/swiss_map.h"

namespace gomap::swiss {

// Returns "" when all hold, else "S<n>: <what broke>". Changes no byte of
// the map and draws nothing from its random stream.
std::string checkSwissInvariants(SwissMap& m);

}  // namespace gomap::swiss
