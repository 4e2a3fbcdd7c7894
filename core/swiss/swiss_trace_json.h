// The JSON of Swiss-map trace events, written once for every reader (the
// gomap CLI's `--trace`, the wasm session): each kind with its own named
// fields, so no reader decodes packed values. The field list per kind is
// in wasm/README.md (Go 1.26 trace events).
#pragma once
#include <string>

#include "swiss/swiss_trace.h"

namespace gomap::swiss {

// Appends `[event, ...]`. Every event has "e" (kind), "fn" (the
// internal/runtime/maps function) and "writes" (heap journal length after
// it); the other fields depend on the kind. Addresses are hex without
// padding; hashes, seeds and bitsets are 16-digit hex (64 bits).
void appendSwissEventsJson(const SwissTrace& trace, std::string* out);

}  // namespace gomap::swiss
