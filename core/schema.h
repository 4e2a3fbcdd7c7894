// The core's facts that other layers name: tophash states, control bytes,
// the scenario language's commands, hashers and versions, trace event
// kinds, fast variants and limits, written as one JSON document from the
// core's own constants (`gomap --schema`, the wasm module's schema()). The
// page imports web/share/core-schema.mjs, generated from it, instead of
// retyping any of them.
#pragma once
#include <cstddef>
#include <string>

namespace gomap {

// Bumped when a field of the document changes meaning or goes away.
constexpr int kSchemaVersion = 1;

// The set-up commands of the scenario language, besides the map[K]V line
// (docs/scenario-format.md): each configures the map before its first
// operation. scenario_runner.cpp tells set-up from operations by this list.
constexpr const char* kSetupCommands[] = {"hasher", "hashkey", "seed", "rand", "hint", "version"};

// The document, one line of JSON.
std::string schemaJson();

}  // namespace gomap
