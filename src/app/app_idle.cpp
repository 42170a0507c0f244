// The App's timers: the idle reset, the attract loop, and the staff overlay
// (opened by a long press in the corner, closed by staff or by idle).
#include <algorithm>

#include "app/app.h"

namespace kiosk::app {

bool App::untouched() const {
    return session_.is_pristine() && scroller_.offset() == 0;
}

void App::tick_idle() {
    const Millis idle_at = untouched() ? -1 : last_input_ + cfg_.idle_timeout_ms;
    if (idle_at < 0 || now_ < idle_at || gestures_.active())
        return;
    // Idle: the next visitor finds Home in the default language.
    mark(Cause::Idle);
    move_.from = current();
    move_.from_scroll = scroller_.offset();
    session_.reset();
    attract_.home_since = now_;
    navigate(Transition::Fade, -1, now_);
    last_nav_ = Navigation::Idle;
    last_nav_at_ = now_;
}

bool App::attract_fading() const {
    return attract_.on && now_ - attract_.slide_start < cfg_.attract_fade_ms;
}

// The first touch on the attract loop only wakes the kiosk: back to Home.
void App::wake(Millis now) {
    move_.from = pages_.attract(attract_.index, session_.lang(), cfg_.screen);
    move_.from_scroll = 0;
    attract_.on = false;
    swallow_ = true;
    last_input_ = now;
    navigate(Transition::Fade, -1, now);
}

void App::tick_attract() {
    const int n = static_cast<int>(pages_.bundle().areas.size());
    if (n == 0)
        return;
    if (attract_.on) {
        if (now_ - attract_.slide_start >= cfg_.attract_slide_ms) {
            attract_.index = (attract_.index + 1) % n;
            attract_.slide_start = now_;
            attract_.from_home = false;
            mark(Cause::Idle);
        }
        if (attract_fading())
            mark(Cause::Animation);
        return;
    }
    const bool home_untouched = cfg_.attract && untouched() && move_.kind == Transition::None &&
                                !gestures_.active() && !swallow_;
    if (home_untouched &&
        now_ - std::max(last_input_, attract_.home_since) >= cfg_.attract_delay_ms) {
        attract_.on = true;
        attract_.index = 0;
        attract_.slide_start = now_;
        attract_.from_home = true;
        mark(Cause::Idle);
    }
}

Millis App::next_deadline() const {
    Millis d = -1;
    if (!untouched())
        d = last_input_ + cfg_.idle_timeout_ms;
    const auto sooner = [&d](Millis t) {
        if (d < 0 || t < d)
            d = t;
    };
    if (notice_.page)
        sooner(notice_.until);
    if (staff_.corner_down() >= 0)
        sooner(staff_.corner_down() + StaffOverlay::kHoldMs);
    if (staff_open())
        sooner(last_input_ + cfg_.idle_timeout_ms);
    if (attract_.on)
        sooner(attract_.slide_start + cfg_.attract_slide_ms);
    else if (cfg_.attract && untouched() && !pages_.bundle().areas.empty())
        sooner(std::max(last_input_, attract_.home_since) + cfg_.attract_delay_ms);
    return d;
}

void App::open_staff() {
    gestures_.feed({input::PointerEvent::Type::Cancel, 0, 0, now_});
    swallow_ = true;  // the holding finger does nothing more
    pressed_ = -1;
    staff_.show(pages_.context(Lang::En, cfg_.screen));
    mark(Cause::Input);
}

void App::staff_pointer(const input::PointerEvent& e) {
    using K = input::Gesture::Kind;
    for (const auto& g : gestures_.feed(e)) {
        const int t = staff_.page()->hit(g.x, g.y, 0);
        if (g.kind == K::Press) {
            pressed_ = t;
            if (staff_.menu()->view().screen == layout::StaffView::Screen::TouchTest)
                staff_.touch(g.x, g.y);
        } else if (g.kind == K::Release || g.kind == K::DragStart) {
            pressed_ = -1;
        } else if (g.kind == K::Tap) {
            pressed_ = -1;
            const auto& targets = staff_.page()->targets;
            if (t >= 0 &&
                targets[static_cast<size_t>(t)].action.kind == layout::Action::Kind::Staff)
                emit(staff_.command(targets[static_cast<size_t>(t)].action.value, e.t));
        }
    }
    if (!staff_open())
        close_staff(e.t);
    else
        staff_.rebuild(pages_.context(Lang::En, cfg_.screen));
    mark(Cause::Input);
}

// Staff leave the kiosk as a visitor should find it.
void App::close_staff(Millis now) {
    staff_.close(now);
    pressed_ = -1;
    session_.reset();
    attract_.home_since = now;
    navigate(Transition::Fade, -1, now);
}

void App::set_staff_info(const StaffInfo& info) {
    staff_.set_info(info);
    if (staff_open()) {
        staff_.rebuild(pages_.context(Lang::En, cfg_.screen));
        mark(Cause::Content);
    }
}

void App::set_staff_visitors(stats::Summary summary) {
    staff_.visitors(std::move(summary));
    if (staff_open()) {
        staff_.rebuild(pages_.context(Lang::En, cfg_.screen));
        mark(Cause::Content);
    }
}

void App::staff_message(std::string text) {
    staff_.message(std::move(text));
    if (staff_open()) {
        staff_.rebuild(pages_.context(Lang::En, cfg_.screen));
        mark(Cause::Content);
    }
}

}  // namespace kiosk::app
