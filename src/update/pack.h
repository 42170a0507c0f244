// Deterministic payload for a bundle: a gzip-compressed pax tar of a content
// directory with entries sorted by path, mtimes/owners zeroed and modes
// normalised, so the same content always gives the same payload bytes.
#pragma once

#include <vector>

#include "base/result.h"
#include "update/fsutil.h"

namespace kiosk::update {

// Refuses symlinks and special files in the source (the kiosk would refuse
// them on import anyway; better to say so on the laptop).
Result<std::vector<unsigned char>> pack_directory(const fs::path& content_dir,
                                                  std::uint64_t max_bytes);

}  // namespace kiosk::update
