// Creation and the directory: NewMap / NewEmptyMap with hint sizing,
// newTable, growToSmall, growToTable, replaceTable, installTableSplit.
#include <algorithm>

#include "swiss/swiss_map.h"

namespace gomap::swiss {
namespace {

uint64_t alignUpPow2(uint64_t n) {
  uint64_t v = 1;
  while (v < n) v <<= 1;
  return v;
}

int log2Exact(uint64_t n) { return __builtin_ctzll(n); }

}  // namespace

Status SwissMap::create(const SwissConfig& config, SwissMap* out) {
  SwissMap m;
  m.config_ = config;
  m.layout_ = SwissLayout::of(config.type);
  m.heap_ = SimHeap(config.limits.maxHeapBytes);
  m.heap_.reserveForGrowth();
  m.rand_ = config.rand;
  if (m.rand_.r.a == 0 && m.rand_.r.b == 0) m.rand_.r.b = 1;
  // (Keys of Go's other types and zero-size ones hash through their type.)
  m.memoryHash_ = config.hasher != SwissHasher::Identity && config.type.key != KeyKind::Float64 &&
                  config.type.key != KeyKind::Typed &&
                  !(config.type.key == KeyKind::Plain && config.type.keyTypeSize == 0);
  m.refreshRaw();

  // NewMap's sizing (spec A.1.7). A hint over 8 sizes the directory and its
  // tables up front; the tables must fit in our heap.
  const uint64_t hint = config.hint < 0 ? 0 : uint64_t(config.hint);
  uint64_t dirSize = 0, target = 0;
  if (hint > kGroupSlots) {
    target = hint * kGroupSlots / kMaxAvgGroupLoad;
    dirSize = alignUpPow2((target + kMaxTableCapacity - 1) / kMaxTableCapacity);
    uint64_t perTable = alignUpPow2(std::max<uint64_t>(kGroupSlots, target / dirSize));
    uint64_t bytes = dirSize * (perTable / kGroupSlots * m.layout_.groupSize + tablef::size) + 8 * dirSize;
    if (hint > (uint64_t(1) << 40) || bytes + 4096 > config.limits.maxHeapBytes) {
      return Status::error("hint " + std::to_string(config.hint) +
                           " needs more memory than the simulated heap allows (" +
                           std::to_string(config.limits.maxHeapBytes >> 20) + " MiB)");
    }
  }

  uint64_t tableBytes = 0;
  if (dirSize != 0) {
    tableBytes = dirSize * (alignUpPow2(std::max<uint64_t>(kGroupSlots, target / dirSize)) / kGroupSlots *
                                m.layout_.groupSize +
                            tablef::size + 64) +
                 8 * dirSize;
  }
  if (Status s = m.heap_.makeRoom(tableBytes + 8192); !s.ok()) {
    return Status::error((dirSize ? "hint " + std::to_string(config.hint) + ": " : std::string()) +
                         s.message());
  }
  m.m_ = m.heap_.alloc(mapf::size);
  uint64_t seed = m.draw();  // NewMap / NewEmptyMap always draw, even when a scenario pins the seed
  if (config.seed) seed = *config.seed;
  m.setSeed(seed);
  if (dirSize != 0) {
    const uint8_t depth = uint8_t(log2Exact(dirSize));
    m.heap_.store8(m.m_ + mapf::globalDepth, depth);
    m.heap_.store8(m.m_ + mapf::globalShift, uint8_t(64 - depth));
    uint64_t dir = m.heap_.alloc(8 * dirSize);
    for (uint64_t i = 0; i < dirSize; ++i) {
      m.heap_.store64(dir + 8 * i, m.newTable(target / dirSize, int64_t(i), depth));
    }
    m.heap_.store64(m.m_ + mapf::dirPtr, dir);
    m.heap_.store64(m.m_ + mapf::dirLen, dirSize);
  }
  *out = std::move(m);
  return Status::success();
}

// newTable + reset: the table struct, then its group array, every control
// byte empty.
uint64_t SwissMap::newTable(uint64_t capacity, int64_t index, uint8_t localDepth) {
  if (capacity < kGroupSlots) capacity = kGroupSlots;
  capacity = alignUpPow2(capacity);
  uint64_t t = heap_.alloc(tablef::size);
  heap_.store64(t + tablef::index, uint64_t(index));
  heap_.store8(t + tablef::localDepth, localDepth);
  const uint64_t groups = capacity / kGroupSlots;
  uint64_t data = heap_.alloc(groups * layout_.groupSize);
  heap_.store64(t + tablef::groupsData, data);
  heap_.store64(t + tablef::lengthMask, groups - 1);
  store16(t + tablef::capacity, uint16_t(capacity));
  store16(t + tablef::growthLeft, maxGrowthLeft(uint16_t(capacity)));
  for (uint64_t i = 0; i < groups; ++i) heap_.store64(data + i * layout_.groupSize, kCtrlAllEmpty);
  return t;
}

void SwissMap::growToSmall() {
  uint64_t g = heap_.alloc(layout_.groupSize);
  heap_.store64(m_ + mapf::dirPtr, g);
  heap_.store64(g, kCtrlAllEmpty);
  record({SwissTraceKind::GrowToSmall, SwissTraceFunc::PutSlot, 0, 0, 0, g, 0, 0});
}

// The 9th key (or any assign to a full small map): a table of 16 slots takes
// the group's entries in slot order, then a one-entry directory.
void SwissMap::growToTable() {
  uint64_t t = newTable(2 * kGroupSlots, 0, 0);
  record({SwissTraceKind::GrowToTable, SwissTraceFunc::PutSlot, 0, 0, 0, t, 0, 0});
  uint64_t g = dirPtr();
  for (int i = 0; i < kGroupSlots; ++i) {
    if ((ctrlAt(g, i) & kCtrlEmpty) == kCtrlEmpty) continue;
    uint64_t hash = hashStored(keyAt(g, i), SwissTraceFunc::PutSlot);
    uncheckedPutSlot(t, hash, keySlot(g, i), elemSlot(g, i), 0, i, 0);
  }
  uint64_t dir = heap_.alloc(8);
  heap_.store64(dir, t);
  heap_.store64(m_ + mapf::dirPtr, dir);
  heap_.store64(m_ + mapf::dirLen, 1);
  heap_.store8(m_ + mapf::globalDepth, 0);
  heap_.store8(m_ + mapf::globalShift, 64);
}

void SwissMap::replaceTable(uint64_t t) {
  const uint64_t entries = uint64_t(1) << (globalDepth() - tLocalDepth(t));
  const uint64_t first = uint64_t(tIndex(t));
  for (uint64_t i = 0; i < entries; ++i) directorySet(first + i, t);
  record({SwissTraceKind::InstallTable, SwissTraceFunc::installTableSplit, 0, 0, 0, t, first, entries});
}

void SwissMap::installTableSplit(uint64_t old, uint64_t left, uint64_t right) {
  if (tLocalDepth(old) == globalDepth()) {
    // Double the directory: every entry twice, each table's first entry
    // index doubled.
    const uint64_t n = dirLen();
    uint64_t dir = heap_.alloc(8 * 2 * n);
    for (uint64_t i = 0; i < n; ++i) {
      uint64_t t = directoryAt(i);
      heap_.store64(dir + 16 * i, t);
      heap_.store64(dir + 16 * i + 8, t);
      if (tIndex(t) == int64_t(i)) setTIndex(t, int64_t(2 * i));
    }
    heap_.store8(m_ + mapf::globalDepth, uint8_t(globalDepth() + 1));
    heap_.store8(m_ + mapf::globalShift, uint8_t(globalShift() - 1));
    heap_.store64(m_ + mapf::dirPtr, dir);
    heap_.store64(m_ + mapf::dirLen, 2 * n);
    record({SwissTraceKind::DirectoryDouble, SwissTraceFunc::installTableSplit, 0, 0, 0, dir, 2 * n, 0});
  }
  setTIndex(left, tIndex(old));
  replaceTable(left);
  const uint64_t entries = uint64_t(1) << (globalDepth() - tLocalDepth(left));
  setTIndex(right, tIndex(left) + int64_t(entries));
  replaceTable(right);
}

}  // namespace gomap::swiss
