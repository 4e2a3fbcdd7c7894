// embind declarations only; behaviour lives in playground_session.cpp and
// the friendly API in gomap.mjs.
#include <emscripten/bind.h>

#include "playground_session.h"
#include "swiss_session.h"
#include "type_text.h"

EMSCRIPTEN_BINDINGS(gomap) {
  using gomap::PlaygroundSession;
  emscripten::class_<PlaygroundSession>("Session")
      .constructor<>()
      .function("exec", &PlaygroundSession::exec)
      .function("runScenario", &PlaygroundSession::runScenario)
      .function("rewind", &PlaygroundSession::rewind)
      .function("state", &PlaygroundSession::state)
      .function("header", &PlaygroundSession::header)
      .function("chains", &PlaygroundSession::chains)
      .function("checkInvariants", &PlaygroundSession::checkInvariants)
      .function("prepareFill", &PlaygroundSession::prepareFill)
      .function("heapPointer", &PlaygroundSession::heapPointer)
      .function("heapSize", &PlaygroundSession::heapSize)
      .function("heapBase", &PlaygroundSession::heapBase)
      .function("snapshot", &PlaygroundSession::snapshot)
      .function("restore", &PlaygroundSession::restore)
      .function("dropSnapshot", &PlaygroundSession::dropSnapshot)
      .function("snapshotCount", &PlaygroundSession::snapshotCount)
      .function("snapshotError", &PlaygroundSession::snapshotError)
      .function("setInt64Batch", &PlaygroundSession::setInt64Batch)
      .function("checkInt64Batch", &PlaygroundSession::checkInt64Batch);
  using gomap::SwissSession;
  emscripten::class_<SwissSession>("SwissSession")
      .constructor<>()
      .function("exec", &SwissSession::exec)
      .function("runScenario", &SwissSession::runScenario)
      .function("rewind", &SwissSession::rewind)
      .function("state", &SwissSession::state)
      .function("stateNear", &SwissSession::stateNear)
      .function("header", &SwissSession::header)
      .function("checkInvariants", &SwissSession::checkInvariants)
      .function("prepareFill", &SwissSession::prepareFill)
      .function("heapPointer", &SwissSession::heapPointer)
      .function("heapSize", &SwissSession::heapSize)
      .function("heapBase", &SwissSession::heapBase)
      .function("snapshot", &SwissSession::snapshot)
      .function("restore", &SwissSession::restore)
      .function("dropSnapshot", &SwissSession::dropSnapshot)
      .function("snapshotCount", &SwissSession::snapshotCount)
      .function("snapshotError", &SwissSession::snapshotError);
  emscripten::function("allocatedBytes", &gomap::allocatedBytes);
  emscripten::function("memoryInUse", &gomap::memoryInUse);
  emscripten::function("memoryCeiling", &gomap::memoryCeiling);
  emscripten::function("mapLayout", &gomap::mapLayout);
  emscripten::function("splitCommands", &gomap::splitCommands);
}
