#include "size_classes.h"

#include <algorithm>
#include <array>

namespace gomap {
namespace {

// Go 1.14 has 66 classes (class 0 unused); Go 1.19 adds 24, which never
// matters for bucket arrays (spec 3.5).
constexpr std::array<uint32_t, 66> kClassSizes = {
    8,     16,    32,    48,    64,    80,    96,    112,   128,   144,  160,   176,   192,   208,
    224,   240,   256,   288,   320,   352,   384,   416,   448,   480,  512,   576,   640,   704,
    768,   896,   1024,  1152,  1280,  1408,  1536,  1792,  2048,  2304, 2688,  3072,  3200,  3456,
    4096,  4864,  5376,  6144,  6528,  6784,  6912,  8192,  9472,  9728, 10240, 10880, 12288, 13568,
    14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};

constexpr uint64_t kMaxSmallSize = 32768;
constexpr uint64_t kPageSize = 8192;

// Small sizes by table, as the runtime's size_to_class8 does: index (size+7)/8.
struct SmallTable {
  uint16_t bySize8[1024 / 8 + 1];
  SmallTable() {
    for (uint64_t i = 0; i <= 1024 / 8; ++i) {
      bySize8[i] = uint16_t(*std::lower_bound(kClassSizes.begin(), kClassSizes.end(), i * 8));
    }
  }
};
const SmallTable kSmall;

}  // namespace

uint64_t roundupsize(uint64_t size) {
  if (size <= 1024) return kSmall.bySize8[(size + 7) / 8];
  if (size < kMaxSmallSize) { return *std::lower_bound(kClassSizes.begin(), kClassSizes.end(), size); }
  if (size + kPageSize < size) return size;  // would overflow: Go keeps it
  return (size + kPageSize - 1) / kPageSize * kPageSize;
}

}  // namespace gomap
