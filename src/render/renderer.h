// Draws a DisplayList with an SDL_Renderer: the only place that turns layout
// values into pixels. Works the same on KMSDRM/GLES2, X11/Wayland and the
// software renderer used for headless screenshots.
//
// Lifetime: borrows the SDL_Renderer and FontStack; both must outlive it.
#pragma once

#include <SDL.h>

#include <map>
#include <string>

#include "layout/display_list.h"
#include "render/glyph_atlas.h"
#include "render/image_cache.h"

namespace kiosk::render {

using DrawParams = layout::ViewState;

class Renderer {
  public:
    Renderer(SDL_Renderer* renderer, text::FontStack& fonts);

    void clear(layout::Rgba color);
    void draw(const layout::DisplayList& dl, const DrawParams& p);
    // Translucent full-screen wash (e.g. dimming behind a message).
    void wash(layout::Rgba color);
    void present() { SDL_RenderPresent(r_); }

    GlyphAtlas& atlas() { return atlas_; }
    ImageCache& images() { return images_; }
    SDL_Renderer* sdl() const { return r_; }

  private:
    void fill(const layout::Rect& r, layout::Rgba c, float radius, float opacity);
    void text(const layout::DrawItem& it, float ox, float oy, float opacity, const SDL_Rect& clip);
    void image(const layout::DrawItem& it, const layout::Rect& r, float opacity);
    void qr(const layout::DrawItem& it, const layout::Rect& r, float opacity);
    SDL_Texture* corner(int radius);

    SDL_Renderer* r_;
    GlyphAtlas atlas_;
    ImageCache images_;
    std::map<int, TexturePtr> corners_;  // anti-aliased discs by radius
};

// Reads back what the renderer drew and writes it as a PNG. False on failure.
bool save_png(SDL_Renderer* renderer, int width, int height, const std::string& path);

}  // namespace kiosk::render
