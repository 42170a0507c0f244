// This kiosk's statistics for the fleet: DATA/fleet-stats/stats.csv and
// stats.html, the same texts `kiosk stats` and the stick export write. The
// fleet poller copies them into this kiosk's shared status folder, so every
// peer holds every kiosk's figures (docs/integrator.md, "A venue of kiosks").
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "base/result.h"
#include "stats/report.h"

namespace kiosk::stats {

inline constexpr const char* kPublishDir = "fleet-stats";  // under the data directory
inline constexpr const char* kPublishedCsv = "stats.csv";
inline constexpr const char* kPublishedHtml = "stats.html";
inline constexpr std::int64_t kPublishEveryS = 3600;

// Is a publish due at `now_unix`? Yes when there was none yet, when `every_s`
// passed since the last, or when the clock went back (set by hand, or NTP).
bool publish_due(std::optional<std::int64_t> last_unix, std::int64_t now_unix,
                 std::int64_t every_s = kPublishEveryS);

// Writes DIR/stats.csv and DIR/stats.html, each to a temporary file renamed
// into place (a reader never sees half a report); creates DIR. Returns the two
// files written.
Result<std::vector<std::filesystem::path>> publish_reports(const std::filesystem::path& db_file,
                                                           const std::filesystem::path& dir,
                                                           const ReportStyle& style);

}  // namespace kiosk::stats
