#include "trace.h"

#include "enum_names.h"

namespace gomap {
namespace {

const char* const kKindNames[] = {
    "hashKey",          "skipHash",      "pickBucket",      "checkOldBucket",
    "compareTophash",   "compareKey",    "stopAtEmptyRest", "found",
    "notFound",         "updateKey",     "claimSlot",       "allocFirstBucket",
    "overflowPrealloc", "overflowFresh", "countOverflow",   "growStart",
    "evacuateBucket",   "evacuateEntry", "evacuateEmpty",   "clearOldBucket",
    "advanceNevacuate", "growFinish",    "markEmptyOne",    "promoteEmptyRest",
    "countDown",        "clearMap",      "iterStart",       "iterBucket",
    "iterSkip",         "iterYield",     "iterWrap",        "iterEnd",
    "reseed",
};
static_assert(std::size(kKindNames) == size_t(TraceKind::Reseed) + 1, "one name per TraceKind");

// The Go functions, as the viewer names them (mapaccess stands for mapaccess2).
const char* const kFuncNames[] = {
    "makemap",     "mapaccess2",  "mapassign",
    "mapdelete",   "mapclear",    "hashGrow",
    "growWork",    "evacuate",    "advanceEvacuationMark",
    "newoverflow", "mapiterinit", "mapiternext",
};
static_assert(std::size(kFuncNames) == size_t(TraceFunc::mapiternext) + 1, "one name per TraceFunc");

}  // namespace

const char* traceKindName(TraceKind kind) { return enumName(kind, kKindNames); }
const char* traceFuncName(TraceFunc func) { return enumName(func, kFuncNames); }

}  // namespace gomap
