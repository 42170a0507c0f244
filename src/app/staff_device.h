// What the staff menu shows and changes on the device itself: the data
// directory's status and import log (read-only: rollback goes through the
// ContentService) and the backlight in /sys. Runs on the UI thread, between
// App steps, when App asks for it with an Effect.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/effect.h"

namespace kiosk::app {

class StaffDevice {
  public:
    StaffDevice(std::filesystem::path data_dir, std::filesystem::path backlight_root)
        : data_(std::move(data_dir)), backlight_(std::move(backlight_root)) {}

    std::vector<std::string> status_lines() const;  // version, label, dates, clock
    std::vector<std::string> import_log() const;
    std::string brightness(int delta) const;  // what happened, for the menu

  private:
    std::filesystem::path data_, backlight_;
};

}  // namespace kiosk::app
