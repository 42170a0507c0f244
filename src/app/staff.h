// The staff menu: opened by holding the top-left corner for 5 s, then a PIN.
// Visitors never find it by accident (a 5 s still press in a corner), and a
// stranger who does meets a PIN pad that locks after three wrong tries.
//
// The menu decides what to show; the StaffHost does the work (the window
// loop implements it against the data directory, the screen and systemd).
#pragma once

#include <string>
#include <vector>

#include "input/gesture.h"
#include "layout/staff.h"

namespace kiosk::app {

using input::Millis;

class StaffHost {
  public:
    virtual ~StaffHost() = default;
    virtual std::vector<std::string> status_lines() = 0;  // version, label, dates, clock
    virtual std::vector<std::string> import_log() = 0;
    virtual std::string rollback() = 0;  // what happened, for the screen
    virtual std::string rotate() = 0;
    virtual std::string brightness(int delta) = 0;
    virtual void restart() = 0;
    // A stick offered an older version than the one shown (refused until staff accept).
    virtual bool downgrade_pending() { return false; }
    virtual std::string accept_downgrade() { return {}; }
    // Visitor statistics for the Visitors screen (empty without a database).
    virtual stats::Summary visitors(bool /*all_days*/) { return {}; }
};

class StaffMenu {
  public:
    static constexpr int kMaxAttempts = 3;
    static constexpr Millis kLockoutMs = 60'000;

    StaffMenu(StaffHost& host, std::string pin) : host_(host), pin_(std::move(pin)) {}

    void command(int cmd, Millis now);
    void touch(float x, float y);  // in the touch test: mark where the finger landed
    const layout::StaffView& view() const { return view_; }
    bool closed() const { return closed_; }
    // Opening again after a close keeps the lockout of earlier wrong PINs.
    void reopen();

  private:
    void enter(Millis now);
    void show_menu();

    StaffHost& host_;
    std::string pin_, typed_;
    int failures_ = 0;
    Millis locked_until_ = 0;
    bool closed_ = false;
    layout::StaffView view_;
};

}  // namespace kiosk::app
