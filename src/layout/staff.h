// The staff menu's screens as plain data, and their layout. English only: the
// staff guide is English and the menu is for the venue team, not visitors.
#pragma once

#include <string>
#include <vector>

#include "layout/builder.h"
#include "layout/display_list.h"
#include "stats/summary.h"

namespace kiosk::layout {

// Staff-menu commands carried in Action::value.
enum StaffCommand : int {
    kStaffDigit0 = 0,  // 0..9: PIN digits
    kStaffDelete = 10,
    kStaffEnter,
    kStaffClose,
    kStaffMenu,
    kStaffLog,
    kStaffTouchTest,
    kStaffRollback,
    kStaffRollbackConfirm,
    kStaffRotate,
    kStaffBrighter,
    kStaffDimmer,
    kStaffRestart,
    kStaffDowngrade,
    kStaffVisitors,
    kStaffVisitorsToday,
    kStaffVisitorsAll,
    kStaffFleet,
};

struct StaffView {
    enum class Screen { Pin, Menu, Log, TouchTest, Visitors, Fleet };
    Screen screen = Screen::Pin;
    int pin_digits = 0;                            // how many dots to show
    std::string message;                           // a result or a warning, shown prominently
    std::vector<std::string> info;                 // status lines (version, date, clock, ...)
    std::vector<std::string> log;                  // import log, newest last
    std::vector<std::pair<float, float>> touches;  // touch test marks
    bool confirm_rollback = false;
    bool downgrade_offer = false;    // a stick holds an older version: offer to install it
    stats::Summary visitors;         // the Visitors screen
    bool visitors_all = false;       // all days rather than today
    bool fleet_offer = false;        // fleet sync is set up: the menu offers the Fleet screen
    std::string fleet_id;            // the Fleet screen: this kiosk's device ID (text and QR)
    std::vector<std::string> fleet;  // the Fleet screen: one line per kiosk
};

DisplayList build_staff(const PageContext& ctx, const StaffView& v);

}  // namespace kiosk::layout
