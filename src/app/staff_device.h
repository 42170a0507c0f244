// What the staff menu shows and changes on the device itself: the data
// directory's status and import log (read-only: rollback goes through the
// ContentService) and the backlight in /sys. Runs on the UI thread, between
// App steps, when App asks for it with an Effect.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/effect.h"
#include "app/fleet_glue.h"

namespace kiosk::app {

class StaffDevice {
  public:
    StaffDevice(std::filesystem::path data_dir, std::filesystem::path backlight_root)
        : data_(std::move(data_dir)), backlight_(std::move(backlight_root)) {}

    std::vector<std::string> status_lines() const;  // version, label, dates, clock
    std::vector<std::string> import_log() const;
    std::string brightness(int delta) const;  // what happened, for the menu
    // The fleet's device ID and kiosk lines, read from files when staff ask:
    // the content worker's FleetGlue is never touched from this thread.
    void set_fleet(FleetPaths paths) { fleet_ = std::move(paths); }
    void add_fleet(StaffInfo& info) const;

  private:
    std::filesystem::path data_, backlight_;
    std::optional<FleetPaths> fleet_;
};

}  // namespace kiosk::app
