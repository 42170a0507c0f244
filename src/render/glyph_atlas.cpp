#include "render/glyph_atlas.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "base/log.h"

namespace kiosk::render {
namespace {

constexpr int kInitialSide = 512;  // 1 MiB: Home and the chrome fit
// 1024² ARGB is 4 MiB (the memory budget, docs/performance.md): a page's glyphs
// at kiosk sizes fit (a 1920×1080 area page uses ~1.5 MiB of it); beyond that,
// evicting and re-rasterising a page's glyphs is cheaper than RAM. Each page is
// drawn once into retained layers, so evictions cost only first visits.
constexpr int kMaxSide = 1024;
constexpr int kPad = 1;  // transparent border so neighbours never bleed

uint64_t key(text::FaceId face, uint32_t gid, float size_px) {
    // Sizes are quantised to 1/4 px: finer steps would only duplicate bitmaps.
    const auto q = static_cast<uint64_t>(std::lround(size_px * 4)) & 0xFFFF;
    return (uint64_t{face} << 48) | (q << 32) | gid;
}

}  // namespace

GlyphAtlas::GlyphAtlas(SDL_Renderer* renderer, text::FontStack& fonts)
    : renderer_(renderer), fonts_(fonts) {
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(renderer_, &info) == 0 && info.max_texture_width > 0)
        max_side_ = std::min({kMaxSide, info.max_texture_width, info.max_texture_height});
    else
        max_side_ = kMaxSide;
    reset(std::min(kInitialSide, max_side_));
}

void GlyphAtlas::reset(int side) {
    side_ = side;
    texture_.reset(SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC,
                                     side, side));
    if (!texture_) {
        log_error(std::string("cannot create the glyph atlas: ") + SDL_GetError());
        return;
    }
    // No full-size clear: each glyph's slot, border included, is written whole
    // on upload, and nothing outside the slots is ever sampled.
    SDL_SetTextureBlendMode(texture_.get(), SDL_BLENDMODE_BLEND);
    shelf_x_ = shelf_y_ = shelf_h_ = 0;
    map_.clear();
    ++generations_;
}

bool GlyphAtlas::allocate(int w, int h, SDL_Rect& out) {
    if (shelf_x_ + w > side_) {
        shelf_y_ += shelf_h_;
        shelf_x_ = shelf_h_ = 0;
    }
    if (w > side_ || shelf_y_ + h > side_)
        return false;
    out = {shelf_x_, shelf_y_, w, h};
    shelf_x_ += w;
    shelf_h_ = std::max(shelf_h_, h);
    return true;
}

void GlyphAtlas::upload(const text::GlyphBitmap& bm, const SDL_Rect& r) {
    // ARGB8888, straight alpha: coverage glyphs are white with alpha = coverage
    // (tinted by colour mod); colour emoji arrive premultiplied and are un-premultiplied.
    // The whole slot: the bitmap plus its transparent border.
    std::vector<uint32_t> px(static_cast<size_t>(r.w) * r.h, 0);
    for (int y = 0; y < bm.height; ++y) {
        for (int x = 0; x < bm.width; ++x) {
            const size_t i = static_cast<size_t>(y) * bm.width + x;
            uint32_t& out = px[static_cast<size_t>(y + kPad) * r.w + x + kPad];
            if (!bm.color) {
                out = (uint32_t{bm.pixels[i]} << 24) | 0xFFFFFF;
                continue;
            }
            const uint8_t* p = &bm.pixels[i * 4];  // R G B A premultiplied
            const uint32_t a = p[3];
            const auto un = [a](uint32_t c) {
                return a ? std::min<uint32_t>(255, c * 255 / a) : 0;
            };
            out = (a << 24) | (un(p[0]) << 16) | (un(p[1]) << 8) | un(p[2]);
        }
    }
    SDL_UpdateTexture(texture_.get(), &r, px.data(), r.w * 4);
}

const AtlasGlyph& GlyphAtlas::get(text::FaceId face, uint32_t gid, float size_px) {
    const uint64_t k = key(face, gid, size_px);
    if (auto it = map_.find(k); it != map_.end())
        return it->second;
    const text::GlyphBitmap bm = text::rasterize(fonts_, face, gid, size_px);
    AtlasGlyph g;
    g.left = bm.left;
    g.top = bm.top;
    g.color = bm.color;
    if (bm.width > 0 && bm.height > 0 && texture_) {
        SDL_Rect slot;
        const int w = bm.width + 2 * kPad, h = bm.height + 2 * kPad;
        if (!allocate(w, h, slot)) {
            // Grow while we can; at the maximum size start over (evict all).
            reset(side_ < max_side_ ? std::min(side_ * 2, max_side_) : side_);
            if (!allocate(w, h, slot))
                return map_[k] = g;  // larger than the atlas: skip
        }
        upload(bm, slot);
        g.src = {slot.x + kPad, slot.y + kPad, bm.width, bm.height};
    }
    return map_[k] = g;
}

}  // namespace kiosk::render
