// The staff menu: opened by holding the top-left corner for 5 s, then a PIN.
// Visitors never find it by accident (a 5 s still press in a corner), and a
// stranger who does meets a PIN pad that locks after three wrong tries.
//
// The menu decides what to show and which Effect a button asks for; it does
// no work itself. What it shows of the device comes in as StaffInfo.
#pragma once

#include <optional>
#include <string>

#include "app/effect.h"
#include "input/gesture.h"
#include "layout/staff.h"

namespace kiosk::app {

using input::Millis;

class StaffMenu {
  public:
    static constexpr int kMaxAttempts = 3;
    static constexpr Millis kLockoutMs = 60'000;

    explicit StaffMenu(std::string pin) : pin_(std::move(pin)) {}

    std::optional<Effect> command(int cmd, Millis now);
    void touch(float x, float y);  // in the touch test: mark where the finger landed
    void set_info(const StaffInfo& info);
    void show_message(std::string text) { view_.message = std::move(text); }
    void set_visitors(stats::Summary s) { view_.visitors = std::move(s); }
    const layout::StaffView& view() const { return view_; }
    bool closed() const { return closed_; }
    // Opening again after a close keeps the lockout of earlier wrong PINs.
    void reopen();

  private:
    std::optional<Effect> enter(Millis now);
    void show_menu();

    std::string pin_, typed_;
    int failures_ = 0;
    Millis locked_until_ = 0;
    bool closed_ = false;
    StaffInfo info_;
    layout::StaffView view_;
};

}  // namespace kiosk::app
