// The staff menu over the kiosk: the hidden corner that opens it, the menu
// itself, and its display list. Asks for work only through Effects.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/effect.h"
#include "app/staff.h"
#include "layout/display_list.h"
#include "layout/metrics.h"
#include "layout/pages.h"

namespace kiosk::app {

class StaffOverlay {
  public:
    static constexpr Millis kHoldMs = 5'000;  // a still press this long in the corner opens it

    // An empty PIN: there is no staff menu.
    explicit StaffOverlay(std::string pin) : pin_(std::move(pin)) {}

    bool available() const { return !pin_.empty(); }
    bool open() const { return menu_ && !menu_->closed(); }
    const StaffMenu* menu() const { return menu_.get(); }
    const std::shared_ptr<const layout::DisplayList>& page() const { return dl_; }

    bool in_corner(float x, float y, const layout::Screen& s) const;
    // The press in the corner that may open the menu; -1: none.
    Millis corner_down() const { return corner_down_; }
    void set_corner_down(Millis t) { corner_down_ = available() ? t : -1; }
    bool hold_done(Millis now) const { return corner_down_ >= 0 && now - corner_down_ >= kHoldMs; }

    void show(const layout::PageContext& ctx);  // opens (or reopens) the PIN pad
    std::optional<Effect> command(int cmd, Millis now) { return menu_->command(cmd, now); }
    void touch(float x, float y) { menu_->touch(x, y); }
    void close(Millis now);
    void set_info(const StaffInfo& info);
    void message(std::string text);
    void visitors(stats::Summary s) {
        if (menu_)
            menu_->set_visitors(std::move(s));
    }
    void rebuild(const layout::PageContext& ctx);

  private:
    std::string pin_;
    std::unique_ptr<StaffMenu> menu_;
    std::shared_ptr<const layout::DisplayList> dl_;
    StaffInfo info_;
    Millis corner_down_ = -1;
};

}  // namespace kiosk::app
