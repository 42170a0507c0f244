// The Frame the App draws now: a page (two during a transition), the attract
// loop's cross-fade, the staff menu, and the notice banner on top.
#include <algorithm>
#include <cmath>

#include "app/app.h"
#include "layout/pages.h"
#include "layout/theme.h"

namespace kiosk::app {

void App::notify(const std::string& text, float progress, Millis until) {
    if (text.empty()) {
        notice_.page.reset();
    } else {
        notice_.page = std::make_shared<const layout::DisplayList>(
            layout::build_notice(pages_.context(session_.lang(), cfg_.screen), text, progress));
        notice_.until = until;
    }
    mark(Cause::Content);
}

void App::compose_attract(Frame& f) {
    f.background = {0, 0, 0, 255};
    const int n = static_cast<int>(pages_.bundle().areas.size());
    const float t = static_cast<float>(now_ - attract_.slide_start) /
                    static_cast<float>(std::max<Millis>(1, cfg_.attract_fade_ms));
    const Lang lang = session_.lang();
    if (t < 1) {
        // Cross-fade: the previous slide (or Home, for the first) under the new one.
        auto under = attract_.index == 0 && attract_.from_home
                         ? current()
                         : pages_.attract((attract_.index + n - 1) % n, lang, cfg_.screen);
        f.layers.push_back({under, layout::ViewState{}});
    }
    layout::ViewState v;
    v.opacity = std::clamp(t, 0.0f, 1.0f);
    f.layers.push_back({pages_.attract(attract_.index, lang, cfg_.screen), v});
}

std::pair<std::shared_ptr<const layout::DisplayList>, layout::Rgba> App::upcoming() {
    if (staff_open() || attract_.on)
        return {nullptr, layout::theme::kPage};
    return {current(), layout::theme::kPage};
}

bool App::wait_for_incoming() {
    if (move_.kind == Transition::None || !move_.from)
        return false;
    // The incoming page shows from a slide's first moment, from a fade's midpoint.
    const Millis hidden_until = move_.kind == Transition::Slide ? 0 : cfg_.fade_ms / 2;
    if (now_ - move_.start < hidden_until)
        return false;  // not visible yet: nothing to wait for
    const Millis start = now_ - hidden_until;
    if (start - move_.begun > cfg_.max_wait_ms)
        return false;  // waited long enough: the background shows until it is painted
    move_.start = std::max(move_.start, start);
    return true;
}

void App::compose_page(Frame& f) {
    f.background = layout::theme::kPage;
    auto dl = current();
    layout::ViewState view;
    view.scroll = scroller_.offset();
    view.pressed = pressed_;
    bool show_current = true;
    if (move_.kind != Transition::None && move_.from) {
        const Millis dur = move_.kind == Transition::Slide ? cfg_.slide_ms : cfg_.fade_ms;
        const float t = std::clamp(static_cast<float>(now_ - move_.start) / static_cast<float>(dur),
                                   0.0f, 1.0f);
        const float ease = 1 - std::pow(1 - t, 3.0f);  // ease-out cubic: quick start, soft landing
        layout::ViewState from_view;
        from_view.scroll = move_.from_scroll;
        if (move_.kind == Transition::Slide) {
            const float w =
                static_cast<float>(cfg_.screen.width) * static_cast<float>(move_.direction);
            from_view.dx = -ease * w;
            view.dx = (1 - ease) * w;
            f.layers.push_back({move_.from, from_view});
        } else if (t < 0.5f) {
            from_view.opacity = 1 - t * 2;  // fade out, then the new page fades in
            f.layers.push_back({move_.from, from_view});
            show_current = false;  // the new page is not visible yet
        } else {
            view.opacity = t * 2 - 1;
        }
    }
    if (show_current)
        f.layers.push_back({dl, view});
}

Frame App::frame() {
    Frame f;
    f.cause = cause_;
    cause_ = Cause::None;
    dirty_ = false;
    if (staff_open()) {
        layout::ViewState v;
        v.pressed = pressed_;
        f.layers.push_back({staff_.page(), v});
        return f;
    }
    if (attract_.on)
        compose_attract(f);
    else
        compose_page(f);
    if (notice_.page)
        f.layers.push_back({notice_.page, layout::ViewState{}});
    return f;
}

}  // namespace kiosk::app
