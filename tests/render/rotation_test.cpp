// On a panel mounted turned, a touch must hit what is drawn under the finger:
// draw Home turned, then for every tile check that the pixel under a physical
// point has the tile's colour AND that the same point, turned back, hits it.
#include <gtest/gtest.h>

#include "content/loader.h"
#include "input/rotation.h"
#include "layout/pages.h"
#include "render/output.h"
#include "render/renderer.h"

namespace kiosk::render {
namespace {

TEST(Rotation, LogicalAndPhysicalAreInverse) {
    for (int deg : {0, 90, 180, 270}) {
        auto [x, y] = input::to_physical(100, 30, 1920, 1080, deg);
        auto [lx, ly] = input::to_logical(x, y, 1920, 1080, deg);
        EXPECT_FLOAT_EQ(lx, 100) << deg;
        EXPECT_FLOAT_EQ(ly, 30) << deg;
    }
    EXPECT_EQ(input::logical_size(1920, 1080, 90), (std::pair{1080, 1920}));
    EXPECT_EQ(input::normal_rotation(-90), 270);
}

struct Fixture {
    std::unique_ptr<text::FontStack> fonts;
    std::optional<content::Bundle> bundle;
};

Fixture& fixture() {
    static Fixture f = [] {
        Fixture x;
        if (auto fs = text::FontStack::load())
            x.fonts = std::move(fs.value());
        x.bundle = content::load_bundle(std::string(KIOSK_SOURCE_DIR) + "/content").bundle;
        return x;
    }();
    return f;
}

class Turned : public ::testing::TestWithParam<int> {};

TEST_P(Turned, TouchesLandOnTheTileDrawnUnderThem) {
    auto& fx = fixture();
    ASSERT_TRUE(fx.fonts && fx.bundle);
    const int deg = GetParam(), pw = 1280, ph = 800;
    SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, pw, ph, 32, SDL_PIXELFORMAT_ARGB8888));
    RendererPtr sdl(SDL_CreateSoftwareRenderer(surface.get()));
    ASSERT_TRUE(sdl);
    Output out(sdl.get(), pw, ph, deg);
    Renderer r(sdl.get(), *fx.fonts);
    layout::PageContext ctx{
        *fx.bundle, *fx.fonts, Lang::ZhHK, {out.logical_w(), out.logical_h(), 96, false}};
    const layout::DisplayList dl = layout::build_page(ctx, layout::PageId::home());
    out.begin();
    r.clear({255, 255, 255, 255});
    r.draw(dl, {});
    out.end();
    SDL_RenderFlush(sdl.get());

    int tiles = 0;
    for (size_t i = 0; i < dl.targets.size(); ++i) {
        const auto& t = dl.targets[i];
        if (t.action.page.kind != layout::PageId::Kind::Area)
            continue;
        ++tiles;
        // A point inside the tile, clear of its rounded corner, icon and title.
        const float lx = dl.viewport.x + t.rect.x + t.rect.w * 0.12f;
        const float ly = dl.viewport.y + t.rect.y + t.rect.h * 0.5f;
        auto [px, py] = input::to_physical(lx, ly, pw, ph, deg);
        const auto* row =
            static_cast<const uint8_t*>(surface->pixels) + static_cast<int>(py) * surface->pitch;
        const uint32_t pixel = reinterpret_cast<const uint32_t*>(row)[static_cast<int>(px)];
        const auto& accent = fx.bundle->areas[t.action.page.area].accent;
        EXPECT_EQ((pixel >> 16) & 0xFF, accent.r) << "tile " << t.label << " at " << deg;
        EXPECT_EQ((pixel >> 8) & 0xFF, accent.g) << "tile " << t.label << " at " << deg;
        auto [bx, by] = input::to_logical(px, py, pw, ph, deg);
        EXPECT_EQ(dl.hit(bx, by, 0), static_cast<int>(i)) << "tile " << t.label << " at " << deg;
    }
    EXPECT_EQ(tiles, 12);
}

INSTANTIATE_TEST_SUITE_P(Rotation, Turned, ::testing::Values(0, 90, 180, 270));

}  // namespace
}  // namespace kiosk::render
