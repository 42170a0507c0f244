// Extracts a bundle payload (one gzip member holding a tar) into an empty staging
// directory, treating the archive as hostile even though it is signed: a
// leaked key or a buggy tool must not be able to write outside the staging
// directory, create links or devices, or fill the disk.
#pragma once

#include <cstdint>
#include <functional>
#include <span>

#include "base/result.h"
#include "update/fsutil.h"

namespace kiosk::update {

struct UnpackLimits {
    std::uint64_t max_file_bytes = 32ull << 20;    // one picture/YAML file
    std::uint64_t max_total_bytes = 256ull << 20;  // all files, uncompressed
    std::uint64_t max_entries = 10000;             // files + folders
    std::size_t max_path_bytes = 512;
    int max_depth = 16;
};

// What was actually written (counted while writing, not taken from headers).
struct UnpackStats {
    std::uint64_t bytes_written = 0;
    std::uint64_t entries = 0;
};

// Two passes over the archive. The first reads every header and writes
// nothing: counts, declared sizes, names, kinds, duplicates and file/folder
// clashes are checked, and the payload must be exactly one gzip member holding
// one tar with its end blocks and nothing after either. The second creates
// only regular files and directories (files 0644, dirs 0755), counting bytes
// again as it writes, then makes everything durable with one syncfs().
// `progress` (may be empty) receives the fraction done.
Result<Ok> unpack_payload(std::span<const unsigned char> payload, const fs::path& dest_dir,
                          const UnpackLimits& limits, UnpackStats& stats,
                          const std::function<void(double)>& progress = {});

// Checks one archive path; returns the normalised relative path or a reason.
// Names must be valid UTF-8 without control characters or backslashes.
Result<std::string> check_entry_path(std::string_view raw, const UnpackLimits& limits);

// `raw` with control characters and invalid UTF-8 replaced by '?' (for messages).
std::string printable(std::string_view raw);

}  // namespace kiosk::update
