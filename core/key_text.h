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

// Go's fmt %v for a float64, and for a float32.
std::string formatFloat(double d);
std::string formatFloat32(float f);
// The shortest form for `bits` 64 or 32 (d holds the float32 exactly).
std::string formatShortestFloat(double d, int bits);
// A float as a literal: decimal, NaN, +Inf, Inf, -Inf or 0x hex digits,
// rounded once to the type of `bits` (64 or 32).
Status parseGoFloat(std::string_view text, int bits, double* out);
// Integers: decimal with optional sign, or 0x hex. Ranges are checked.
bool parseInt64(std::string_view text, int64_t* out);
bool parseUint64(std::string_view text, uint64_t* out);
// A command's unsigned number argument (a count, a bucket, a seed):
// `what` names it in the error, and a value over `max` is refused.
Status parseUnsignedArg(const std::string& token, const char* what, uint64_t max, uint64_t* out);

}  // namespace gomap
