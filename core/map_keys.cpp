// Keys and elems in bucket memory: hashing, comparing, storing, clearing.
#include <cmath>
#include <cstring>

#include "go_map.h"
#include "stored_values.h"
#include "typed_value.h"

namespace gomap {

std::string GoMap::keyBytes(uint64_t keyAddr) const {
  if (type().key == KeyKind::String) return std::string(storedString(heap_, keyAddr));
  if (type().keyTails) return readValue(heap_, keyAddr, *type().keyGo);
  return std::string(storedBytes(heap_, keyAddr, type().keyTypeSize));
}

std::string GoMap::elemBytes(uint64_t elemAddr) const { return storedElem(heap_, type(), elemAddr); }

bool GoMap::typedKeyEqual(uint64_t stored, std::string_view key) const {
  const MapType& t = type();
  if (t.keyTails) return valuesEqual(*t.keyGo, readValue(heap_, stored, *t.keyGo), key);
  const char* p = reinterpret_cast<const char*>(heap_.at(stored));
  return valuesEqual(*t.keyGo, std::string_view(p, t.keyTypeSize), key);
}

Status GoMap::checkKeySlow(std::string_view key) const {
  return checkKeyBytes(type(), config_.limits.maxStringKeyBytes, key);
}

Status GoMap::checkElem(std::string_view elem) const { return checkElemBytes(type(), elem); }

Status GoMap::pinHash(std::string_view key, uint64_t hash) {
  if (Status s = checkKey(key); !s.ok()) return s;
  // A key already stored sits in the chain its old hash chose, with that
  // hash's tophash: a new hash would leave it where no lookup finds it (and
  // the next set would store it twice). Go cannot rehash one key either, so
  // a pin is for keys not in the map yet (or the hash they already have).
  // Looked up unwatched (no trace, no hash log), so the lookup leaves no
  // trace step and draws no hash record.
  Trace* saved = trace_;
  trace_ = nullptr;
  HashLog* savedLog = hashLog_;
  hashLog_ = nullptr;
  refreshRawPath();
  // (A NaN is never found, and hashing one would draw from the random stream.)
  const double d = type().key == KeyKind::Float64 ? float64At(key.data()) : 0;
  const bool selfEqual = type().key == KeyKind::Typed ? valuesEqual(*type().keyGo, key, key) : d == d;
  const bool stored = count() != 0 && selfEqual && mapaccess(key, false).found;
  const bool same = stored && hashKey(key) == hash;
  trace_ = saved;
  hashLog_ = savedLog;
  refreshRawPath();
  if (stored && !same) {
    return Status::error(
        "key is already in the map: its hash cannot change while it is stored "
        "(pin the hash before the key is set, or delete the key first)");
  }
  pins_[std::string(key)] = hash;
  refreshRawPath();
  return Status::success();
}

uint64_t GoMap::hashOf(std::string_view key) { return hashKey(key); }

// The map type's hasher applied to a key value, seeded with hash0.
uint64_t GoMap::hashKeySlow(std::string_view key, TraceFunc fn) {
  if (!pins_.empty()) {
    auto it = pins_.find(std::string(key));
    if (it != pins_.end()) {
      record({TraceKind::HashKey, fn, false, 0, tophash(it->second), 0, 0, it->second, 1});
      if (hashLog_ && hashLog_->size() < kHashLogLimit) hashLog_->emplace_back(key, it->second);
      return it->second;
    }
  }
  const uint8_t* p = reinterpret_cast<const uint8_t*>(key.data());
  uint64_t seed = hash0();
  uint64_t h = 0;
  if (config_.hasher == HasherKind::Identity) {
    if (type().key == KeyKind::Int32) {
      int32_t v;
      std::memcpy(&v, p, 4);
      h = uint64_t(int64_t(v));
    } else {
      std::memcpy(&h, p, 8);
    }
  } else if (type().key == KeyKind::Typed || (type().key == KeyKind::Plain && key.empty())) {
    // Any other type: the hash function the compiler generates for it.
    HashPrimitives fns;
    if (config_.hasher == HasherKind::Go114) {
      fns.memhash = [this](const uint8_t* q, uint64_t s, size_t n) {
        return memhash114(q, s, n, config_.hashkey);
      };
    } else {
      fns.memhash = [this](const uint8_t* q, uint64_t s, size_t n) {
        return memhash119(q, s, n, config_.hashkey[0]);
      };
    }
    fns.fastrand = [this] { return rand_.next(); };
    h = typeHash(*type().keyGo, key, seed, fns);
  } else if (type().key == KeyKind::Float64 && (float64At(p) == 0 || std::isnan(float64At(p)))) {
    // f64hash: both zeros hash alike from the seed alone; a NaN takes a
    // fresh random number every time, so it can never be found again.
    h = float64At(p) == 0 ? floatZeroHash(seed) : floatNaNHash(seed, rand_.next());
  } else if (config_.hasher == HasherKind::Go114) {
    h = memhash114(p, seed, key.size(), config_.hashkey);
  } else {
    h = memhash119(p, seed, key.size(), config_.hashkey[0]);
  }
  record({TraceKind::HashKey, fn, false, 0, tophash(h), 0, 0, h, 0});
  if (hashLog_ && hashLog_->size() < kHashLogLimit) hashLog_->emplace_back(key, h);
  return h;
}

uint64_t GoMap::hashStored(uint64_t keyAddr, TraceFunc fn) {
  const char* p = reinterpret_cast<const char*>(heap_.at(keyAddr));
  uint64_t n = type().keyTypeSize;
  if (type().keyTails) return hashKey(keyBytes(keyAddr), fn);
  if (type().key == KeyKind::String) {
    uint64_t data = heap_.load64(keyAddr);
    n = heap_.load64(keyAddr + 8);
    p = n == 0 ? "" : reinterpret_cast<const char*>(heap_.at(data));
  }
  return hashKey(std::string_view(p, n), fn);  // a view: hashing allocates nothing
}

bool GoMap::storedKeyIsNaN(uint64_t keyAddr) const {
  if (type().key == KeyKind::Typed) return !typedKeyEqual(keyAddr, keyBytes(keyAddr));  // a NaN inside
  return type().key == KeyKind::Float64 && std::isnan(float64At(heap_.at(keyAddr)));
}

// Writes a key value into a key slot: into a fresh object for an indirect
// key, with freshly allocated characters for a string (the model's stand-in
// for wherever the caller's string lived).
void GoMap::storeKey(uint64_t slot, const char* key, size_t size) {
  uint64_t dst = slot;
  if (type().indirectKey) {
    dst = heap_.alloc(type().keyTypeSize);
    heap_.store64(slot, dst);
  }
  storeKeyValue(heap_, type(), dst, key, size);
}

void GoMap::storeNewElem(uint64_t slot) {
  if (type().indirectElem) heap_.store64(slot, heap_.alloc(type().elemTypeSize));
}

// clearDeleted (map_probe.h) for the shapes it does not clear inline.
void GoMap::clearDeletedSlow(uint64_t b, int i) {
  const MapType& t = type();
  uint64_t keySlot = b + t.keyOffset(i);
  if (t.variant == Variant::FastStr) {
    heap_.store64(keySlot, 0);
  } else if (t.indirectKey) {
    heap_.store64(keySlot, 0);
  } else if (t.keyHasPointers) {
    heap_.zero(keySlot, t.keysize);
  }
  uint64_t elemSlot = b + t.elemOffset(i);
  if (t.indirectElem) {
    heap_.store64(elemSlot, 0);
  } else {
    heap_.zero(elemSlot, t.elemsize);
  }
}

}  // namespace gomap
