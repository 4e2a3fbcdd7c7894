// Go's map_fast64.go: the map operations the compiler picks for a key of
// one plain 8-byte word (int64, uint64, int, [8]byte, struct{X, Y int32};
// spec §6.1). The algorithm is fast32's over a wider word (map_fast_word.h);
// what only fast64 does there: the word is hashed inline while nothing
// watches the map, and a lookup in an array too big for the cache tests the
// tophash line before any key word.
#include "map_fast_word.h"

namespace gomap {

void GoMap::mapaccess2_fast64(const char* key, Found* out) { accessWord<uint64_t>(key, out); }

uint64_t GoMap::mapassign_fast64(const char* key) { return assignWord<uint64_t>(key); }

void GoMap::mapdelete_fast64(const char* key) { deleteWord<uint64_t>(key); }

}  // namespace gomap
