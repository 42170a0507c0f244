#include "app/staff_overlay.h"

#include <algorithm>

#include "layout/staff.h"

namespace kiosk::app {

bool StaffOverlay::in_corner(float x, float y, const layout::Screen& s) const {
    const float side = std::max(s.dpi / 25.4f * 12.0f,  // 12 mm
                                0.06f * static_cast<float>(std::min(s.width, s.height)));
    return x < side && y < side;
}

void StaffOverlay::show(const layout::PageContext& ctx) {
    corner_down_ = -1;
    if (!menu_)
        menu_ = std::make_unique<StaffMenu>(pin_);
    else
        menu_->reopen();
    menu_->set_info(info_);
    rebuild(ctx);
}

void StaffOverlay::close(Millis now) {
    if (menu_ && !menu_->closed())
        menu_->command(layout::kStaffClose, now);
    dl_.reset();
}

void StaffOverlay::set_info(const StaffInfo& info) {
    info_ = info;
    if (menu_)
        menu_->set_info(info_);
}

void StaffOverlay::message(std::string text) {
    if (menu_)
        menu_->show_message(std::move(text));
}

void StaffOverlay::rebuild(const layout::PageContext& ctx) {
    if (open())
        dl_ = std::make_shared<const layout::DisplayList>(layout::build_staff(ctx, menu_->view()));
}

}  // namespace kiosk::app
