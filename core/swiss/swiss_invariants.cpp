#include "swiss/swiss_invariants.h"

#include <unordered_set>

namespace gomap::swiss {
namespace {

std::string fail(int n, const std::string& what) { return "S" + std::to_string(n) + ": " + what; }

std::string where(uint64_t table, uint64_t group, int slot) {
  return "table " + std::to_string(table) + " group " + std::to_string(group) + " slot " +
         std::to_string(slot);
}

}  // namespace

std::string checkSwissInvariants(SwissMap& m) {
  // Detach everything that watches the map: the checks hash and look up.
  SwissTrace* trace = m.trace_;
  SwissMap::HashLog* log = m.hashLog_;
  m.trace_ = nullptr;
  m.hashLog_ = nullptr;
  m.refreshRaw();
  std::string broken;
  uint64_t live = 0;
  std::unordered_set<std::string> seen;

  // Checks one group's slots (S5-S9, S11); counts live slots and tombstones.
  auto checkGroup = [&](uint64_t g, uint64_t tablePos, uint64_t gi, uint64_t table, uint64_t* tLive,
                        uint64_t* tDeleted) -> std::string {
    bool empty = false, deleted = false;
    for (int i = 0; i < kGroupSlots; ++i) {
      const uint8_t c = m.ctrlAt(g, i);
      if (c == kCtrlEmpty) {
        empty = true;
        continue;
      }
      if (c == kCtrlDeleted) {
        deleted = true;
        ++*tDeleted;
        continue;
      }
      if (c & 0x80) return fail(11, where(tablePos, gi, i) + " has control byte " + std::to_string(c));
      ++*tLive;
      const uint64_t k = m.keyAt(g, i);
      if (m.keyIsNaN(k)) continue;
      std::string bytes = m.keyBytes(k);
      const uint64_t hash = m.hashOf(bytes);
      if (h2(hash) != c) {
        return fail(5, where(tablePos, gi, i) + " has control byte " + std::to_string(c) + ", h2 is " +
                           std::to_string(h2(hash)));
      }
      if (table != 0 && m.directoryAt(m.dirLen() == 1 ? 0 : hash >> (m.globalShift() & 63)) != table) {
        return fail(6, where(tablePos, gi, i) + " holds a key whose hash selects another table");
      }
      SwissFound f = m.lookupImpl<false>(bytes.data(), bytes.size(), true);
      if (!f.found || f.key != k)
        return fail(7, where(tablePos, gi, i) + "'s key is not found there by lookup");
      if (!seen.insert(bytes).second) return fail(9, where(tablePos, gi, i) + " repeats a key stored before");
    }
    if (empty && deleted)
      return fail(8, "group " + std::to_string(gi) + " of table " + std::to_string(tablePos) +
                         " holds both empty and deleted slots");
    return "";
  };

  [&] {
    if (m.writing() != 0) return void(broken = fail(1, "writing is left set"));
    if (m.dirLen() == 0) {
      if (m.dirPtr() != 0) {
        uint64_t deleted = 0;
        broken = checkGroup(m.dirPtr(), 0, 0, 0, &live, &deleted);
        if (!broken.empty()) return;
        if (deleted != 0) return void(broken = fail(2, "the small group holds a tombstone"));
      }
      if (live > kGroupSlots) return void(broken = fail(2, "a small map holds " + std::to_string(live)));
      if (live != m.used()) {
        broken = fail(1, "used is " + std::to_string(m.used()) + ", live slots " + std::to_string(live));
      }
      return;
    }
    const uint8_t depth = m.globalDepth();
    if (m.dirLen() != (uint64_t(1) << depth) || m.globalShift() != 64 - depth) {
      return void(broken = fail(1, "dirLen " + std::to_string(m.dirLen()) + " does not match globalDepth " +
                                       std::to_string(depth)));
    }
    bool anyTombstone = false;
    uint64_t pos = 0;
    for (uint64_t i = 0; i < m.dirLen(); ++pos) {
      const uint64_t t = m.directoryAt(i);
      const uint8_t ld = m.tLocalDepth(t);
      if (ld > depth)
        return void(broken = fail(3, "table " + std::to_string(pos) + " is deeper than the directory"));
      const uint64_t run = uint64_t(1) << (depth - ld);
      if (m.tIndex(t) != int64_t(i) || i % run != 0) {
        return void(broken =
                        fail(3, "table " + std::to_string(pos) + " has index " + std::to_string(m.tIndex(t)) +
                                    " but starts at entry " + std::to_string(i)));
      }
      for (uint64_t j = i; j < i + run; ++j) {
        if (j >= m.dirLen() || m.directoryAt(j) != t) {
          return void(broken = fail(3, "table " + std::to_string(pos) + " does not own entries " +
                                           std::to_string(i) + ".." + std::to_string(i + run - 1)));
        }
      }
      const uint16_t cap = m.tCapacity(t);
      if (cap < 8 || cap > kMaxTableCapacity || (cap & (cap - 1)) != 0 ||
          m.tLengthMask(t) != uint64_t(cap / 8 - 1)) {
        return void(broken = fail(4, "table " + std::to_string(pos) + " has capacity " + std::to_string(cap) +
                                         " and lengthMask " + std::to_string(m.tLengthMask(t))));
      }
      uint64_t tLive = 0, tDeleted = 0;
      for (uint64_t gi = 0; gi <= m.tLengthMask(t); ++gi) {
        broken = checkGroup(m.groupAt(t, gi), pos, gi, t, &tLive, &tDeleted);
        if (!broken.empty()) return;
      }
      if (tLive != m.tUsed(t)) {
        return void(broken =
                        fail(4, "table " + std::to_string(pos) + " used is " + std::to_string(m.tUsed(t)) +
                                    ", live slots " + std::to_string(tLive)));
      }
      if (uint64_t(m.tGrowthLeft(t)) + tLive + tDeleted != maxGrowthLeft(cap)) {
        return void(broken = fail(4, "table " + std::to_string(pos) + " growthLeft " +
                                         std::to_string(m.tGrowthLeft(t)) + " + used " +
                                         std::to_string(tLive) + " + tombstones " + std::to_string(tDeleted) +
                                         " is not " + std::to_string(maxGrowthLeft(cap))));
      }
      anyTombstone = anyTombstone || tDeleted != 0;
      live += tLive;
      i += run;
    }
    if (live != m.used()) {
      return void(
          broken = fail(1, "used is " + std::to_string(m.used()) + ", live slots " + std::to_string(live)));
    }
    if (anyTombstone && !m.tombstonePossible())
      broken = fail(10, "a table holds a tombstone but tombstonePossible is false");
  }();

  m.trace_ = trace;
  m.hashLog_ = log;
  m.refreshRaw();
  return broken;
}

}  // namespace gomap::swiss
