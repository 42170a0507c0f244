// Pages painted on the worker thread must be the pixels the UI thread would
// have drawn, reach the screen without the UI thread drawing them, and leave
// nothing behind. Run under ThreadSanitizer by make test-tsan.
#include <gtest/gtest.h>

#include <cstring>

#include "canvas.h"
#include "render/renderer.h"

namespace kiosk::render {
namespace {

using namespace test;  // Canvas, fonts(), direct(), kW, kH, kBg

// Chrome bar over a column of blocks and text taller than two tiles; `tag`
// makes each page's text its own (new glyphs for the worker to rasterise).
std::shared_ptr<const layout::DisplayList> page(text::FontStack& fonts, int tag) {
    auto dl = std::make_shared<layout::DisplayList>();
    dl->viewport = {0, 40.5f, kW, kH - 40.5f};
    dl->content_height = 700;
    for (int i = 0; i < 7; ++i) {
        layout::DrawItem f;
        f.rect = {10, 100.0f * static_cast<float>(i) + 5, 150, 60};
        f.color = {static_cast<uint8_t>(30 * i), static_cast<uint8_t>(tag * 40), 0x90, 255};
        f.radius = 8;
        dl->items.push_back(f);
        layout::DrawItem t;
        t.kind = layout::DrawItem::Kind::Text;
        text::TextStyle st;
        st.size_px = 21;
        t.text = std::make_shared<text::TextLayout>(text::layout_paragraph(
            fonts, "頁 " + std::to_string(tag) + " 段 " + std::to_string(i), st, 140));
        t.rect = {170, 100.0f * static_cast<float>(i) + 20.3f, 140, t.text->height};
        t.color = {0x20, 0x20, 0x20, 255};
        dl->items.push_back(t);
    }
    layout::DrawItem bar;
    bar.layer = layout::Layer::Chrome;
    bar.rect = {0, 0, kW, 40.5f};
    bar.color = {0x1D, 0x35, 0x57, 255};
    dl->items.push_back(bar);
    return dl;
}

void frame(Renderer& r, const std::shared_ptr<const layout::DisplayList>& dl,
           const layout::ViewState& v) {
    r.clear(kBg);
    r.layers().begin_frame();
    r.layers().draw(dl, v, kBg);
}

// A renderer with the painter on, past its first frame (which tells the
// layers the screen size).
class Painter : public ::testing::Test {
  protected:
    void SetUp() override {
        fs = fonts();
        ASSERT_TRUE(fs);
        r = std::make_unique<Renderer>(c.sdl.get(), *fs);
        r->enable_painter();
        ASSERT_NE(r->painter(), nullptr);
        frame(*r, page(*fs, 0), {});
    }
    std::unique_ptr<text::FontStack> fs;
    Canvas c;
    std::unique_ptr<Renderer> r;  // declared after the canvas: destroyed before it
};

// A page faded in through the painter ends on exactly the directly drawn page,
// and a scroll afterwards uses the tiles it painted.
TEST_F(Painter, PaintedPageEqualsDrawingIt) {
    auto dl = page(*fs, 1);
    layout::ViewState fading;
    fading.opacity = 0.25f;
    frame(*r, dl, fading);  // not painted yet: the background shows, nothing stalls
    EXPECT_EQ(c.pixels(), direct(*fs, layout::DisplayList{}, {}));
    r->painter()->wait_idle();
    frame(*r, dl, {});
    EXPECT_TRUE(r->layers().has_snapshot(*dl, kBg));
    EXPECT_EQ(c.pixels(), direct(*fs, *dl, {}));
    layout::ViewState scrolled;
    scrolled.scroll = 120;
    frame(*r, dl, scrolled);
    EXPECT_EQ(c.pixels(), direct(*fs, *dl, scrolled));
}

// prefetch() before the first frame of a transition: the page is there when
// the transition shows it, and it is the one drawn.
TEST_F(Painter, PrefetchedPageIsUploadedNotDrawn) {
    for (int tag = 1; tag <= 3; ++tag) {
        auto dl = page(*fs, tag);
        r->prefetch(dl, kBg);
        EXPECT_FALSE(r->layers().has_snapshot(*dl, kBg));
        r->painter()->wait_idle();
        const size_t glyphs_before = r->atlas().glyph_count();
        layout::ViewState half;
        half.opacity = 0.5f;
        frame(*r, dl, half);
        EXPECT_TRUE(r->layers().has_snapshot(*dl, kBg)) << "page " << tag;
        frame(*r, dl, {});
        EXPECT_EQ(c.pixels(), direct(*fs, *dl, {})) << "page " << tag;
        EXPECT_EQ(r->atlas().glyph_count(), glyphs_before) << "the UI thread drew page " << tag;
    }
    EXPECT_LE(r->layers().bytes(), 2 * r->layers().budget());
}

// A page left before it was painted costs nothing later, and many requests in
// a row (a visitor tapping fast) end on the newest page.
TEST_F(Painter, NewestPageWinsAndLeftPagesAreDropped) {
    std::shared_ptr<const layout::DisplayList> last;
    for (int tag = 1; tag <= 6; ++tag) {
        last = page(*fs, tag % 4);
        r->prefetch(last, kBg);  // each request replaces the one not started yet
    }
    r->painter()->wait_idle();
    layout::ViewState half;
    half.opacity = 0.5f;
    frame(*r, last, half);
    EXPECT_TRUE(r->layers().has_snapshot(*last, kBg));
    auto gone = page(*fs, 9);
    r->prefetch(gone, kBg);
    const layout::DisplayList* gone_raw = gone.get();
    gone.reset();  // the visitor left: only the painter holds it
    r->painter()->wait_idle();
    frame(*r, last, {});
    EXPECT_FALSE(r->painter()->busy_with(gone_raw));
    EXPECT_FALSE(r->painter()->take().has_value());
    EXPECT_EQ(c.pixels(), direct(*fs, *last, {}));
}

}  // namespace
}  // namespace kiosk::render
