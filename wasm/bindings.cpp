// embind declarations only; behaviour lives in session_core.cpp,
// playground_session.cpp and swiss_session.cpp, and
// the friendly API in gomap.mjs.
#include <emscripten/bind.h>

#include "playground_session.h"
#include "schema.h"
#include "swiss_session.h"
#include "type_text.h"

EMSCRIPTEN_BINDINGS(gomap) {
  // What both sessions share is bound once, on their base class.
  using gomap::SessionCore;
  emscripten::class_<SessionCore>("SessionCore")
      .function("exec", &SessionCore::exec)
      .function("runScenario", &SessionCore::runScenario)
      .function("rewind", &SessionCore::rewind)
      .function("prepareFill", &SessionCore::prepareFill)
      .function("heapPointer", &SessionCore::heapPointer)
      .function("heapSize", &SessionCore::heapSize)
      .function("heapBase", &SessionCore::heapBase)
      .function("snapshot", &SessionCore::snapshot)
      .function("restore", &SessionCore::restore)
      .function("restoreError", &SessionCore::restoreError)
      .function("prepareSnapshot", &SessionCore::prepareSnapshot)
      .function("prepareRestore", &SessionCore::prepareRestore)
      .function("dropSnapshot", &SessionCore::dropSnapshot)
      .function("snapshotCount", &SessionCore::snapshotCount)
      .function("snapshotError", &SessionCore::snapshotError);
  using gomap::PlaygroundSession;
  emscripten::class_<PlaygroundSession, emscripten::base<SessionCore>>("Session")
      .constructor<>()
      .function("state", &PlaygroundSession::state)
      .function("header", &PlaygroundSession::header)
      .function("chains", &PlaygroundSession::chains)
      .function("checkInvariants", &PlaygroundSession::checkInvariants)
      .function("setInt64Batch", &PlaygroundSession::setInt64Batch)
      .function("checkInt64Batch", &PlaygroundSession::checkInt64Batch);
  using gomap::SwissSession;
  emscripten::class_<SwissSession, emscripten::base<SessionCore>>("SwissSession")
      .constructor<>()
      .function("state", &SwissSession::state)
      .function("stateNear", &SwissSession::stateNear)
      .function("stateTables", &SwissSession::stateTables)
      .function("groups", &SwissSession::groups)
      .function("header", &SwissSession::header)
      .function("checkInvariants", &SwissSession::checkInvariants);
  emscripten::function("allocatedBytes", &gomap::allocatedBytes);
  emscripten::function("memoryInUse", &gomap::memoryInUse);
  emscripten::function("memoryCeiling", &gomap::memoryCeiling);
  emscripten::function("mapLayout", &gomap::mapLayout);
  emscripten::function("splitCommands", &gomap::splitCommands);
  emscripten::function("schema", &gomap::schemaJson);
}
