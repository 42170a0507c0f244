// The app's side of fleet sync: the few hooks the content worker and the
// staff menu call (docs/integrator.md, section 11). All fleet logic is in
// src/fleet; this only holds one poller's state and the paths. One owner:
// the content worker thread; the staff menu gets copies of plain strings.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "base/device_paths.h"
#include "fleet/share.h"

namespace kiosk::app {

struct FleetPaths {
    std::filesystem::path data_dir = paths::kDataDir;
    std::filesystem::path share_dir = paths::kFleetShare;
    std::filesystem::path syncthing_home = paths::kSyncthingHome;
    std::filesystem::path pubkey = paths::kPublicKey;
    std::filesystem::path stats_dir;  // stats.csv/html published by StatsGlue; empty: none
};

// What the staff menu shows, read from files only (no poller state): the UI
// thread's StaffDevice calls these, so the worker's FleetGlue stays its own.
std::string fleet_device_id(const FleetPaths& paths);
std::string fleet_status_text(const FleetPaths& paths, std::int64_t now_unix);

class FleetGlue {
  public:
    FleetGlue(FleetPaths paths, update::ContentValidator validate);

    // After a successful USB import of `bundle_file`: share it with the fleet.
    void after_import(const std::filesystem::path& bundle_file);
    // A stick was mounted: join a *.fleet file on it (if any).
    void on_stick(const std::filesystem::path& stick_dir);
    // After the stick's import (or refusal): in a signed fleet, copy every
    // kiosk's status and statistics to STICK/kiosk-fleet and say so in its
    // kiosk-report.txt (after the import's report when it wrote one).
    void after_stick(const std::filesystem::path& stick_dir, bool import_reported);
    // Every few seconds on the content worker; true when a peer's bundle was
    // installed (the caller reloads the content, as after a USB import).
    bool tick(std::int64_t now_unix);

    // For the staff menu: this kiosk's device ID (text and QR), and one line
    // per kiosk of the signed list with its version and whether it is in step.
    std::string device_id() const;
    std::string fleet_text(std::int64_t now_unix) const;

  private:
    fleet::PollConfig config() const;
    FleetPaths paths_;
    update::ContentValidator validate_;
    fleet::PollState state_;
};

}  // namespace kiosk::app
