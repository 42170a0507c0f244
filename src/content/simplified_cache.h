// Simplified Chinese computed once, not at every start: OpenCC's dictionaries
// cost ~40 ms and several MiB each time they load. The zh-HK → zh-Hans pairs of
// a content folder are kept in `<content>/simplified.cache`; loading content
// takes every text it finds there and runs OpenCC only for the rest.
//
// Keyed by the Traditional text itself, so a stale cache is never wrong, only
// incomplete. Written when content is installed (the kiosk loads a new bundle
// right after importing it) or on the first load of a writable folder.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>

#include "content/model.h"

namespace kiosk::content {

inline constexpr const char* kSimplifiedCacheFile = "simplified.cache";

using SimplifiedPairs = std::unordered_map<std::string, std::string>;

// The pairs stored in `file`; empty when it is missing, damaged or too large.
SimplifiedPairs read_simplified_cache(const std::filesystem::path& file);
// Stores every derived zh-Hans text of `bundle` in bundle.dir, atomically,
// unless the cache there already holds them all. False when it cannot be written
// (e.g. a read-only folder): the kiosk then converts again next start.
bool save_simplified_cache(const Bundle& bundle);

}  // namespace kiosk::content
