// The JSON state dump of scenario-format.md: one object per operation,
// built from the bucket bytes through the read-only accessors of GoMap.
#pragma once
#include <string>

#include "go_map.h"
#include "scenario_runner.h"

namespace gomap {

struct DumpOptions {
  bool withTrace = false;
  // --dumps-only: a failed line prints its line, op and error, not the map.
  bool dumpsOnly = false;
};

// Above this many buckets (B 15 and up) a line summarises the arrays
// instead of listing them (a full line would be megabytes per operation);
// `dump full` lists them anyway.
constexpr uint64_t kDumpFullBucketLimit = 16384;

// One JSON line (no trailing newline). `map` may be null (no map yet).
std::string dumpOutcome(const GoMap* map, const Outcome& outcome, const Trace* trace,
                        const DumpOptions& options);
// An outcome's own fields (hashes, keys, start/offset), each with a leading
// comma, for callers that shape the rest of the object themselves.
void appendOutcomeFields(const GoMap* map, const Outcome& outcome, std::string* out);
// The same for a Swiss map: hashes, keys, and the iterator's draws (entry,
// dir) in place of start/offset.
void appendSwissOutcomeFields(const swiss::SwissMap* map, const Outcome& outcome, std::string* out);
// The fields both models write alike: the hashes (by the map's key type,
// none without a map) and the keys an operation yielded.
void appendKeyFields(const MapType* type, const Outcome& outcome, std::string* out);
// Just the state fields, as an object, for API users.
std::string dumpState(const GoMap& map);

// version 1.26: the Swiss dump of contract version 2 (swiss/swiss_dump.cpp).
// `map` may be null (no map yet).
std::string dumpSwissOutcome(const swiss::SwissMap* map, const Outcome& outcome,
                             const swiss::SwissTrace* trace, const DumpOptions& options);
// Just the Swiss state fields, as an object.
std::string dumpSwissState(const swiss::SwissMap& map);
// The state for a viewer (the wasm session): the same fields plus every
// table's, group's and the header's addresses, tombstones per table, a stale
// slot's element ("staleV"), and `detached`: tables off the directory that a
// viewer still draws mid-step (a grow's new table before it is installed,
// the old one after).
// With `near`, a map of more than `maxGroups` groups gives groups only for
// the tables holding one of those addresses (the others: "summary":true).
// Without `withGroups` no table lists its groups (those not summarized are
// the ones it would have listed): a viewer then reads the groups it draws
// with dumpSwissGroups.
std::string dumpSwissStateDetail(const swiss::SwissMap& map, const std::vector<uint64_t>& detached,
                                 const std::vector<uint64_t>* near = nullptr, uint64_t maxGroups = 0,
                                 bool withGroups = true);
// Groups [from, from + count) of `table` (cut at its end), as the detailed
// state gives them: a window of a big table, without the rest of the dump.
std::string dumpSwissGroups(const swiss::SwissMap& map, uint64_t table, uint64_t from, uint64_t count);

// A bucket map's trace events, one writer for both readers: the CLI's dump
// (",\"trace\":[…]": `old` only when true, `addr` only when set, 16-digit
// hex words) and the viewer's (",\"events\":[…]" for the wasm session:
// every field, addresses unpadded, and each event's journal `writes`, which
// rewind() takes).
enum class TraceJsonFor { Dump, Viewer };
void appendTraceJson(const Trace& trace, TraceJsonFor reader, std::string* out);

// The viewer's chain (the wasm session's chains() and state()): each
// bucket's address, tophash array, keys and elems where the bytes still hold
// them (null elsewhere) and overflow pointer.
void appendChainDetail(const GoMap& m, uint64_t first, std::string* out);

// JSON string literal for arbitrary bytes: invalid UTF-8 becomes U+FFFD.
std::string jsonString(std::string_view bytes);

}  // namespace gomap
