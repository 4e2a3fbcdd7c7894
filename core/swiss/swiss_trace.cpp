#include "swiss/swiss_trace.h"

#include "enum_names.h"

namespace gomap::swiss {
namespace {

const char* const kKindNames[] = {
    "hash",         "skipHash",          "dirEntry",        "probeGroup", "compareKey", "found",
    "notFound",     "rememberTombstone", "chooseSlot",      "updateKey",  "storeEntry", "growToSmall",
    "growToTable",  "pruneStart",        "pruneResult",     "rehash",     "moveEntry",  "directoryDouble",
    "installTable", "deleteEmpty",       "deleteTombstone", "reseed",     "clearMap",   "clearGroup",
    "iterStart",    "iterTable",         "iterDirShift",    "iterYield",  "iterSkip",   "iterEnd",
};
static_assert(std::size(kKindNames) == size_t(SwissTraceKind::IterEnd) + 1, "one name per SwissTraceKind");

// internal/runtime/maps's names (Get is getWithKey; the iterator's are Iter's methods).
const char* const kFuncNames[] = {
    "NewMap", "getWithKey", "PutSlot",   "uncheckedPutSlot",  "pruneTombstones",
    "rehash", "grow",       "split",     "installTableSplit", "Delete",
    "Clear",  "Iter.Init",  "Iter.Next",
};
static_assert(std::size(kFuncNames) == size_t(SwissTraceFunc::IterNext) + 1, "one name per SwissTraceFunc");

}  // namespace

const char* swissTraceKindName(SwissTraceKind kind) { return enumName(kind, kKindNames); }
const char* swissTraceFuncName(SwissTraceFunc func) { return enumName(func, kFuncNames); }

}  // namespace gomap::swiss
