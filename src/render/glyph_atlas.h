// Glyph cache: one texture holding every glyph bitmap drawn so far, keyed by
// (face, size, glyph id). Shelf-packed. When full it grows (up to the
// renderer's maximum texture size) and, at the maximum, evicts everything and
// starts over; glyphs are re-rasterised on demand, so nothing is ever lost.
//
// Lifetime: owned by the Renderer; borrows the SDL_Renderer and FontStack,
// both of which must outlive it.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <unordered_map>

#include "render/sdl_handles.h"
#include "text/text.h"

namespace kiosk::render {

struct AtlasGlyph {
    SDL_Rect src{0, 0, 0, 0};  // in the atlas texture; w == 0 for blank glyphs
    int left = 0, top = 0;     // px offset from pen position (top is up)
    bool color = false;        // colour emoji: drawn without tint
};

class GlyphAtlas {
  public:
    GlyphAtlas(SDL_Renderer* renderer, text::FontStack& fonts);

    // The glyph, rasterising and uploading it on first use. The texture may be
    // replaced by this call (growth/eviction): fetch texture() afterwards.
    const AtlasGlyph& get(text::FaceId face, uint32_t gid, float size_px);
    SDL_Texture* texture() const { return texture_.get(); }

    int side() const { return side_; }
    size_t glyph_count() const { return map_.size(); }
    int generations() const { return generations_; }  // growths + evictions, for tests

  private:
    bool allocate(int w, int h, SDL_Rect& out);
    void reset(int side);
    void upload(const text::GlyphBitmap& bm, const SDL_Rect& r);

    SDL_Renderer* renderer_;
    text::FontStack& fonts_;
    TexturePtr texture_;
    int side_ = 0, max_side_ = 1024;
    int shelf_x_ = 0, shelf_y_ = 0, shelf_h_ = 0;
    int generations_ = 0;
    std::unordered_map<uint64_t, AtlasGlyph> map_;
};

}  // namespace kiosk::render
