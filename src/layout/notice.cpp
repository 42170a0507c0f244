// The banner that tells staff what a USB update is doing, over any page.
#include <algorithm>

#include "layout/pages.h"
#include "layout/theme.h"

namespace kiosk::layout {

DisplayList build_notice(const PageContext& ctx, const std::string& text, float progress) {
    Builder b(ctx);
    const Metrics& m = b.m();
    const float w = std::min(m.w - 2 * m.margin, m.body * 30);
    text::TextStyle st = b.style(0.9f, text::Weight::Bold);
    st.align = text::Align::Center;
    auto t = b.lay_balanced(text, st, w - 2 * m.gap);
    const float bar = progress >= 0 ? m.body * 0.35f : 0;
    const float h = t->height + 2 * m.gap + (bar > 0 ? bar + m.gap : 0);
    const Rect box{(m.w - w) / 2, m.h - m.margin - h - m.bar_h, w, h};
    b.fill(Layer::Chrome, box, Rgba{0x1E, 0x1E, 0x1E, 0xF0}, m.radius);
    b.place(Layer::Chrome, t, box.x + m.gap, box.y + m.gap, theme::kOnDark);
    if (bar > 0) {
        const Rect track{box.x + m.gap, box.bottom() - m.gap - bar, w - 2 * m.gap, bar};
        b.fill(Layer::Chrome, track, Rgba{0x55, 0x55, 0x55, 0xFF}, bar / 2);
        b.fill(Layer::Chrome,
               {track.x, track.y, std::max(bar, track.w * std::clamp(progress, 0.0f, 1.0f)), bar},
               theme::kOnDark, bar / 2);
    }
    b.dl().viewport = {0, 0, 0, 0};
    return b.finish();
}

}  // namespace kiosk::layout
