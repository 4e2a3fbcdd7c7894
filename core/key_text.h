// Keys and elements as people write them in a scenario and read them in a
// dump: integers in decimal, floats in Go's shortest %v form (NaN, +Inf,
// -Inf, -0), strings as they are, [N]byte as text padded with zero bytes.
#pragma once
#include <string>
#include <string_view>

#include "map_type.h"
#include "status.h"

namespace gomap {

// Text -> the value bytes GoMap takes.
Status parseKey(const MapType& t, std::string_view text, std::string* bytes);
Status parseElem(const MapType& t, std::string_view text, std::string* bytes);
// Value bytes -> text. Bytes that are not valid UTF-8 print as the quoted
// scenario token that writes them ("\xff"), so distinct keys print apart.
std::string formatKey(const MapType& t, std::string_view bytes);
std::string formatElem(const MapType& t, std::string_view bytes);

// Go's fmt %v for a float64.
std::string formatFloat(double d);
// Integers: decimal with optional sign, or 0x hex. Ranges are checked.
bool parseInt64(std::string_view text, int64_t* out);
bool parseUint64(std::string_view text, uint64_t* out);

}  // namespace gomap
