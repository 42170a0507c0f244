// Shared by the render tests: a 320×240 software canvas, the fonts, the page
// background, and the reference picture (a page drawn directly, no layers).
#pragma once

#include <cstring>
#include <memory>
#include <vector>

#include "render/renderer.h"

namespace kiosk::render::test {

constexpr int kW = 320, kH = 240;
constexpr layout::Rgba kBg{0xF4, 0xF2, 0xEE, 255};

struct Canvas {
    SurfacePtr surface{SDL_CreateRGBSurfaceWithFormat(0, kW, kH, 32, SDL_PIXELFORMAT_RGB888)};
    RendererPtr sdl{SDL_CreateSoftwareRenderer(surface.get())};
    std::vector<uint32_t> pixels() const {
        SDL_RenderFlush(sdl.get());
        std::vector<uint32_t> px(static_cast<size_t>(kW) * kH);
        for (int y = 0; y < kH; ++y)
            std::memcpy(&px[static_cast<size_t>(y) * kW],
                        static_cast<const uint8_t*>(surface->pixels) + y * surface->pitch, kW * 4);
        return px;
    }
};

inline std::unique_ptr<text::FontStack> fonts() {
    auto f = text::FontStack::load();
    return f ? std::move(f.value()) : nullptr;
}

// `dl` drawn item by item over the background: what every layered frame must equal.
inline std::vector<uint32_t> direct(text::FontStack& fs, const layout::DisplayList& dl,
                                    const layout::ViewState& v) {
    Canvas c;
    Renderer r(c.sdl.get(), fs);
    r.clear(kBg);
    r.draw(dl, v);
    return c.pixels();
}

}  // namespace kiosk::render::test
