#include "app/staff.h"

namespace kiosk::app {

using layout::StaffView;

const char* effect_name(Effect::Kind k) {
    switch (k) {
        case Effect::Kind::RefreshStaffInfo:
            return "refresh-staff-info";
        case Effect::Kind::Rollback:
            return "rollback";
        case Effect::Kind::AcceptDowngrade:
            return "accept-downgrade";
        case Effect::Kind::Rotate:
            return "rotate";
        case Effect::Kind::Brightness:
            return "brightness";
        case Effect::Kind::Restart:
            return "restart";
        case Effect::Kind::ShowVisitors:
            return "show-visitors";
    }
    return "?";
}

void StaffMenu::reopen() {
    closed_ = false;
    typed_.clear();
    view_ = StaffView{};
}

void StaffMenu::set_info(const StaffInfo& info) {
    info_ = info;
    if (view_.screen == StaffView::Screen::Menu) {
        view_.info = info_.status;
        if (!info_.last_refusal.empty())
            view_.info.push_back("Last stick refused: " + info_.last_refusal);
        view_.downgrade_offer = info_.downgrade_pending;
        view_.fleet_offer = info_.fleet;
    } else if (view_.screen == StaffView::Screen::Fleet) {
        view_.fleet_id = info_.fleet_id.empty() ? "(no Syncthing key yet)" : info_.fleet_id;
        view_.fleet = info_.kiosks;
    } else if (view_.screen == StaffView::Screen::Log) {
        view_.log = info_.log.empty() ? std::vector<std::string>{"No imports yet."} : info_.log;
    }
}

void StaffMenu::show_menu() {
    view_.screen = StaffView::Screen::Menu;
    view_.confirm_rollback = false;
    set_info(info_);
}

std::optional<Effect> StaffMenu::enter(Millis now) {
    std::optional<Effect> fx;
    if (now < locked_until_) {
        view_.message = "Locked after wrong PINs; try again in " +
                        std::to_string((locked_until_ - now + 999) / 1000) + " s";
    } else if (!pin_.empty() && typed_ == pin_) {
        failures_ = 0;
        view_.message.clear();
        show_menu();
        fx = Effect{Effect::Kind::RefreshStaffInfo};
    } else if (++failures_ >= kMaxAttempts) {
        failures_ = 0;
        locked_until_ = now + kLockoutMs;
        view_.message = "Wrong PIN; locked for " + std::to_string(kLockoutMs / 1000) + " s";
    } else {
        view_.message = "Wrong PIN";
    }
    typed_.clear();
    view_.pin_digits = 0;
    return fx;
}

std::optional<Effect> StaffMenu::command(int cmd, Millis now) {
    using namespace layout;
    using K = Effect::Kind;
    if (view_.screen == StaffView::Screen::Pin) {
        std::optional<Effect> fx;
        if (cmd >= kStaffDigit0 && cmd <= kStaffDigit0 + 9 && typed_.size() < 12) {
            typed_ += static_cast<char>('0' + cmd);
        } else if (cmd == kStaffDelete && !typed_.empty()) {
            typed_.pop_back();
        } else if (cmd == kStaffEnter) {
            fx = enter(now);
        } else if (cmd == kStaffClose) {
            closed_ = true;
        }
        view_.pin_digits = static_cast<int>(typed_.size());
        return fx;
    }
    view_.message.clear();
    if (cmd != kStaffRollbackConfirm)
        view_.confirm_rollback = false;
    switch (cmd) {
        case kStaffClose:
            closed_ = true;
            return std::nullopt;
        case kStaffMenu:
            show_menu();
            return Effect{K::RefreshStaffInfo};
        case kStaffLog:
            view_.screen = StaffView::Screen::Log;
            set_info(info_);
            return Effect{K::RefreshStaffInfo};
        case kStaffFleet:
            view_.screen = StaffView::Screen::Fleet;
            set_info(info_);
            return Effect{K::RefreshStaffInfo};
        case kStaffTouchTest:
            view_.screen = StaffView::Screen::TouchTest;
            view_.touches.clear();
            return std::nullopt;
        case kStaffRollback:
            view_.confirm_rollback = true;
            return std::nullopt;  // a second tap confirms
        case kStaffRollbackConfirm:
            view_.message = "Rolling back…";
            show_menu();
            return Effect{K::Rollback};
        case kStaffDowngrade:
            if (!info_.downgrade_pending) {
                view_.message = "No older version is waiting";
                return std::nullopt;
            }
            view_.message = "Installing the older version from the stick…";
            info_.downgrade_pending = false;
            show_menu();
            return Effect{K::AcceptDowngrade};
        case kStaffRotate:
            return Effect{K::Rotate};
        case kStaffBrighter:
            return Effect{K::Brightness, +1};
        case kStaffDimmer:
            return Effect{K::Brightness, -1};
        case kStaffRestart:
            return Effect{K::Restart};
        case kStaffVisitors:
        case kStaffVisitorsToday:
        case kStaffVisitorsAll:
            view_.screen = StaffView::Screen::Visitors;
            view_.visitors_all = cmd == kStaffVisitorsAll;
            return Effect{K::ShowVisitors, view_.visitors_all ? 1 : 0};
        default:
            return std::nullopt;
    }
}

void StaffMenu::touch(float x, float y) {
    constexpr size_t kMaxMarks = 200;  // a finger drawn across the screen all day stays bounded
    if (view_.touches.size() >= kMaxMarks)
        view_.touches.erase(view_.touches.begin());
    view_.touches.emplace_back(x, y);
}

}  // namespace kiosk::app
