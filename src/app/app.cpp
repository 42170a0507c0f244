#include "app/app.h"

#include <algorithm>
#include <cmath>

#include "layout/pages.h"
#include "layout/staff.h"
#include "layout/theme.h"

namespace kiosk::app {

namespace {
constexpr Millis kStaffHoldMs = 5'000;  // a still press this long in the corner opens the PIN pad
}

using layout::Action;
using layout::PageId;

App::App(std::shared_ptr<const content::Bundle> bundle, text::FontStack& fonts, AppConfig cfg)
    : bundle_(std::move(bundle)),
      fonts_(fonts),
      cfg_(cfg),
      session_(static_cast<int>(bundle_->areas.size()), cfg.default_lang) {
    input::GestureConfig g;
    const float mm = cfg_.screen.dpi / 25.4f;
    g.slop_px = std::max(10.0f, 3.0f * mm);  // 3 mm: a resting finger wobbles less than that
    g.swipe_min_px = static_cast<float>(std::min(cfg_.screen.width, cfg_.screen.height)) * 0.12f;
    gestures_.set_config(g);
    scroller_.set_range(0);
}

std::shared_ptr<const layout::DisplayList> App::build(const PageId& p) {
    layout::Screen s = cfg_.screen;
    s.large_text = session_.large_text();
    const CacheKey key{static_cast<int>(p.kind),
                       p.area,
                       static_cast<int>(session_.lang()),
                       s.large_text,
                       s.width,
                       s.height};
    if (auto it = cache_.find(key); it != cache_.end())
        return it->second;
    layout::PageContext ctx{*bundle_, fonts_, session_.lang(), s};
    auto dl = std::make_shared<const layout::DisplayList>(layout::build_page(ctx, p));
    cache_[key] = dl;
    return dl;
}

std::shared_ptr<const layout::DisplayList> App::attract_page(int index) {
    layout::Screen s = cfg_.screen;
    constexpr int kAttractKind = 100;  // cache key space apart from real pages
    const CacheKey key{kAttractKind, index,   static_cast<int>(session_.lang()),
                       false,        s.width, s.height};
    if (auto it = cache_.find(key); it != cache_.end())
        return it->second;
    layout::PageContext ctx{*bundle_, fonts_, session_.lang(), s};
    auto dl = std::make_shared<const layout::DisplayList>(layout::build_attract(ctx, index));
    cache_[key] = dl;
    return dl;
}

void App::set_staff(StaffHost* host, std::string pin) {
    staff_host_ = pin.empty() ? nullptr : host;
    staff_pin_ = std::move(pin);
}

bool App::in_staff_corner(float x, float y) const {
    const float side =
        std::max(cfg_.screen.dpi / 25.4f * 12.0f,  // 12 mm
                 0.06f * static_cast<float>(std::min(cfg_.screen.width, cfg_.screen.height)));
    return x < side && y < side;
}

void App::rebuild_staff() {
    layout::PageContext ctx{*bundle_, fonts_, Lang::En, cfg_.screen};
    staff_dl_ =
        std::make_shared<const layout::DisplayList>(layout::build_staff(ctx, staff_->view()));
    mark(Cause::Input);
}

void App::open_staff() {
    corner_down_ = -1;
    gestures_.feed({input::PointerEvent::Type::Cancel, 0, 0, now_});
    swallow_ = true;  // the holding finger does nothing more
    pressed_ = -1;
    if (!staff_)
        staff_ = std::make_unique<StaffMenu>(*staff_host_, staff_pin_);
    else
        staff_->reopen();
    rebuild_staff();
}

void App::staff_pointer(const input::PointerEvent& e) {
    using K = input::Gesture::Kind;
    for (const auto& g : gestures_.feed(e)) {
        const int t = staff_dl_->hit(g.x, g.y, 0);
        if (g.kind == K::Press) {
            pressed_ = t;
            if (staff_->view().screen == layout::StaffView::Screen::TouchTest)
                staff_->touch(g.x, g.y);
        } else if (g.kind == K::Release || g.kind == K::DragStart) {
            pressed_ = -1;
        } else if (g.kind == K::Tap) {
            pressed_ = -1;
            const auto& targets = staff_dl_->targets;
            if (t >= 0 && targets[static_cast<size_t>(t)].action.kind == Action::Kind::Staff)
                staff_->command(targets[static_cast<size_t>(t)].action.value, e.t);
        }
    }
    if (staff_->closed())
        close_staff(e.t);
    else
        rebuild_staff();
}

// Staff leave the kiosk as a visitor should find it.
void App::close_staff(Millis now) {
    if (!staff_->closed())
        staff_->command(layout::kStaffClose, now);
    pressed_ = -1;
    session_.reset();
    home_since_ = now;
    navigate(Transition::Fade, -1, now);
}

bool App::attract_fading() const {
    return attract_ && now_ - attract_slide_start_ < cfg_.attract_fade_ms;
}

// The first touch on the attract loop only wakes the kiosk: back to Home.
void App::wake(Millis now) {
    from_ = attract_page(attract_index_);
    from_scroll_ = 0;
    attract_ = false;
    swallow_ = true;
    last_input_ = now;
    navigate(Transition::Fade, -1, now);
}

std::shared_ptr<const layout::DisplayList> App::current() {
    auto dl = build(session_.page());
    scroller_.set_range(dl->content_height - dl->viewport.h);
    return dl;
}

void App::navigate(Transition kind, int direction, Millis now) {
    transition_ = kind;
    direction_ = direction;
    transition_start_ = now;
    scroller_.reset();
    current();  // sets the scroll range for the new page
    pressed_ = -1;
    mark(Cause::Input);
}

void App::perform(const Action& a, Millis now) {
    from_ = current();
    from_scroll_ = scroller_.offset();
    switch (a.kind) {
        case Action::Kind::Open:
            session_.open(a.page);
            navigate(Transition::Fade, 1, now);
            break;
        case Action::Kind::Back:
            if (session_.back())
                navigate(Transition::Fade, -1, now);
            break;
        case Action::Kind::Previous:
        case Action::Kind::Next: {
            const int dir = a.kind == Action::Kind::Next ? 1 : -1;
            session_.step_area(dir);
            navigate(Transition::Slide, dir, now);
            break;
        }
        case Action::Kind::SetLang:
            if (a.lang == session_.lang())
                break;
            session_.set_lang(a.lang);
            relayout_keeping_place();
            break;
        case Action::Kind::ToggleLargeText:
            session_.toggle_large_text();
            relayout_keeping_place();
            break;
        case Action::Kind::None:
        case Action::Kind::Staff:
            break;  // staff commands only come from the staff menu
    }
}

// Language or text size changed: same page, and the same paragraph at the top.
void App::relayout_keeping_place() {
    const auto& old_anchors = from_->anchors;
    const float old_scroll = from_scroll_;
    int index = -1;
    for (size_t i = 0; i < old_anchors.size(); ++i) {
        if (old_anchors[i] <= old_scroll + 1)
            index = static_cast<int>(i);
    }
    auto dl = current();
    float target = 0;
    if (index >= 0 && index < static_cast<int>(dl->anchors.size()) && old_scroll > 0)
        target = dl->anchors[static_cast<size_t>(index)];
    scroller_.set_offset(target);
    transition_ = Transition::None;
    from_.reset();
    pressed_ = -1;
    mark(Cause::Input);
}

void App::on_gesture(const input::Gesture& g, Millis now) {
    using K = input::Gesture::Kind;
    auto dl = current();
    switch (g.kind) {
        case K::Press:
            scroller_.stop();
            pressed_ = dl->hit(g.x, g.y, scroller_.offset());
            break;
        case K::Release:
            pressed_ = -1;
            break;
        case K::Tap: {
            pressed_ = -1;
            const int t = dl->hit(g.x, g.y, scroller_.offset());
            if (t >= 0)
                perform(dl->targets[static_cast<size_t>(t)].action, now);
            break;
        }
        case K::DragStart:
            corner_down_ = -1;
            break;
        case K::Drag:
            if (!g.horizontal)
                scroller_.drag(g.dy);
            break;
        case K::DragEnd:
            if (!g.horizontal)
                scroller_.fling(g.vy, now);
            break;
        case K::SwipeLeft:
        case K::SwipeRight:
            if (session_.page().kind == PageId::Kind::Area)
                perform(Action::of(g.kind == K::SwipeLeft ? Action::Kind::Next
                                                          : Action::Kind::Previous),
                        now);
            break;
    }
    mark(Cause::Input);
}

void App::pointer(const input::PointerEvent& e) {
    now_ = std::max(now_, e.t);
    last_input_ = e.t;
    if (attract_) {
        if (e.type == input::PointerEvent::Type::Down)
            wake(e.t);
        return;
    }
    if (swallow_) {
        swallow_ =
            e.type != input::PointerEvent::Type::Up && e.type != input::PointerEvent::Type::Cancel;
        return;
    }
    if (staff_open()) {
        staff_pointer(e);
        return;
    }
    if (e.type == input::PointerEvent::Type::Down)
        corner_down_ = staff_host_ && in_staff_corner(e.x, e.y) ? e.t : -1;
    else if (e.type != input::PointerEvent::Type::Move)
        corner_down_ = -1;
    if (e.type == input::PointerEvent::Type::Down && transition_ != Transition::None) {
        transition_ = Transition::None;  // a touch finishes any animation at once
        from_.reset();
    }
    for (const auto& g : gestures_.feed(e))
        on_gesture(g, e.t);
}

void App::key(std::string_view name, Millis now) {
    if (attract_) {
        wake(now);
        return;
    }
    last_input_ = now;
    if (name == "Escape" || name == "Backspace" || name == "AC Back") {
        perform(Action::of(Action::Kind::Back), now);
    } else if (name == "Home") {
        perform(Action::open(PageId::home()), now);
    } else if ((name == "Right" || name == "Left") && session_.page().kind == PageId::Kind::Area) {
        perform(Action::of(name == "Right" ? Action::Kind::Next : Action::Kind::Previous), now);
    } else if (name == "Down" || name == "PageDown" || name == "Up" || name == "PageUp") {
        const float step =
            (name.size() > 4 ? 0.8f : 0.15f) * static_cast<float>(cfg_.screen.height);
        scroller_.drag(name == "Down" || name == "PageDown" ? -step : step);
        mark(Cause::Input);
    }
}

void App::resize(const layout::Screen& screen) {
    cfg_.screen = screen;
    cache_.clear();
    transition_ = Transition::None;
    from_.reset();
    current();
    mark(Cause::Expose);
}

void App::set_bundle(std::shared_ptr<const content::Bundle> bundle) {
    const std::string page = layout::page_name(*bundle_, session_.page());
    bundle_ = std::move(bundle);
    cache_.clear();
    session_.set_area_count(static_cast<int>(bundle_->areas.size()));
    if (auto p = layout::parse_page(*bundle_, page))
        session_.open(*p);
    transition_ = Transition::None;
    from_.reset();
    current();
    mark(Cause::Content);
}

void App::show(const PageId& page, Lang lang, bool large_text) {
    session_.reset();
    session_.set_lang(lang);
    if (large_text)
        session_.toggle_large_text();
    session_.open(page);
    transition_ = Transition::None;
    from_.reset();
    scroller_.reset();
    current();
    mark(Cause::Content);
}

void App::notify(const std::string& text, float progress, Millis until) {
    if (text.empty()) {
        notice_.reset();
    } else {
        layout::Screen s = cfg_.screen;
        layout::PageContext ctx{*bundle_, fonts_, session_.lang(), s};
        notice_ =
            std::make_shared<const layout::DisplayList>(layout::build_notice(ctx, text, progress));
        notice_until_ = until;
    }
    mark(Cause::Content);
}

bool App::animating() const {
    return transition_ != Transition::None || scroller_.moving() || attract_fading();
}

Millis App::next_deadline() const {
    Millis d = -1;
    if (!session_.is_pristine() || scroller_.offset() != 0)
        d = last_input_ + cfg_.idle_timeout_ms;
    const auto sooner = [&d](Millis t) {
        if (d < 0 || t < d)
            d = t;
    };
    if (notice_)
        sooner(notice_until_);
    if (corner_down_ >= 0)
        sooner(corner_down_ + kStaffHoldMs);
    if (staff_open())
        sooner(last_input_ + cfg_.idle_timeout_ms);
    if (attract_)
        sooner(attract_slide_start_ + cfg_.attract_slide_ms);
    else if (cfg_.attract && session_.is_pristine() && scroller_.offset() == 0 &&
             !bundle_->areas.empty())
        sooner(std::max(last_input_, home_since_) + cfg_.attract_delay_ms);
    return d;
}

bool App::tick(Millis now) {
    now_ = std::max(now_, now);
    if (scroller_.step(now_))
        mark(Cause::Animation);
    const Millis dur = transition_ == Transition::Slide ? cfg_.slide_ms : cfg_.fade_ms;
    if (transition_ != Transition::None) {
        mark(Cause::Animation);
        if (now_ - transition_start_ >= dur) {
            transition_ = Transition::None;
            from_.reset();
        }
    }
    if (corner_down_ >= 0 && gestures_.active() && now_ - corner_down_ >= kStaffHoldMs)
        open_staff();
    if (staff_open() && now_ - last_input_ >= cfg_.idle_timeout_ms) {
        close_staff(now_);  // never left open for the next visitor
    }
    if (notice_ && now_ >= notice_until_) {
        notice_.reset();
        mark(Cause::Content);
    }
    const Millis idle_at =
        session_.is_pristine() && scroller_.offset() == 0 ? -1 : last_input_ + cfg_.idle_timeout_ms;
    if (idle_at >= 0 && now_ >= idle_at && !gestures_.active()) {
        // Idle: the next visitor finds Home in the default language.
        mark(Cause::Idle);
        from_ = current();
        from_scroll_ = scroller_.offset();
        session_.reset();
        home_since_ = now_;
        navigate(Transition::Fade, -1, now_);
    }
    tick_attract();
    return dirty_;
}

const char* cause_name(Cause c) {
    switch (c) {
        case Cause::None:
            return "none";
        case Cause::Input:
            return "input";
        case Cause::Animation:
            return "animation";
        case Cause::Content:
            return "content";
        case Cause::Expose:
            return "expose";
        case Cause::Idle:
            return "idle";
    }
    return "?";
}

void App::tick_attract() {
    const int n = static_cast<int>(bundle_->areas.size());
    if (n == 0)
        return;
    if (attract_) {
        if (now_ - attract_slide_start_ >= cfg_.attract_slide_ms) {
            attract_index_ = (attract_index_ + 1) % n;
            attract_slide_start_ = now_;
            from_home_ = false;
            mark(Cause::Idle);
        }
        if (attract_fading())
            mark(Cause::Animation);
        return;
    }
    const bool home_untouched = cfg_.attract && session_.is_pristine() && scroller_.offset() == 0 &&
                                transition_ == Transition::None && !gestures_.active() && !swallow_;
    if (home_untouched && now_ - std::max(last_input_, home_since_) >= cfg_.attract_delay_ms) {
        attract_ = true;
        attract_index_ = 0;
        attract_slide_start_ = now_;
        from_home_ = true;
        mark(Cause::Idle);
    }
}

Frame App::frame() {
    Frame f;
    f.cause = cause_;
    cause_ = Cause::None;
    if (staff_open()) {
        layout::ViewState v;
        v.pressed = pressed_;
        f.layers.push_back({staff_dl_, v});
        dirty_ = false;
        return f;
    }
    if (attract_) {
        f.background = {0, 0, 0, 255};
        const int n = static_cast<int>(bundle_->areas.size());
        const float t = static_cast<float>(now_ - attract_slide_start_) /
                        static_cast<float>(std::max<Millis>(1, cfg_.attract_fade_ms));
        if (t < 1) {
            // Cross-fade: the previous slide (or Home, for the first) under the new one.
            auto under = attract_index_ == 0 && from_home_
                             ? current()
                             : attract_page((attract_index_ + n - 1) % n);
            f.layers.push_back({under, layout::ViewState{}});
        }
        layout::ViewState v;
        v.opacity = std::clamp(t, 0.0f, 1.0f);
        f.layers.push_back({attract_page(attract_index_), v});
        if (notice_)
            f.layers.push_back({notice_, layout::ViewState{}});
        dirty_ = false;
        return f;
    }
    f.background = layout::theme::kPage;
    auto dl = current();
    layout::ViewState view;
    view.scroll = scroller_.offset();
    view.pressed = pressed_;
    bool show_current = true;
    if (transition_ != Transition::None && from_) {
        const Millis dur = transition_ == Transition::Slide ? cfg_.slide_ms : cfg_.fade_ms;
        const float t = std::clamp(
            static_cast<float>(now_ - transition_start_) / static_cast<float>(dur), 0.0f, 1.0f);
        const float ease = 1 - std::pow(1 - t, 3.0f);  // ease-out cubic: quick start, soft landing
        layout::ViewState from_view;
        from_view.scroll = from_scroll_;
        if (transition_ == Transition::Slide) {
            const float w = static_cast<float>(cfg_.screen.width) * static_cast<float>(direction_);
            from_view.dx = -ease * w;
            view.dx = (1 - ease) * w;
            f.layers.push_back({from_, from_view});
        } else if (t < 0.5f) {
            from_view.opacity = 1 - t * 2;  // fade out, then the new page fades in
            f.layers.push_back({from_, from_view});
            show_current = false;  // the new page is not visible yet
        } else {
            view.opacity = t * 2 - 1;
        }
    }
    if (show_current)
        f.layers.push_back({dl, view});
    if (notice_)
        f.layers.push_back({notice_, layout::ViewState{}});
    dirty_ = false;
    return f;
}

}  // namespace kiosk::app
