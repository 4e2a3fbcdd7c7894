// The map's invariants, numbered. The same numbers appear in core/README.md
// and in the tags of the tests that exercise them ([I3]).
//
//  I1  count equals the live slots (tophash >= 5) of the current array and
//      of the old buckets not yet evacuated.
//  I2  emptyRest shape: in a chain, every slot after an emptyRest slot is
//      emptyRest too.
//  I3  a live slot's tophash is >= 5 and equals tophash(hash(key)).
//  I4  a live key sits in the chain its hash selects (hash & mask in the
//      current array; hash & oldmask in an unevacuated old bucket).
//  I5  the current array holds no evacuation marks (2, 3, 4).
//  I6  evacuation is all-or-none per old chain: an evacuated old bucket has
//      only marks 2/3/4 in every slot of its chain; an unevacuated one none.
//  I7  every old bucket below nevacuate is evacuated, and nevacuate is
//      below the number of old buckets while growing.
//  I8  while B < 16, noverflow equals the overflow buckets linked into the
//      current array's chains.
//  I9  every live key is found by lookup, at its own slot.
//  I10 no key is stored twice.
//  I11 the preallocated pool: nextOverflow is nil or inside the current
//      array's spare area, the unused spare buckets are zero and unlinked,
//      and the last spare carries the sentinel exactly while any are unused.
//  I12 flags: growing iff oldbuckets is set; sameSizeGrow only while
//      growing; hashWriting never left set; no unknown bits.
#pragma once
#include <string>

#include "go_map.h"

namespace gomap {

// Returns an empty string when all hold, else "I<n>: <what broke>".
// Uses lookups (I9) with the trace detached; it changes no byte of the map.
std::string checkInvariants(GoMap& m);

}  // namespace gomap
