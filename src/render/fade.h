// A page fading over its flat background with the software renderer, at a
// cost proportional to what the page draws, not to the screen.
//
// Where a page has no items its snapshot is the background colour, and
// blending the background with itself gives the background again: those
// pixels are left as the frame's clear made them. Once per fade, the bands of
// rows that the page's items cover (their x-range, with a margin for glyph
// ink) are read back from the page's snapshot; each frame blends only those
// bands, through one band-high streaming texture, onto the target.
//
// SDL's own constant-alpha blit of the whole snapshot costs ~12.5
// instructions a pixel (27 M a 1920×1080 frame); this costs ~4 a pixel of the
// bands, plus the copy of the bands to the target.
//
// Lifetime: borrows the SDL_Renderer passed to draw(); reset() frees everything.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "layout/display_list.h"
#include "render/sdl_handles.h"

namespace kiosk::render {

// out = (src * a + bg * (256 - a)) / 256 per channel of n XRGB pixels; a
// background pixel stays exactly the background.
void blend_rows(const uint32_t* src, uint32_t* dst, size_t n, uint32_t alpha, layout::Rgba bg);

// Where `page` at whole-pixel `scroll` may differ from its background on a w×h
// screen: per band of band_h rows (top to bottom), the x-range its items cover.
// Bands the page leaves blank are omitted.
std::vector<SDL_Rect> ink_bands(const layout::DisplayList& page, float scroll, int w, int h,
                                int band_h);

class BackgroundFade {
  public:
    static constexpr int kBandHeight = 32;

    // Draws `snapshot` (the whole screen-sized page at `scroll`) at `alpha` over
    // the background the current target was cleared to. False when it does not
    // apply (not the software renderer, another pixel format): the caller blits.
    //
    // With `screen` (the surface the renderer's default target draws into) and
    // no other target set, the bands are blended straight into it and the
    // background written only around them: the frame need not be cleared
    // first, and no band is copied. Without it, the target must be cleared.
    bool draw(SDL_Renderer* r, const std::shared_ptr<const layout::DisplayList>& page,
              SDL_Texture* snapshot, float scroll, uint8_t alpha, layout::Rgba bg,
              SDL_Surface* screen = nullptr);
    // Frees the read-back pixels and the band texture (the fade is over).
    void reset();
    bool holds_memory() const { return px_ != nullptr || band_tex_ != nullptr; }

    // True when the last draw() wrote the whole target itself (the direct path).
    bool covered_screen() const { return covered_; }

  private:
    bool draw_direct(SDL_Renderer* r, SDL_Surface* screen, uint8_t alpha, layout::Rgba bg);
    bool capture(SDL_Renderer* r, const std::shared_ptr<const layout::DisplayList>& page,
                 SDL_Texture* snapshot, float scroll, int w, int h);

    std::weak_ptr<const layout::DisplayList> page_;
    float scroll_ = -1;
    int w_ = 0, h_ = 0;
    std::vector<SDL_Rect> bands_;
    std::unique_ptr<uint32_t[]> px_;  // the bands' pixels, one band after another
    TexturePtr band_tex_;             // w × kBandHeight, streaming
    bool covered_ = false;
};

}  // namespace kiosk::render
