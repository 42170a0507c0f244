#include "app/staff.h"

namespace kiosk::app {

using layout::StaffView;

void StaffMenu::reopen() {
    closed_ = false;
    typed_.clear();
    view_ = StaffView{};
}

void StaffMenu::show_menu() {
    view_.screen = StaffView::Screen::Menu;
    view_.info = host_.status_lines();
    view_.confirm_rollback = false;
    view_.downgrade_offer = host_.downgrade_pending();
}

void StaffMenu::enter(Millis now) {
    if (now < locked_until_) {
        view_.message = "Locked after wrong PINs; try again in " +
                        std::to_string((locked_until_ - now + 999) / 1000) + " s";
    } else if (!pin_.empty() && typed_ == pin_) {
        failures_ = 0;
        view_.message.clear();
        show_menu();
    } else if (++failures_ >= kMaxAttempts) {
        failures_ = 0;
        locked_until_ = now + kLockoutMs;
        view_.message = "Wrong PIN; locked for " + std::to_string(kLockoutMs / 1000) + " s";
    } else {
        view_.message = "Wrong PIN";
    }
    typed_.clear();
    view_.pin_digits = 0;
}

void StaffMenu::command(int cmd, Millis now) {
    using namespace layout;
    if (view_.screen == StaffView::Screen::Pin) {
        if (cmd >= kStaffDigit0 && cmd <= kStaffDigit0 + 9 && typed_.size() < 12) {
            typed_ += static_cast<char>('0' + cmd);
        } else if (cmd == kStaffDelete && !typed_.empty()) {
            typed_.pop_back();
        } else if (cmd == kStaffEnter) {
            enter(now);
        } else if (cmd == kStaffClose) {
            closed_ = true;
        }
        view_.pin_digits = static_cast<int>(typed_.size());
        return;
    }
    view_.message.clear();
    if (cmd != kStaffRollbackConfirm)
        view_.confirm_rollback = false;
    switch (cmd) {
        case kStaffClose:
            closed_ = true;
            break;
        case kStaffMenu:
            show_menu();
            break;
        case kStaffLog:
            view_.screen = StaffView::Screen::Log;
            view_.log = host_.import_log();
            break;
        case kStaffTouchTest:
            view_.screen = StaffView::Screen::TouchTest;
            view_.touches.clear();
            break;
        case kStaffRollback:
            view_.confirm_rollback = true;
            break;  // a second tap confirms
        case kStaffRollbackConfirm:
            view_.message = host_.rollback();
            show_menu();
            break;
        case kStaffDowngrade:
            view_.message = host_.accept_downgrade();
            show_menu();
            break;
        case kStaffRotate:
            view_.message = host_.rotate();
            break;
        case kStaffBrighter:
            view_.message = host_.brightness(+1);
            break;
        case kStaffDimmer:
            view_.message = host_.brightness(-1);
            break;
        case kStaffRestart:
            host_.restart();
            break;
        case kStaffVisitors:
        case kStaffVisitorsToday:
        case kStaffVisitorsAll:
            view_.screen = StaffView::Screen::Visitors;
            view_.visitors_all = cmd == kStaffVisitorsAll;
            view_.visitors = host_.visitors(view_.visitors_all);
            break;
        default:
            break;
    }
}

void StaffMenu::touch(float x, float y) {
    constexpr size_t kMaxMarks = 200;  // a finger drawn across the screen all day stays bounded
    if (view_.touches.size() >= kMaxMarks)
        view_.touches.erase(view_.touches.begin());
    view_.touches.emplace_back(x, y);
}

}  // namespace kiosk::app
