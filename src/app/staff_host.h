// The staff menu's actions on a real kiosk: the data directory (status, log,
// rollback), the backlight in /sys, rotation and restart through callbacks
// into the window loop.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>

#include "app/staff.h"
#include "content/model.h"

namespace kiosk::app {

struct StaffHooks {
    std::function<std::string()> rotate;  // turns the screen 90°, says how it is now
    std::function<void()> restart;        // ends the app (systemd starts it again)
    std::function<void(std::shared_ptr<const content::Bundle>)>
        show;                                 // new content after a rollback
    std::function<bool()> downgrade_pending;  // the updater holds a refused older version
    std::function<void()> accept_downgrade;   // import it after all
    std::function<stats::Summary(bool all_days)> visitors;  // the statistics, when recorded
};

class DeviceStaffHost : public StaffHost {
  public:
    DeviceStaffHost(std::filesystem::path data_dir, std::filesystem::path backlight_root,
                    StaffHooks hooks)
        : data_(std::move(data_dir)),
          backlight_(std::move(backlight_root)),
          hooks_(std::move(hooks)) {}

    std::vector<std::string> status_lines() override;
    std::vector<std::string> import_log() override;
    std::string rollback() override;
    std::string rotate() override {
        return hooks_.rotate ? hooks_.rotate() : "Rotation is not available";
    }
    std::string brightness(int delta) override;
    bool downgrade_pending() override {
        return hooks_.downgrade_pending && hooks_.downgrade_pending();
    }
    std::string accept_downgrade() override {
        if (!downgrade_pending())
            return "No older version is waiting";
        hooks_.accept_downgrade();
        return "Installing the older version from the stick…";
    }
    stats::Summary visitors(bool all_days) override {
        return hooks_.visitors ? hooks_.visitors(all_days) : stats::Summary{};
    }
    void restart() override {
        if (hooks_.restart)
            hooks_.restart();
    }

  private:
    std::filesystem::path data_, backlight_;
    StaffHooks hooks_;
};

}  // namespace kiosk::app
