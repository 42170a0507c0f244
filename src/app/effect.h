// What App asks the world to do. App never does these itself and nothing
// calls back into App while it runs: the window loop (or the headless replay)
// takes the effects after each step, carries them out, and feeds results back
// as input (App::staff_message, App::set_staff_info, App::set_bundle, ...).
#pragma once

#include <string>
#include <vector>

namespace kiosk::app {

struct Effect {
    enum class Kind {
        RefreshStaffInfo,  // the staff menu wants status lines and the import log
        Rollback,          // staff confirmed "go back one version" (ContentService)
        AcceptDowngrade,   // staff accepted the older version waiting on a stick
        Rotate,            // turn the screen 90° until restart
        Brightness,        // value: +1 brighter, -1 dimmer
        Restart,           // end the app (systemd starts it again)
        ShowVisitors,      // the Visitors screen wants figures; value: 1 all days, 0 today
    };
    Kind kind = Kind::RefreshStaffInfo;
    int value = 0;

    bool operator==(const Effect&) const = default;
};
const char* effect_name(Effect::Kind k);

// What the staff menu shows, read by the loop from the device (StaffDevice).
struct StaffInfo {
    std::vector<std::string> status;  // version, label, dates, clock
    std::vector<std::string> log;     // the import log's last lines
    bool downgrade_pending = false;
    std::string last_refusal;         // the full reason the last stick was refused
    bool fleet = false;               // fleet sync is set up: offer the Fleet screen
    std::string fleet_id;             // this kiosk's Syncthing device ID (text and QR)
    std::vector<std::string> kiosks;  // one line per kiosk of the fleet, with its version
};

}  // namespace kiosk::app
