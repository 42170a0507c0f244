#include "app/app.h"

#include <algorithm>

#include "layout/pages.h"

namespace kiosk::app {

using layout::Action;
using layout::PageId;

App::App(std::shared_ptr<const content::Bundle> bundle, text::FontStack& fonts, AppConfig cfg)
    : pages_(std::move(bundle), fonts),
      cfg_(cfg),
      session_(static_cast<int>(pages_.bundle().areas.size()), cfg.default_lang),
      staff_(cfg.staff_pin) {
    input::GestureConfig g;
    const float mm = cfg_.screen.dpi / 25.4f;
    g.slop_px = std::max(10.0f, 3.0f * mm);  // 3 mm: a resting finger wobbles less than that
    g.swipe_min_px = static_cast<float>(std::min(cfg_.screen.width, cfg_.screen.height)) * 0.12f;
    gestures_.set_config(g);
    scroller_.set_range(0);
}

layout::Screen App::screen() const {
    layout::Screen s = cfg_.screen;
    s.large_text = session_.large_text();
    return s;
}

std::shared_ptr<const layout::DisplayList> App::current() {
    auto dl = pages_.page(session_.page(), session_.lang(), screen());
    scroller_.set_range(dl->content_height - dl->viewport.h);
    page_height_ = dl->content_height;
    return dl;
}

void App::end_transition() {
    move_.kind = Transition::None;
    move_.from.reset();
}

void App::navigate(Transition kind, int direction, Millis now) {
    move_.kind = kind;
    move_.direction = direction;
    move_.start = move_.begun = now;
    scroller_.reset();
    current();  // sets the scroll range for the new page
    pressed_ = -1;
    mark(Cause::Input);
}

void App::perform(const Action& a, Millis now, Navigation how) {
    move_.from = current();
    move_.from_scroll = scroller_.offset();
    const auto moved = [&](Transition t, int dir) {
        navigate(t, dir, now);
        last_nav_ = how;
        last_nav_at_ = now;
    };
    switch (a.kind) {
        case Action::Kind::Open:
            session_.open(a.page);
            moved(Transition::Fade, 1);
            break;
        case Action::Kind::Back:
            if (session_.back())
                moved(Transition::Fade, -1);
            break;
        case Action::Kind::Previous:
        case Action::Kind::Next: {
            const int dir = a.kind == Action::Kind::Next ? 1 : -1;
            session_.step_area(dir);
            moved(Transition::Slide, dir);
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
    const auto& old_anchors = move_.from->anchors;
    const float old_scroll = move_.from_scroll;
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
    end_transition();
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
                perform(dl->targets[static_cast<size_t>(t)].action, now, Navigation::Tap);
            break;
        }
        case K::DragStart:
            staff_.set_corner_down(-1);
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
                        now, Navigation::Swipe);
            break;
    }
    mark(Cause::Input);
}

void App::pointer(const input::PointerEvent& e) {
    using T = input::PointerEvent::Type;
    now_ = std::max(now_, e.t);
    last_input_ = e.t;
    if (attract_.on) {
        if (e.type == T::Down)
            wake(e.t);
        return;
    }
    if (swallow_) {
        swallow_ = e.type != T::Up && e.type != T::Cancel;
        return;
    }
    if (staff_open()) {
        staff_pointer(e);
        return;
    }
    if (e.type == T::Down)
        staff_.set_corner_down(staff_.in_corner(e.x, e.y, cfg_.screen) ? e.t : -1);
    else if (e.type != T::Move)
        staff_.set_corner_down(-1);
    if (e.type == T::Down && move_.kind != Transition::None)
        end_transition();  // a touch finishes any animation at once
    for (const auto& g : gestures_.feed(e))
        on_gesture(g, e.t);
}

void App::key(std::string_view name, Millis now) {
    if (attract_.on) {
        wake(now);
        return;
    }
    last_input_ = now;
    const auto act = [&](const Action& a) { perform(a, now, Navigation::Key); };
    if (name == "Escape" || name == "Backspace" || name == "AC Back") {
        act(Action::of(Action::Kind::Back));
    } else if (name == "Home") {
        act(Action::open(PageId::home()));
    } else if ((name == "Right" || name == "Left") && session_.page().kind == PageId::Kind::Area) {
        act(Action::of(name == "Right" ? Action::Kind::Next : Action::Kind::Previous));
    } else if (name == "Down" || name == "PageDown" || name == "Up" || name == "PageUp") {
        const float step =
            (name.size() > 4 ? 0.8f : 0.15f) * static_cast<float>(cfg_.screen.height);
        scroller_.drag(name == "Down" || name == "PageDown" ? -step : step);
        mark(Cause::Input);
    }
}

void App::resize(const layout::Screen& screen) {
    cfg_.screen = screen;
    pages_.clear();
    end_transition();
    current();
    staff_.rebuild(pages_.context(Lang::En, cfg_.screen));
    mark(Cause::Expose);
}

void App::set_bundle(std::shared_ptr<const content::Bundle> bundle) {
    const std::string page = layout::page_name(pages_.bundle(), session_.page());
    pages_.set_bundle(std::move(bundle));
    session_.set_area_count(static_cast<int>(pages_.bundle().areas.size()));
    if (auto p = layout::parse_page(pages_.bundle(), page))
        session_.open(*p);
    end_transition();
    current();
    staff_.rebuild(pages_.context(Lang::En, cfg_.screen));
    mark(Cause::Content);
}

void App::show(const PageId& page, Lang lang, bool large_text) {
    session_.reset();
    session_.set_lang(lang);
    if (large_text)
        session_.toggle_large_text();
    session_.open(page);
    end_transition();
    scroller_.reset();
    attract_.on = false;  // the page asked for is what shows, not the attract loop
    last_input_ = now_;   // and stays until the idle timeout, as if a visitor opened it
    current();
    mark(Cause::Content);
}

bool App::animating() const {
    return move_.kind != Transition::None || scroller_.moving() || attract_fading();
}

bool App::tick(Millis now) {
    now_ = std::max(now_, now);
    if (scroller_.step(now_))
        mark(Cause::Animation);
    const Millis dur = move_.kind == Transition::Slide ? cfg_.slide_ms : cfg_.fade_ms;
    if (move_.kind != Transition::None) {
        mark(Cause::Animation);
        if (now_ - move_.start >= dur)
            end_transition();
    }
    if (gestures_.active() && staff_.hold_done(now_))
        open_staff();
    if (staff_open() && now_ - last_input_ >= cfg_.idle_timeout_ms)
        close_staff(now_);  // never left open for the next visitor
    if (notice_.page && now_ >= notice_.until) {
        notice_.page.reset();
        mark(Cause::Content);
    }
    tick_idle();
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

}  // namespace kiosk::app
