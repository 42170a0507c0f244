// The shared folders on a kiosk and one pass of the fleet poller. Syncthing
// moves files; this code decides. Layout (SHARE = e.g. /var/lib/kiosk/fleet-share):
//
//   SHARE/out/bundles/           this kiosk's send-only folder: at most one file,
//                                content-<V>.kiosk = the verified active bundle
//   SHARE/out/status/            this kiosk's send-only folder: status.txt, stats.csv, stats.html
//   SHARE/in/<peer>/bundles/     a peer's bundles (receive-only here)
//   SHARE/in/<peer>/status/      a peer's status
//   SHARE/.staging/              files being written; renamed into out/ (outside every folder)
//
// Nothing received is ever re-shared as such: a peer's file reaches out/ only
// after update::import_bundle installed it here (the USB import path).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "update/import.h"

namespace kiosk::fleet {

namespace fs = std::filesystem;

inline constexpr std::size_t kMaxPeerDirs = 256;       // in/<peer> directories looked at
inline constexpr std::size_t kMaxFilesPerFolder = 16;  // *.kiosk files looked at per peer
inline constexpr std::int64_t kStatusHeartbeatS = 300;
inline constexpr std::int64_t kMaxRetryDelayS = 3600;

struct SharePaths {
    fs::path root;
    fs::path out_bundles() const { return root / "out" / "bundles"; }
    fs::path out_status() const { return root / "out" / "status"; }
    fs::path in() const { return root / "in"; }
    fs::path staging() const { return root / ".staging"; }
};

// Creates out/bundles and out/status (with Syncthing's .stfolder markers), in/, .staging/.
Result<update::Ok> ensure_share(const SharePaths& share);

// "content-202312011200.kiosk"
std::string shared_bundle_name(std::int64_t version);

struct PollConfig {
    fs::path data_dir;
    fs::path share_dir;
    update::PublicKey key;
    update::ContentValidator validate;
    std::string name;                   // this kiosk's name, for status.txt
    std::string device_id;              // this kiosk's Syncthing ID (may be empty)
    std::optional<fs::path> stats_dir;  // its stats.csv/html go into out/status when they change
    update::UnpackLimits limits;
    std::uint64_t max_bundle_bytes = update::kDefaultMaxBundleBytes;
};

enum class EventKind { Installed, AlreadyActive, Refused, HeldBack, Published, Withdrawn, Status };

struct Event {
    EventKind kind = EventKind::Status;
    fs::path file;
    std::int64_t version = 0;
    std::string message;
    std::string str() const;  // one log line
};

// What one poller remembers between passes (owned by one thread).
struct FileMark {
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t retry_at = 0;  // refused: try again after this (exponential back-off)
    std::int64_t delay_s = 0;
    bool settled = false;  // installed or already active: never again while unchanged
};
struct PollState {
    std::map<std::string, FileMark> seen;
    std::optional<FileMark> published;  // our out/ bundle as last verified
    std::string status_body;            // status.txt without the clock lines
    std::int64_t status_written = 0;
    std::map<std::string, FileMark> stats;  // per file of kStatsFiles, as last copied
};

// One pass: withdraw from out/bundles whatever is not the verified active
// bundle; import every new *.kiosk in in/*/bundles (newest name first) with
// update::import_bundle; publish what got installed; refresh status.txt.
std::vector<Event> poll_once(const PollConfig& config, PollState& state, std::int64_t now);

// After a successful import from anywhere (USB stick, fleet, CLI): verifies
// `bundle_file` again, and if it holds the active version, places it in
// out/bundles as content-<V>.kiosk and removes any other file there.
Result<Event> publish_bundle(const fs::path& bundle_file, const PollConfig& config);

}  // namespace kiosk::fleet
