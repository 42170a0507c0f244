// Retained layers must show exactly what drawing the page directly shows:
// scrolled, faded and after a fade, on a fractional viewport (as real pages have).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "canvas.h"
#include "render/fade.h"
#include "render/renderer.h"

namespace kiosk::render {
namespace {

using namespace test;  // Canvas, fonts(), direct(), kW, kH, kBg

// A bar of Chrome over a scrolling column of coloured blocks and text, taller than a tile.
std::shared_ptr<const layout::DisplayList> page(text::FontStack& fonts) {
    auto dl = std::make_shared<layout::DisplayList>();
    dl->viewport = {0, 40.5f, kW, kH - 40.5f};
    dl->content_height = 900;
    for (int i = 0; i < 9; ++i) {
        layout::DrawItem f;
        f.rect = {10, 100.0f * static_cast<float>(i) + 5, 150, 60};
        f.color = {static_cast<uint8_t>(20 * i), 0x80, static_cast<uint8_t>(255 - 20 * i), 255};
        f.radius = 8;
        dl->items.push_back(f);
        layout::DrawItem t;
        t.kind = layout::DrawItem::Kind::Text;
        text::TextStyle st;
        st.size_px = 22;
        t.text = std::make_shared<text::TextLayout>(
            text::layout_paragraph(fonts, "段落 " + std::to_string(i), st, 140));
        t.rect = {170, 100.0f * static_cast<float>(i) + 20.3f, 140, t.text->height};
        t.color = {0x20, 0x20, 0x20, 255};
        dl->items.push_back(t);
    }
    layout::DrawItem bar;
    bar.layer = layout::Layer::Chrome;
    bar.rect = {0, 0, kW, 40.5f};
    bar.color = {0x8B, 0x6A, 0x00, 255};
    dl->items.push_back(bar);
    return dl;
}

TEST(Layers, ScrolledPageMatchesDirectDrawing) {
    auto fs = fonts();
    ASSERT_TRUE(fs);
    auto dl = page(*fs);
    Canvas c;
    Renderer r(c.sdl.get(), *fs);
    for (float scroll : {0.0f, 37.0f, 300.0f, 661.0f}) {
        layout::ViewState v;
        v.scroll = scroll;
        r.clear(kBg);
        r.layers().begin_frame();
        r.layers().draw(dl, v, kBg);
        EXPECT_EQ(c.pixels(), direct(*fs, *dl, v)) << "scroll " << scroll;
    }
    EXPECT_GT(r.layers().bytes(), 0u);
    EXPECT_LE(r.layers().bytes(), r.layers().budget());
}

// The scroll cue (Chrome marked while_more_below) shows while content lies
// below the viewport and is gone at the end of the scroll, through the layers
// (snapshot, then scroll frames over it) as in direct drawing.
TEST(Layers, ScrollCueHidesAtTheEnd) {
    auto fs = fonts();
    ASSERT_TRUE(fs);
    auto base = page(*fs);
    auto dl = std::make_shared<layout::DisplayList>(*base);
    layout::DrawItem cue;
    cue.layer = layout::Layer::Chrome;
    cue.rect = {200, kH - 20, 40, 20};
    cue.color = {0x00, 0xFF, 0x00, 255};
    cue.while_more_below = true;
    dl->items.push_back(cue);
    const float end = dl->content_height - dl->viewport.h;
    Canvas c;
    Renderer r(c.sdl.get(), *fs);
    const auto green_at_cue = [&] {
        return (c.pixels()[static_cast<size_t>(kH - 10) * kW + 220] & 0xFFFFFF) == 0x00FF00u;
    };
    for (float scroll : {0.0f, end - 30, end, 0.0f}) {
        layout::ViewState v;
        v.scroll = scroll;
        r.clear(kBg);
        r.layers().begin_frame();
        r.layers().draw(dl, v, kBg);
        EXPECT_EQ(green_at_cue(), scroll < end) << "scroll " << scroll;
        EXPECT_EQ(c.pixels(), direct(*fs, *dl, v)) << "scroll " << scroll;
    }
    EXPECT_TRUE(dl->more_below(end - 2));
    EXPECT_FALSE(dl->more_below(end));
}

TEST(Layers, FadeBlendsTheWholePageAndLeavesNoTranslucencyBehind) {
    auto fs = fonts();
    ASSERT_TRUE(fs);
    auto dl = page(*fs);
    Canvas c;
    Renderer r(c.sdl.get(), *fs);
    layout::ViewState half;
    half.opacity = 0.5f;
    r.clear(kBg);
    r.layers().begin_frame();
    r.layers().draw(dl, half, kBg);
    const auto faded = c.pixels();
    // The bar's colour halfway between the background and itself.
    const uint32_t bar = faded[static_cast<size_t>(10) * kW + 10];
    EXPECT_NEAR(static_cast<int>((bar >> 16) & 0xFF), (0x8B + 0xF4) / 2, 2);
    EXPECT_NEAR(static_cast<int>(bar & 0xFF), (0x00 + 0xEE) / 2, 2);
    r.clear(kBg);
    r.layers().begin_frame();
    r.layers().draw(dl, {}, kBg);
    EXPECT_EQ(c.pixels(), direct(*fs, *dl, {}));
}

// The fade blends only where the page has items; everywhere else the frame's
// background is already the answer. The result must equal blending every pixel.
TEST(Layers, FadeOnlyWhereThePageDrawsEqualsBlendingEveryPixel) {
    auto fs = fonts();
    ASSERT_TRUE(fs);
    auto dl = page(*fs);
    Canvas c;
    Renderer r(c.sdl.get(), *fs);
    for (float scroll : {0.0f, 213.0f}) {
        layout::ViewState full;
        full.scroll = scroll;
        const auto opaque = direct(*fs, *dl, full);
        for (float opacity : {0.2f, 0.5f, 0.9f}) {
            layout::ViewState v = full;
            v.opacity = opacity;
            r.clear(kBg);
            r.layers().begin_frame();
            r.layers().draw(dl, v, kBg);
            const auto alpha = static_cast<uint32_t>(std::lround(255 * opacity));
            std::vector<uint32_t> want(opaque.size());
            blend_rows(opaque.data(), want.data(), opaque.size(), alpha, kBg);
            const auto got = c.pixels();
            size_t wrong = 0;
            for (size_t i = 0; i < got.size(); ++i)
                wrong += (got[i] & 0xFFFFFF) != (want[i] & 0xFFFFFF);
            EXPECT_EQ(wrong, 0u) << "scroll " << scroll << ", opacity " << opacity;
        }
    }
    const auto bands = ink_bands(*dl, 0, kW, kH, BackgroundFade::kBandHeight);
    ASSERT_FALSE(bands.empty());
    EXPECT_EQ(bands.front().y, 0);  // the bar
}

// A frame over a background the target was not cleared to: the first layer
// writes every pixel itself (the scroll frame from its snapshot and tiles, the
// fade straight into the screen's surface, around its bands), and a frame
// without layers is the background. Stale pixels must never show through.
TEST(Layers, UnclearedFramesCoverEveryPixel) {
    auto fs = fonts();
    ASSERT_TRUE(fs);
    auto dl = page(*fs);
    Canvas c;
    Renderer r(c.sdl.get(), *fs);
    r.set_screen_surface(c.surface.get());
    const auto stale = [&] { SDL_FillRect(c.surface.get(), nullptr, 0xFF00FF); };
    const auto frame = [&](const layout::ViewState& v) {
        stale();
        r.layers().begin_frame(kBg);
        r.layers().draw(dl, v, kBg);
        r.layers().end_frame();
        return c.pixels();
    };
    for (float scroll : {0.0f, 213.0f}) {
        layout::ViewState v;
        v.scroll = scroll;
        EXPECT_EQ(frame(v), direct(*fs, *dl, v)) << "scroll " << scroll;
        const auto opaque = direct(*fs, *dl, v);
        for (float opacity : {0.3f, 0.8f}) {
            v.opacity = opacity;
            const auto alpha = static_cast<uint32_t>(std::lround(255 * opacity));
            std::vector<uint32_t> want(opaque.size());
            blend_rows(opaque.data(), want.data(), opaque.size(), alpha, kBg);
            const auto got = frame(v);
            size_t wrong = 0;
            for (size_t i = 0; i < got.size(); ++i)
                wrong += (got[i] & 0xFFFFFF) != (want[i] & 0xFFFFFF);
            EXPECT_EQ(wrong, 0u) << "scroll " << scroll << ", opacity " << opacity;
        }
    }
    stale();
    r.layers().begin_frame(kBg);
    r.layers().end_frame();
    EXPECT_EQ(c.pixels(), direct(*fs, layout::DisplayList{}, {}));
}

// The vector path (16 and 4 pixels a step) and the one-pixel tail give the same bytes.
TEST(Layers, BlendRowsVectorAndScalarAgree) {
    std::vector<uint32_t> src(37);
    uint32_t x = 12345;
    for (auto& p : src)
        p = (x = x * 1103515245u + 12345u) & 0xFFFFFF;
    for (uint32_t alpha : {0u, 1u, 77u, 128u, 200u, 255u}) {
        std::vector<uint32_t> all(src.size()), one(src.size());
        blend_rows(src.data(), all.data(), src.size(), alpha, kBg);
        for (size_t i = 0; i < src.size(); ++i)
            blend_rows(&src[i], &one[i], 1, alpha, kBg);
        for (size_t i = 0; i < src.size(); ++i)
            EXPECT_EQ(all[i] & 0xFFFFFF, one[i] & 0xFFFFFF) << "pixel " << i << " alpha " << alpha;
    }
}

TEST(Layers, BudgetHoldsAcrossManyPages) {
    auto fs = fonts();
    ASSERT_TRUE(fs);
    Canvas c;
    Renderer r(c.sdl.get(), *fs);
    std::vector<std::shared_ptr<const layout::DisplayList>> pages;
    for (int i = 0; i < 40; ++i) {
        pages.push_back(page(*fs));
        layout::ViewState v;
        v.dx = 10;  // a slide: needs the page's snapshot
        r.layers().begin_frame();
        r.layers().draw(pages.back(), v, kBg);
        EXPECT_LE(r.layers().bytes(), r.layers().budget());
    }
}

}  // namespace
}  // namespace kiosk::render
