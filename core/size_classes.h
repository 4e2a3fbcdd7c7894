// Go 1.14's allocator size classes: what the runtime really hands out for a
// request of n bytes. makeBucketArray uses the slack to preallocate overflow
// buckets, so the preallocated counts depend on these exact numbers.
#pragma once
#include <cstdint>

namespace gomap {

// Smallest size class >= size (size < 32768), else size rounded up to the
// 8 KiB page. Mirrors runtime.roundupsize for Go 1.14.
uint64_t roundupsize(uint64_t size);

}  // namespace gomap
