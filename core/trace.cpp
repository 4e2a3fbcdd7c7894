#include "trace.h"

namespace gomap {

const char* traceKindName(TraceKind kind) {
  switch (kind) {
    case TraceKind::HashKey: return "hashKey";
    case TraceKind::SkipHash: return "skipHash";
    case TraceKind::PickBucket: return "pickBucket";
    case TraceKind::CheckOldBucket: return "checkOldBucket";
    case TraceKind::CompareTophash: return "compareTophash";
    case TraceKind::CompareKey: return "compareKey";
    case TraceKind::StopAtEmptyRest: return "stopAtEmptyRest";
    case TraceKind::Found: return "found";
    case TraceKind::NotFound: return "notFound";
    case TraceKind::UpdateKey: return "updateKey";
    case TraceKind::ClaimSlot: return "claimSlot";
    case TraceKind::AllocFirstBucket: return "allocFirstBucket";
    case TraceKind::OverflowPrealloc: return "overflowPrealloc";
    case TraceKind::OverflowFresh: return "overflowFresh";
    case TraceKind::CountOverflow: return "countOverflow";
    case TraceKind::GrowStart: return "growStart";
    case TraceKind::EvacuateBucket: return "evacuateBucket";
    case TraceKind::EvacuateEntry: return "evacuateEntry";
    case TraceKind::EvacuateEmpty: return "evacuateEmpty";
    case TraceKind::ClearOldBucket: return "clearOldBucket";
    case TraceKind::AdvanceNevacuate: return "advanceNevacuate";
    case TraceKind::GrowFinish: return "growFinish";
    case TraceKind::MarkEmptyOne: return "markEmptyOne";
    case TraceKind::PromoteEmptyRest: return "promoteEmptyRest";
    case TraceKind::CountDown: return "countDown";
    case TraceKind::ClearMap: return "clearMap";
    case TraceKind::IterStart: return "iterStart";
    case TraceKind::IterBucket: return "iterBucket";
    case TraceKind::IterSkip: return "iterSkip";
    case TraceKind::IterYield: return "iterYield";
    case TraceKind::IterWrap: return "iterWrap";
    case TraceKind::IterEnd: return "iterEnd";
    case TraceKind::Reseed: return "reseed";
  }
  return "?";
}

const char* traceFuncName(TraceFunc func) {
  switch (func) {
    case TraceFunc::makemap: return "makemap";
    case TraceFunc::mapaccess: return "mapaccess2";
    case TraceFunc::mapassign: return "mapassign";
    case TraceFunc::mapdelete: return "mapdelete";
    case TraceFunc::mapclear: return "mapclear";
    case TraceFunc::hashGrow: return "hashGrow";
    case TraceFunc::growWork: return "growWork";
    case TraceFunc::evacuate: return "evacuate";
    case TraceFunc::advanceEvacuationMark: return "advanceEvacuationMark";
    case TraceFunc::newoverflow: return "newoverflow";
    case TraceFunc::mapiterinit: return "mapiterinit";
    case TraceFunc::mapiternext: return "mapiternext";
  }
  return "?";
}

}  // namespace gomap
