#include "app/session.h"

namespace kiosk::app {

namespace {
constexpr size_t kMaxHistory = 64;  // a visitor tapping all day must not grow memory
}

void Session::open(const layout::PageId& p) {
    if (p == page_)
        return;
    history_.push_back(page_);
    if (history_.size() > kMaxHistory)
        history_.erase(history_.begin());
    page_ = p;
}

bool Session::back() {
    if (history_.empty()) {
        if (page_.kind == layout::PageId::Kind::Home)
            return false;
        page_ = layout::PageId::home();
        return true;
    }
    page_ = history_.back();
    history_.pop_back();
    return true;
}

void Session::step_area(int delta) {
    if (areas_ <= 0)
        return;
    int next = 0;
    if (page_.kind == layout::PageId::Kind::Area)
        next = ((page_.area + delta) % areas_ + areas_) % areas_;
    else if (delta < 0)
        next = areas_ - 1;
    // Stepping replaces the page rather than stacking: Back returns to where the visitor came from.
    page_ = layout::PageId::area_at(next);
}

void Session::set_area_count(int n) {
    areas_ = n;
    if (page_.kind == layout::PageId::Kind::Area && page_.area >= n)
        page_ = layout::PageId::home();
    history_.clear();
}

bool Session::is_pristine() const {
    return page_.kind == layout::PageId::Kind::Home && lang_ == default_lang_ && !large_text_;
}

void Session::reset() {
    page_ = layout::PageId::home();
    history_.clear();
    lang_ = default_lang_;
    large_text_ = false;
}

}  // namespace kiosk::app
