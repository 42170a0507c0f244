// The renderer draws what the DisplayList says: text in its colour, missing
// pictures as placeholders (never a crash), prepared pictures without their
// files, pressed targets darker.
#include <gtest/gtest.h>
#include <stb_image_write.h>
#include <unistd.h>

#include <filesystem>

#include "render/image_cache.h"
#include "render/layers.h"
#include "render/renderer.h"

namespace kiosk::render {
namespace {

struct Canvas {
    SurfacePtr surface{SDL_CreateRGBSurfaceWithFormat(0, 200, 100, 32, SDL_PIXELFORMAT_ARGB8888)};
    RendererPtr sdl{SDL_CreateSoftwareRenderer(surface.get())};
    uint32_t at(int x, int y) const {
        SDL_RenderFlush(sdl.get());
        return reinterpret_cast<const uint32_t*>(static_cast<const uint8_t*>(surface->pixels) +
                                                 y * surface->pitch)[x];
    }
};

std::unique_ptr<text::FontStack> fonts() {
    auto f = text::FontStack::load();
    return f ? std::move(f.value()) : nullptr;
}

// A 200×100 page of pictures; each shows `placeholder` when it cannot be read.
layout::DisplayList picture_page(
    const std::vector<std::pair<layout::Rect, std::string>>& pictures) {
    layout::DisplayList dl;
    dl.viewport = {0, 0, 200, 100};
    dl.content_height = 100;
    for (const auto& [rect, source] : pictures) {
        layout::DrawItem img;
        img.kind = layout::DrawItem::Kind::Image;
        img.rect = rect;
        img.color = {0x12, 0x34, 0x56, 255};  // the placeholder
        img.source = source;
        dl.items.push_back(img);
    }
    return dl;
}

TEST(Renderer, MissingPictureBecomesAPlaceholderFill) {
    auto fs = fonts();
    ASSERT_TRUE(fs);
    Canvas c;
    Renderer r(c.sdl.get(), *fs);
    const auto dl = picture_page({{{10, 10, 80, 60}, "/nonexistent/picture.jpg"}});
    r.clear({255, 255, 255, 255});
    r.draw(dl, {});
    EXPECT_EQ(c.at(50, 40) & 0xFFFFFF, 0x123456u);
    EXPECT_EQ(c.at(150, 40) & 0xFFFFFF, 0xFFFFFFu);
}

// The first frame's pictures, prepared at once on several threads: the draw
// that follows only looks them up (the files may be gone by then), and a
// missing one is the same placeholder as when drawn one by one.
TEST(Renderer, PreparedPicturesAreDrawnWithoutReadingTheirFilesAgain) {
    auto fs = fonts();
    ASSERT_TRUE(fs);
    const auto dir =
        std::filesystem::temp_directory_path() / ("kiosk-prepare-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto red = dir / "red.png";
    std::vector<uint8_t> px(16 * 16 * 4);
    for (size_t i = 0; i < px.size(); i += 4)
        px[i] = 0xE0, px[i + 1] = 0x10, px[i + 2] = 0x20, px[i + 3] = 255;
    ASSERT_TRUE(stbi_write_png(red.c_str(), 16, 16, 4, px.data(), 16 * 4));
    Canvas c;
    Renderer r(c.sdl.get(), *fs);
    const auto dl = picture_page(
        {{{10, 10, 40, 40}, red.string()}, {{100, 10, 40, 40}, (dir / "missing.png").string()}});
    r.images().prepare(picture_requests(dl), 4);
    std::filesystem::remove_all(dir);  // only what was prepared can be drawn now
    r.clear({255, 255, 255, 255});
    r.draw(dl, {});
    EXPECT_EQ(c.at(30, 30) & 0xFFFFFF, 0xE01020u);
    EXPECT_EQ(c.at(120, 30) & 0xFFFFFF, 0x123456u);
}

TEST(Renderer, TextIsDrawnInItsColourThroughTheAtlas) {
    auto fs = fonts();
    ASSERT_TRUE(fs);
    Canvas c;
    Renderer r(c.sdl.get(), *fs);
    layout::DisplayList dl;
    dl.viewport = {0, 0, 200, 100};
    layout::DrawItem t;
    t.kind = layout::DrawItem::Kind::Text;
    t.layer = layout::Layer::Chrome;
    text::TextStyle st;
    st.size_px = 60;
    t.text = std::make_shared<text::TextLayout>(text::layout_paragraph(*fs, "■", st, 200));
    t.rect = {0, 0, 200, t.text->height};
    t.color = {0xC0, 0x10, 0x20, 255};
    dl.items.push_back(t);
    r.clear({255, 255, 255, 255});
    r.draw(dl, {});
    int red = 0;
    for (int y = 0; y < 100; ++y)
        for (int x = 0; x < 200; ++x)
            red += (c.at(x, y) & 0xFFFFFF) == 0xC01020u;
    EXPECT_GT(red, 400);  // a solid block glyph, in the item's colour
    EXPECT_GT(r.atlas().glyph_count(), 0u);
    // Drawing again re-uses the atlas: no new glyphs.
    const size_t glyphs = r.atlas().glyph_count();
    r.draw(dl, {});
    EXPECT_EQ(r.atlas().glyph_count(), glyphs);
}

TEST(Renderer, PressedTargetIsDarkened) {
    auto fs = fonts();
    ASSERT_TRUE(fs);
    Canvas c;
    Renderer r(c.sdl.get(), *fs);
    layout::DisplayList dl;
    dl.viewport = {0, 0, 200, 100};
    dl.targets.push_back({{0, 0, 100, 100}, layout::Layer::Chrome, 0, {}, "b"});
    r.clear({200, 200, 200, 255});
    layout::ViewState v;
    v.pressed = 0;
    r.draw(dl, v);
    EXPECT_LT((c.at(50, 50) >> 16) & 0xFF, 200u);
    EXPECT_EQ((c.at(150, 50) >> 16) & 0xFF, 200u);
}

}  // namespace
}  // namespace kiosk::render

namespace kiosk::render {
namespace {

TEST(GlyphAtlas, GrowsAndEvictsInsteadOfRunningOut) {
    auto fs = fonts();
    ASSERT_TRUE(fs);
    Canvas c;
    GlyphAtlas atlas(c.sdl.get(), *fs);
    const int first_side = atlas.side();
    text::TextStyle st;
    st.size_px = 160;
    std::string many;
    for (char32_t cp = 0x4E00; cp < 0x4E00 + 900; ++cp) {  // 900 distinct Han characters
        many += static_cast<char>(0xE0 | (cp >> 12));
        many += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        many += static_cast<char>(0x80 | (cp & 0x3F));
    }
    const auto t = text::layout_paragraph(*fs, many, st, 1e6f);
    size_t drawn = 0;
    for (const auto& line : t.lines)
        for (const auto& g : line.glyphs)
            drawn += atlas.get(g.face, g.gid, st.size_px).src.w > 0;
    EXPECT_EQ(drawn, 900u);               // every glyph got a place
    EXPECT_GT(atlas.side(), first_side);  // it grew
    EXPECT_GT(atlas.generations(), 2);    // and, once at its maximum, started over
}

}  // namespace
}  // namespace kiosk::render
