#include "invariants.h"

#include <cmath>
#include <cstring>
#include <set>

#include "typed_value.h"

namespace gomap {
namespace {

std::string fail(int n, const std::string& what) { return "I" + std::to_string(n) + ": " + what; }

bool isNaNKey(const GoMap& m, uint64_t keyAddr) {
  if (m.type().key == KeyKind::Typed && !m.type().reflexiveKey) {
    const std::string k = m.keyBytes(keyAddr);
    return !valuesEqual(*m.type().keyGo, k, k);
  }
  if (m.type().key != KeyKind::Float64) return false;
  double d;
  std::memcpy(&d, m.heap().at(keyAddr), 8);
  return std::isnan(d);
}

std::string where(bool old, uint64_t index, int slot) {
  return std::string(old ? "old" : "") + "bucket " + std::to_string(index) + " slot " + std::to_string(slot);
}

// One chain's checks that do not need hashing: shape (I2), marks (I5/I6).
// Counts live slots and overflow buckets.
std::string checkChainShape(const GoMap& m, uint64_t first, bool old, uint64_t index, uint64_t* live,
                            uint64_t* overflows) {
  bool seenRest = false;
  bool evac = old && m.tophashAt(first, 0) > kEmptyOne && m.tophashAt(first, 0) < kMinTopHash;
  int depth = 0;
  for (uint64_t b = first; b != 0; b = m.overflowOf(b), ++depth) {
    if (depth > 0) ++*overflows;
    if (depth > 1000000) return fail(2, "chain of bucket " + std::to_string(index) + " loops");
    for (int i = 0; i < kBucketCnt; ++i) {
      uint8_t t = m.tophashAt(b, i);
      bool mark = t >= kEvacuatedX && t <= kEvacuatedEmpty;
      if (!old && mark) return fail(5, where(old, index, i) + " has evacuation mark " + std::to_string(t));
      if (old && evac != mark) {
        return fail(6, where(old, index, i) + (evac ? " is not marked in an evacuated chain"
                                                    : " is marked in an unevacuated chain"));
      }
      if (seenRest && t != kEmptyRest) {
        return fail(2, where(old, index, i) + " follows emptyRest but has tophash " + std::to_string(t));
      }
      if (t == kEmptyRest) seenRest = true;
      if (t >= kMinTopHash) ++*live;
    }
  }
  return "";
}

}  // namespace

std::string checkInvariants(GoMap& m) {
  Trace* savedTrace = m.trace();
  m.setTrace(nullptr);
  struct Restore {
    GoMap& m;
    Trace* t;
    ~Restore() { m.setTrace(t); }
  } restore{m, savedTrace};

  const uint8_t f = m.flags();
  if (f & kFlagHashWriting) return fail(12, "hashWriting left set");
  if (f & ~uint8_t(15)) return fail(12, "unknown flag bits " + std::to_string(f));
  if ((f & kFlagSameSizeGrow) && !m.growing()) return fail(12, "sameSizeGrow set while not growing");
  if (m.buckets() == 0) {
    if (m.count() != 0) return fail(1, "count " + std::to_string(m.count()) + " without buckets");
    return "";
  }

  const uint8_t B = m.B();
  const uint64_t nb = bucketShift(B);
  uint64_t live = 0, overflows = 0, oldOverflows = 0;
  struct Entry {
    uint64_t b;
    int slot;
    bool old;
    uint64_t index;
  };
  std::vector<Entry> entries;
  auto collect = [&](uint64_t first, bool old, uint64_t index) {
    for (uint64_t b = first; b != 0; b = m.overflowOf(b)) {
      for (int i = 0; i < kBucketCnt; ++i) {
        if (m.tophashAt(b, i) >= kMinTopHash) entries.push_back({b, i, old, index});
      }
    }
  };
  for (uint64_t i = 0; i < nb; ++i) {
    uint64_t b = m.bucketAddress(m.buckets(), i);
    if (std::string e = checkChainShape(m, b, false, i, &live, &overflows); !e.empty()) return e;
    collect(b, false, i);
  }
  uint64_t nold = 0;
  if (m.growing()) {
    nold = m.noldbuckets();
    if (m.nevacuate() >= nold)
      return fail(7,
                  "nevacuate " + std::to_string(m.nevacuate()) + " >= old buckets " + std::to_string(nold));
    for (uint64_t i = 0; i < nold; ++i) {
      uint64_t b = m.bucketAddress(m.oldbuckets(), i);
      uint8_t t0 = m.tophashAt(b, 0);
      bool evac = t0 > kEmptyOne && t0 < kMinTopHash;
      if (i < m.nevacuate() && !evac)
        return fail(7, "old bucket " + std::to_string(i) + " below nevacuate is not evacuated");
      uint64_t oldLive = 0;
      if (std::string e = checkChainShape(m, b, true, i, &oldLive, &oldOverflows); !e.empty()) return e;
      if (!evac) {
        live += oldLive;
        collect(b, true, i);
      }
    }
  }
  if (live != m.count()) {
    return fail(1,
                "count is " + std::to_string(m.count()) + " but " + std::to_string(live) + " slots are live");
  }
  if (B < 16 && overflows != m.noverflow()) {
    return fail(8, "noverflow is " + std::to_string(m.noverflow()) + " but " + std::to_string(overflows) +
                       " overflow buckets are linked");
  }

  // I11: the preallocated pool of the current array.
  uint64_t total = m.arrayBuckets(B);
  uint64_t next = m.nextOverflow();
  if (total > nb) {
    uint64_t spareStart = m.bucketAddress(m.buckets(), nb);
    uint64_t end = m.bucketAddress(m.buckets(), total);
    uint64_t last = m.bucketAddress(m.buckets(), total - 1);
    if (next != 0) {
      if (next < spareStart || next >= end || (next - spareStart) % m.type().bucketsize != 0) {
        return fail(11, "nextOverflow points outside the spare buckets");
      }
      if (m.overflowOf(last) != m.buckets())
        return fail(11, "the last spare bucket lost its sentinel while spares remain");
      for (uint64_t b = next; b < end; b += m.type().bucketsize) {
        for (int i = 0; i < kBucketCnt; ++i) {
          if (m.tophashAt(b, i) != 0) return fail(11, "an unused spare bucket is not empty");
        }
        if (b != last && m.overflowOf(b) != 0) return fail(11, "an unused spare bucket is linked");
      }
    } else if (m.overflowOf(last) == m.buckets()) {
      return fail(11, "pool exhausted but the sentinel is still set");
    }
  } else if (next != 0) {
    return fail(11, "nextOverflow set for an array without spare buckets");
  }

  // I3, I4, I9, I10: per live entry, with hashing.
  std::set<std::string> seen;
  for (const Entry& e : entries) {
    uint64_t k = m.keyAt(e.b, e.slot);
    if (isNaNKey(m, k)) continue;  // a NaN's hash is random; it is never found
    std::string key = m.keyBytes(k);
    uint64_t hash = m.hashOf(key);
    uint8_t t = m.tophashAt(e.b, e.slot);
    if (t != tophash(hash)) {
      return fail(3, where(e.old, e.index, e.slot) + " has tophash " + std::to_string(t) + ", its key's is " +
                         std::to_string(tophash(hash)));
    }
    uint64_t mask = e.old ? nold - 1 : nb - 1;
    if ((hash & mask) != e.index) {
      return fail(4, where(e.old, e.index, e.slot) + " holds a key of bucket " + std::to_string(hash & mask));
    }
    if (!seen.insert(key).second) return fail(10, where(e.old, e.index, e.slot) + " repeats a key");
    Found found;
    if (!m.get(key, &found).ok() || !found.found || found.key != k) {
      return fail(9, where(e.old, e.index, e.slot) + ": lookup does not find its key there");
    }
  }
  return "";
}

}  // namespace gomap
