// Keys and elems in group memory: hashing, storing, reading, and the limits
// an operation checks before it changes anything.
#include <cmath>
#include <cstring>

#include "heap_room.h"
#include "stored_values.h"
#include "swiss/swiss_map.h"
#include "typed_value.h"

namespace gomap::swiss {

std::string SwissMap::keyBytes(uint64_t keyAddr) const {
  if (type().keyTails) return readValue(heap_, keyAddr, *type().keyGo);
  std::string_view v = storedKeyView(keyAddr);
  return std::string(v);
}

bool SwissMap::typedKeyEqual(uint64_t stored, std::string_view key) const {
  const MapType& t = type();
  if (t.keyTails) return valuesEqual(*t.keyGo, readValue(heap_, stored, *t.keyGo), key);
  return valuesEqual(*t.keyGo,
                     std::string_view(reinterpret_cast<const char*>(heap_.at(stored)), t.keyTypeSize), key);
}

std::string_view SwissMap::storedKeyView(uint64_t keyAddr) const {
  if (type().key == KeyKind::String) return storedString(heap_, keyAddr);
  return storedBytes(heap_, keyAddr, type().keyTypeSize);
}

std::string SwissMap::elemBytes(uint64_t elemAddr) const { return storedElem(heap_, type(), elemAddr); }

bool SwissMap::keyIsNaN(uint64_t keyAddr) const {
  if (type().key == KeyKind::Typed) {
    if (type().reflexiveKey) return false;
    const std::string k = keyBytes(keyAddr);
    return !valuesEqual(*type().keyGo, k, k);  // a NaN inside
  }
  if (type().key != KeyKind::Float64) return false;
  return std::isnan(float64At(heap_.at(keyAddr)));
}

Status SwissMap::checkKey(std::string_view key) const {
  const uint64_t limit = config_.limits.maxStringKeyBytes;
  return keyBytesFit(type(), limit, key) ? Status::success() : checkKeyBytes(type(), limit, key);
}

Status SwissMap::checkElem(std::string_view elem) const { return checkElemBytes(type(), elem); }

// The most one insert can allocate: a split makes two full tables and may
// double the directory; the key's own objects come on top.
uint64_t SwissMap::worstCaseWriteBytes(uint64_t keyBytes) const {
  const uint64_t table = 2 * (tablef::size + kMaxTableCapacity / kGroupSlots * layout_.groupSize + 8192);
  uint64_t n = table + 16 * (dirLen() + 1) + 8192 + keyBytes;
  if (type().indirectKey) n += type().keyTypeSize + 16;
  if (type().indirectElem) n += type().elemTypeSize + 16;
  return n;
}

Status SwissMap::checkCapacity(uint64_t newKeys) { return makeRoomForKeys(*this, heap_, newKeys); }

Status SwissMap::prepareCapacity(uint64_t newKeys, uint64_t maxCopyBytes, bool& ready) {
  return prepareRoomForKeys(*this, heap_, newKeys, maxCopyBytes, ready);
}

Status SwissMap::capacityNeed(uint64_t newKeys, uint64_t& need) const {
  if (Status s = entriesRoom(used(), newKeys, config_.limits.maxEntries); !s.ok()) return s;
  // Live groups at 7/8 load, twice over for the tables each grow leaves
  // behind, plus one worst-case insert.
  const MapType& t = type();
  uint64_t perKey = (t.key == KeyKind::String ? 32 : 0) + (t.indirectKey ? t.keyTypeSize + 8 : 0) +
                    (t.indirectElem ? t.elemTypeSize + 8 : 0) + (t.keyTails || t.elemTails ? 64 : 0);
  uint64_t total = used() + newKeys;
  need = total * layout_.groupSize * 8 / 7 / kGroupSlots * 2 + newKeys * perKey + worstCaseWriteBytes(0) +
         16 * total / 512 + (1 << 20);
  if (heap_.used() + need > heap_.limit()) {
    return Status::error(std::to_string(newKeys) + " more keys would need about " +
                         std::to_string((heap_.used() + need) >> 20) + " MiB, over the simulated heap's " +
                         std::to_string(heap_.limit() >> 20) + " MiB limit");
  }
  return Status::success();
}

Status SwissMap::pinHash(std::string_view key, uint64_t hash) {
  if (Status s = checkKey(key); !s.ok()) return s;
  pins_[std::string(key)] = hash;
  refreshRaw();
  return Status::success();
}

// The hasher on a key's plain bytes, seeded with the map's seed: what
// hashKeySlow computes when nothing is pinned, recorded or special.
uint64_t SwissMap::rawHash(const char* key, size_t size) const {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(key);
  const uint64_t s = seed();
  switch (config_.hasher) {
    case SwissHasher::Go126:
      if (size == 8) {
        uint64_t v;
        std::memcpy(&v, p, 8);
        return memhash126Word(v, s, config_.hashkey);
      }
      return memhash126(p, s, size, config_.hashkey);
    case SwissHasher::Go119: return memhash119(p, s, size, config_.hashkey[0]);
    default: return memhash114(p, s, size, config_.hashkey);
  }
}

uint64_t SwissMap::hashKeySlow(std::string_view key, SwissTraceFunc fn) {
  uint64_t h;
  bool pinned = false;
  auto it = pins_.empty() ? pins_.end() : pins_.find(std::string(key));
  if (it != pins_.end()) {
    h = it->second;
    pinned = true;
  } else if (config_.hasher == SwissHasher::Identity) {
    if (type().key == KeyKind::Int32) {
      int32_t v;
      std::memcpy(&v, key.data(), 4);
      h = uint64_t(int64_t(v));
    } else {
      std::memcpy(&h, key.data(), 8);
    }
  } else if (type().key == KeyKind::Typed || (type().key == KeyKind::Plain && key.empty())) {
    // Go's other types: the hash function the compiler generates for them,
    // on this version's memhash; a NaN inside mixes in a 64-bit rand().
    HashPrimitives fns;
    switch (config_.hasher) {
      case SwissHasher::Go126:
        fns.memhash = [this](const uint8_t* q, uint64_t s, size_t n) {
          return memhash126(q, s, n, config_.hashkey);
        };
        break;
      case SwissHasher::Go119:
        fns.memhash = [this](const uint8_t* q, uint64_t s, size_t n) {
          return memhash119(q, s, n, config_.hashkey[0]);
        };
        break;
      default:
        fns.memhash = [this](const uint8_t* q, uint64_t s, size_t n) {
          return memhash114(q, s, n, config_.hashkey);
        };
        break;
    }
    fns.fastrand = [this] { return draw(); };
    h = typeHash(*type().keyGo, key, seed(), fns);
  } else if (type().key == KeyKind::Float64 &&
             (float64At(key.data()) == 0 || std::isnan(float64At(key.data())))) {
    // f64hash: both zeros hash alike from the seed alone; a NaN mixes in a
    // fresh 64-bit rand(), so it is never found again.
    h = float64At(key.data()) == 0 ? floatZeroHash(seed()) : kFloatHashC1 * (kFloatHashC0 ^ seed() ^ draw());
  } else {
    h = rawHash(key.data(), key.size());
  }
  record({SwissTraceKind::Hash, fn, 0, h2(h), 0, 0, h, pinned ? 1u : 0u});
  if (hashLog_ && hashLog_->size() < kHashLogLimit) hashLog_->emplace_back(key, h);
  return h;
}

uint64_t SwissMap::hashStored(uint64_t keyAddr, SwissTraceFunc fn) {
  if (type().keyTails) return hashKey(keyBytes(keyAddr), fn);
  std::string_view v = storedKeyView(keyAddr);
  if (v.data() == nullptr) v = std::string_view("", 0);
  return hashKey(v, fn);
}

void SwissMap::writeKeyValue(uint64_t dst, const char* key, size_t size) {
  storeKeyValue(heap_, type(), dst, key, size);
}

}  // namespace gomap::swiss
