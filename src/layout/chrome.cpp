// The control bar every page shares: navigation on the left, language and text
// size on the right. Same place on every page, so visitors learn it once.
#include <algorithm>
#include <cmath>

#include "layout/pages.h"
#include "layout/theme.h"
#include "text/type_scale.h"

namespace kiosk::layout {
namespace {

constexpr float kControlEm = 0.8f;

struct LangButton {
    const char* label;  // each language names itself, in its own script
    Lang lang;
};
constexpr LangButton kLangButtons[] = {{"繁", Lang::ZhHK}, {"简", Lang::ZhHans}, {"EN", Lang::En}};

float button_width(Builder& b, const std::string& label, const text::TextStyle& st, float h) {
    return std::max(h, b.measure(label, st) + 2 * b.m().body * 0.7f);
}

}  // namespace

void control_bar(Builder& b, const PageId& page) {
    const Metrics& m = b.m();
    b.fill(Layer::Chrome, {0, 0, m.w, m.bar_h}, theme::kBar);
    b.fill(Layer::Chrome, {0, m.bar_h - 1, m.w, 1}, theme::kRule);
    const float pad = (m.bar_h - std::max(m.target, m.bar_h * 0.72f)) / 2;
    const float bh = m.bar_h - 2 * pad;
    const text::TextStyle st = b.style(kControlEm, text::Weight::Bold);

    // Left: where to go.
    float x = m.margin;
    auto left = [&](const std::string& label, Action a) {
        const float w = button_width(b, label, st, bh);
        b.button(Layer::Chrome, {x, pad, w, bh}, label, a, theme::kButton, theme::kInk, st);
        x += w + m.gap;
    };
    if (page.kind == PageId::Kind::Home) {
        left(b.ui("about"), Action::open(PageId::about()));
    } else {
        left(b.ui("home"), Action::open(PageId::home()));
        left("‹ " + b.ui("back"), Action::of(Action::Kind::Back));
    }

    // Right: A+ then the three languages, the active one dark.
    float r = m.w - m.margin;
    // A+ turns large text on, A− off (strings.yaml); one width for both, so the
    // language buttons do not move when it toggles.
    const std::string& larger = b.ui("larger_text");
    const std::string& smaller = b.ui("smaller_text");
    const std::string& size_label = b.ctx().screen.large_text ? smaller : larger;
    const float sw = std::max(button_width(b, larger, st, bh), button_width(b, smaller, st, bh));
    r -= sw;
    b.button(Layer::Chrome, {r, pad, sw, bh}, size_label, Action::of(Action::Kind::ToggleLargeText),
             theme::kButton, theme::kInk, st);
    r -= m.gap * 1.5f;
    for (int i = 2; i >= 0; --i) {
        const LangButton& lb = kLangButtons[i];
        text::TextStyle ls = st;
        ls.lang = lb.lang;
        const float w = button_width(b, "EN", ls, bh);
        r -= w;
        const bool active = lb.lang == b.lang();
        const Action a = Action::set_lang(lb.lang);
        b.button(Layer::Chrome, {r, pad, w, bh}, lb.label, a,
                 active ? theme::kButtonActive : theme::kButton,
                 active ? theme::kOnDark : theme::kInk, ls);
        r -= m.gap * 0.5f;
    }
}

float title_band(Builder& b, const std::string& title, Rgba color, const std::string& icon) {
    const Metrics& m = b.m();
    const float top = m.bar_h;
    text::TextStyle st = b.style(text::type_scale::kHeadingEm, text::Weight::Bold);
    const float icon_side = icon.empty() ? 0 : st.size_px * 1.5f;
    const float text_x = m.margin + (icon.empty() ? 0 : icon_side + m.gap);
    auto t = b.lay_heading(title, st, m.w - text_x - m.margin);
    const float h = std::max(t->height, icon_side) + 2 * m.gap;
    b.fill(Layer::Chrome, {0, top, m.w, h}, color);
    if (!icon.empty())
        b.image(Layer::Chrome, {m.margin, top + (h - icon_side) / 2, icon_side, icon_side}, icon);
    b.place(Layer::Chrome, t, text_x, top + (h - t->height) / 2, theme::kOnDark);
    return top + h;
}

void scroll_cue(Builder& b) {
    const Metrics& m = b.m();
    DisplayList& dl = b.dl();
    const Rect v = dl.viewport;
    if (!dl.more_below(0))
        return;
    // A fade to the page colour, in rows about 2 px tall on whole pixels:
    // fewer, taller rows read as stripes across the tiles beneath.
    const float h = std::round(m.body * 2.2f);
    const int steps = std::clamp(static_cast<int>(h / 2), 8, 48);
    const float y0 = v.bottom() - h;
    for (int i = 0; i < steps; ++i) {
        Rgba c = theme::kPage;
        c.a = static_cast<uint8_t>(255 * (i + 1) / (steps + 1));
        const float top = std::round(y0 + h * static_cast<float>(i) / static_cast<float>(steps));
        const float bottom =
            std::round(y0 + h * static_cast<float>(i + 1) / static_cast<float>(steps));
        b.fill(Layer::Chrome, {v.x, top, v.w, bottom - top}, c);
        dl.items.back().while_more_below = true;
    }
    text::TextStyle st = b.style(text::type_scale::kCaptionEm);
    const std::string chevron = "▼";
    const float cw = b.measure(chevron, st) + 2;
    auto t = b.lay(chevron, st, cw);
    b.place(Layer::Chrome, t, v.x + (v.w - cw) / 2, v.bottom() - t->height - b.m().gap * 0.25f,
            theme::kMuted);
    dl.items.back().while_more_below = true;
}

}  // namespace kiosk::layout
