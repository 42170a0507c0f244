// The attract loop's slides: an area's picture filling the screen, its title in
// the default language with the English below, and an invitation to touch.
#include <algorithm>

#include "layout/pages.h"
#include "layout/theme.h"
#include "text/type_scale.h"

namespace kiosk::layout {
namespace {

constexpr Rgba kVeil{0x10, 0x10, 0x10, 0xB8};  // keeps white text readable on any picture

}  // namespace

DisplayList build_attract(const PageContext& ctx, int area) {
    Builder b(ctx);
    const Metrics& m = b.m();
    const content::Area& a = ctx.bundle.areas[static_cast<size_t>(area)];
    b.dl().viewport = {0, 0, m.w, m.h};
    b.dl().content_height = m.h;
    if (!a.pictures.empty())
        b.image(Layer::Chrome, {0, 0, m.w, m.h}, a.pictures.front().file);

    // Top: the event's name.
    text::TextStyle ev = b.style(1.0f, text::Weight::Bold);
    auto top = b.lay(b.tr(ctx.bundle.event.title), ev, m.w - 2 * m.margin);
    b.fill(Layer::Chrome, {0, 0, m.w, top->height + 2 * m.gap}, kVeil);
    b.place(Layer::Chrome, top, m.margin, m.gap, theme::kOnDark);

    // Bottom: accent stripe, title (default language, then English), invitation.
    const float w = m.w - 2 * m.margin;
    auto title = b.lay_balanced(b.tr(a.title),
                                b.style(text::type_scale::kTitleEm * 1.2f, text::Weight::Bold), w);
    std::shared_ptr<const text::TextLayout> english;
    if (ctx.lang != Lang::En && a.title.has(Lang::En)) {
        text::TextStyle es = b.style(text::type_scale::kSubheadingEm);
        es.lang = Lang::En;
        english = b.lay(a.title.get(Lang::En), es, w);
    }
    text::TextStyle hs = b.style(0.9f);
    std::string hint = b.ui("tap_to_start");
    if (ctx.lang != Lang::En)
        hint += "  ·  " + ctx.bundle.ui("tap_to_start", Lang::En);
    auto invite = b.lay(hint, hs, w);
    const float block =
        title->height + (english ? english->height : 0) + invite->height + m.gap * 3;
    const float top_y = m.h - block;
    b.fill(Layer::Chrome, {0, top_y, m.w, block}, kVeil);
    b.fill(Layer::Chrome, {0, top_y, m.w, std::max(4.0f, m.body * 0.25f)},
           Rgba{a.accent.r, a.accent.g, a.accent.b, 255});
    float y = top_y + m.gap;
    b.place(Layer::Chrome, title, m.margin, y, theme::kOnDark);
    y += title->height;
    if (english) {
        b.place(Layer::Chrome, english, m.margin, y, theme::kOnDark);
        y += english->height;
    }
    b.place(Layer::Chrome, invite, m.margin, y + m.gap, Rgba{0xE8, 0xE4, 0xDC, 0xFF});
    return b.finish();
}

}  // namespace kiosk::layout
