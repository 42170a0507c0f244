// Status files: each kiosk publishes SHARE/out/status/status.txt ("key: value"
// lines) and its statistics export; the staff menu and `kiosk fleet status`
// read every kiosk's, and a stick can collect them all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fleet/membership.h"
#include "fleet/share.h"

namespace kiosk::fleet {

inline constexpr const char* kStatusFile = "status.txt";
inline constexpr std::size_t kMaxStatusBytes = 4096;
inline constexpr std::uint64_t kMaxStatsBytes = 16ull << 20;
inline constexpr std::int64_t kStaleAfterS = 15 * 60;
// The statistics a kiosk publishes (stats/publish.h writes them; the app checks the names match).
inline constexpr const char* kStatsFiles[] = {"stats.csv", "stats.html"};

struct KioskStatus {
    std::string name;
    std::string device;
    std::int64_t version = 0;  // 0: built-in content
    std::string label;
    std::int64_t uptime_s = 0;
    std::int64_t updated_unix = 0;
    std::string last_import;  // last line of import.log
    std::uint64_t free_bytes = 0;
};

std::string encode_status(const KioskStatus& s);
// Peers' files are untrusted text: bounded, control characters dropped, unknown keys ignored.
KioskStatus parse_status(std::string_view text);
// DIR/status.txt when it is a regular file (a peer's symlink is not followed) and not empty.
std::optional<KioskStatus> read_status(const fs::path& dir);

// Rewrites out/status/status.txt when something other than the clock changed,
// or every kStatusHeartbeatS; copies stats_dir's kStatsFiles when they changed.
std::optional<Event> refresh_status(const PollConfig& config, PollState& state, std::int64_t now);

struct FleetRow {
    std::string name;
    std::string device;
    bool self = false;
    std::optional<KioskStatus> status;  // none: nothing received yet
    bool in_step = false;               // shows the newest version seen in the fleet
    bool stale = false;                 // no status for kStaleAfterS (off, or unreachable)
};

struct FleetView {
    std::vector<FleetRow> rows;
    std::int64_t newest = 0;
    std::string text() const;  // for the staff menu and `kiosk fleet status`
};

// Rows for every member (or, without membership, every status found).
FleetView fleet_view(const fs::path& share_dir, const std::optional<Membership>& membership,
                     const std::string& self_id, std::int64_t now);

}  // namespace kiosk::fleet
