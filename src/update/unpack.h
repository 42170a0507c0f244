// Extracts a bundle payload (tar, optionally gzip'd) into an empty staging
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

// Only regular files and directories are created (files 0644, dirs 0755).
// Refuses absolute paths, "..", links, devices, FIFOs, sockets, duplicates, and
// anything over the limits; stops writing as soon as a limit is crossed.
// Every file and directory is fsync'ed before success is returned.
// `progress` (may be empty) receives the fraction of the payload consumed.
Result<Ok> unpack_payload(std::span<const unsigned char> payload, const fs::path& dest_dir,
                          const UnpackLimits& limits, UnpackStats& stats,
                          const std::function<void(double)>& progress = {});

// Checks one archive path; returns the normalised relative path or a reason.
Result<std::string> check_entry_path(std::string_view raw, const UnpackLimits& limits);

}  // namespace kiosk::update
