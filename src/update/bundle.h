// Making a signed bundle from a content directory (the laptop side).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "update/bundle_format.h"

namespace kiosk::update {

inline constexpr std::uint64_t kDefaultMaxBundleBytes = 64ull << 20;

struct BundleOptions {
    // Content version; when empty: event.yaml's top-level `version:`, else the
    // UTC clock as YYYYMMDDHHMM (monotonic enough for hand-made updates).
    std::optional<std::int64_t> version;
    std::string label;              // shown in status, e.g. "Day 2 programme"
    std::int64_t created_unix = 0;  // 0 = now
    std::uint64_t max_bundle_bytes = kDefaultMaxBundleBytes;
};

struct MadeBundle {
    BundleHeader header;
    std::vector<unsigned char> bytes;  // the whole .kiosk file
};

Result<MadeBundle> make_bundle(const fs::path& content_dir, const SecretKey& key,
                               const BundleOptions& options);

// make_bundle + crash-safe write to `out_file`.
Result<BundleHeader> write_bundle_file(const fs::path& content_dir, const SecretKey& key,
                                       const BundleOptions& options, const fs::path& out_file);

// The integer after a top-level `version:` in content_dir/event.yaml, read with
// a plain line scan (this module must not depend on the YAML loader).
std::optional<std::int64_t> read_event_version(const fs::path& content_dir);

// 2023-10-01 12:34 UTC -> 202310011234.
std::int64_t clock_version(std::int64_t unix_seconds);

}  // namespace kiosk::update
