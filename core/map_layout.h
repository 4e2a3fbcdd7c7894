// What the type decides about a map's memory, as one JSON object: the key
// and element types' size, alignment, padding and fields, the slot sizes,
// the bucket's size and the overflow pointer's offset, indirect storage, the
// hash function and the runtime variant Go 1.14's compiler picks, and the
// slot geometry of Go 1.26's Swiss map of the same type ("swiss"). For the
// page's layout panel (through the wasm bindings), `gomap --layout`, and the
// conformance check against Go's own numbers (tests/conformance).
#pragma once
#include <string>

#include "map_type.h"

namespace gomap {

std::string mapLayoutJson(const MapType& t);

}  // namespace gomap
