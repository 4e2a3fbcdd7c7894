// Go's map_fast32.go: the map operations the compiler picks for a key of
// one plain 4-byte word (int32, uint32, [4]byte, struct{B [3]byte; T bool};
// spec §6.1). Go writes fast32 and fast64 out twice; the model runs one
// template over the word's width (map_fast_word.h).
#include "map_fast_word.h"

namespace gomap {

void GoMap::mapaccess2_fast32(const char* key, Found* out) { accessWord<uint32_t>(key, out); }

uint64_t GoMap::mapassign_fast32(const char* key) { return assignWord<uint32_t>(key); }

void GoMap::mapdelete_fast32(const char* key) { deleteWord<uint32_t>(key); }

}  // namespace gomap
