#include "swiss/swiss_trace.h"

namespace gomap::swiss {

const char* swissTraceKindName(SwissTraceKind kind) {
  switch (kind) {
    case SwissTraceKind::Hash: return "hash";
    case SwissTraceKind::SkipHash: return "skipHash";
    case SwissTraceKind::DirEntry: return "dirEntry";
    case SwissTraceKind::ProbeGroup: return "probeGroup";
    case SwissTraceKind::CompareKey: return "compareKey";
    case SwissTraceKind::Found: return "found";
    case SwissTraceKind::NotFound: return "notFound";
    case SwissTraceKind::RememberTombstone: return "rememberTombstone";
    case SwissTraceKind::ChooseSlot: return "chooseSlot";
    case SwissTraceKind::UpdateKey: return "updateKey";
    case SwissTraceKind::StoreEntry: return "storeEntry";
    case SwissTraceKind::GrowToSmall: return "growToSmall";
    case SwissTraceKind::GrowToTable: return "growToTable";
    case SwissTraceKind::PruneStart: return "pruneStart";
    case SwissTraceKind::PruneResult: return "pruneResult";
    case SwissTraceKind::Rehash: return "rehash";
    case SwissTraceKind::MoveEntry: return "moveEntry";
    case SwissTraceKind::DirectoryDouble: return "directoryDouble";
    case SwissTraceKind::InstallTable: return "installTable";
    case SwissTraceKind::DeleteEmpty: return "deleteEmpty";
    case SwissTraceKind::DeleteTombstone: return "deleteTombstone";
    case SwissTraceKind::Reseed: return "reseed";
    case SwissTraceKind::ClearMap: return "clearMap";
    case SwissTraceKind::ClearGroup: return "clearGroup";
    case SwissTraceKind::IterStart: return "iterStart";
    case SwissTraceKind::IterTable: return "iterTable";
    case SwissTraceKind::IterDirShift: return "iterDirShift";
    case SwissTraceKind::IterYield: return "iterYield";
    case SwissTraceKind::IterSkip: return "iterSkip";
    case SwissTraceKind::IterEnd: return "iterEnd";
  }
  return "?";
}

const char* swissTraceFuncName(SwissTraceFunc func) {
  switch (func) {
    case SwissTraceFunc::NewMap: return "NewMap";
    case SwissTraceFunc::Get: return "getWithKey";
    case SwissTraceFunc::PutSlot: return "PutSlot";
    case SwissTraceFunc::uncheckedPutSlot: return "uncheckedPutSlot";
    case SwissTraceFunc::pruneTombstones: return "pruneTombstones";
    case SwissTraceFunc::rehash: return "rehash";
    case SwissTraceFunc::grow: return "grow";
    case SwissTraceFunc::split: return "split";
    case SwissTraceFunc::installTableSplit: return "installTableSplit";
    case SwissTraceFunc::Delete: return "Delete";
    case SwissTraceFunc::Clear: return "Clear";
    case SwissTraceFunc::IterInit: return "Iter.Init";
    case SwissTraceFunc::IterNext: return "Iter.Next";
  }
  return "?";
}

}  // namespace gomap::swiss
