// Draws a DisplayList with an SDL_Renderer: the only place that turns layout
// values into pixels. Works the same on KMSDRM/GLES2, X11/Wayland and the
// software renderer used for headless screenshots.
//
// Lifetime: borrows the SDL_Renderer and FontStack; both must outlive it.
#pragma once

#include <SDL.h>

#include <map>
#include <memory>
#include <string>

#include "layout/display_list.h"
#include "render/glyph_atlas.h"
#include "render/image_cache.h"
#include "render/layers.h"
#include "render/painter.h"

namespace kiosk::render {

using DrawParams = layout::ViewState;

class Renderer {
  public:
    Renderer(SDL_Renderer* renderer, text::FontStack& fonts);

    void clear(layout::Rgba color);
    // Every item of the page, directly (no retained layers): the reference picture.
    void draw(const layout::DisplayList& dl, const DrawParams& p);
    // Pieces for retained layers (render/layers.h), each onto the current target:
    // the Content with its origin at (x, y) of the target, clipped to w×h;
    void draw_content_tile(const layout::DisplayList& dl, float x, float y, int w, int h);
    // the Chrome items (only those over `only_over` when given), unscrolled, opaque;
    // `scroll` decides the items shown only while more content lies below;
    void draw_chrome(const layout::DisplayList& dl, float scroll,
                     const layout::Rect* only_over = nullptr);
    // the highlight of the pressed control.
    void draw_pressed(const layout::DisplayList& dl, const DrawParams& p);
    // Translucent full-screen wash (e.g. dimming behind a message).
    void wash(layout::Rgba color);
    void present() { SDL_RenderPresent(r_); }

    // Retained layers: frames of pages are drawn through these (see layers.h).
    Layers& layers() { return layers_; }
    // Prepares `page` over `background` on a worker thread, so the frame that
    // first shows it only uploads pixels: the whole page when the painter is
    // on, else its pictures (decoded and scaled). Cheap when repeated.
    void prefetch(const std::shared_ptr<const layout::DisplayList>& page, layout::Rgba background);
    // Pages of transitions are painted on a worker thread (render/painter.h);
    // until they are, a transition shows the background in their place. Off by
    // default: a single screenshot draws everything itself.
    void enable_painter();
    PagePainter* painter() { return painter_.get(); }
    // True while the painter is still drawing `page` over `background` and no
    // snapshot of it is here: a frame showing it would show the background there.
    bool painting(const layout::DisplayList& page, layout::Rgba background);
    // Pictures are kept scaled in `store` (render/picture_store.h) by every
    // thread that prepares them; null scales them on every load.
    void set_picture_store(std::shared_ptr<const ScaledPictures> store);
    // The surface a software renderer's default target draws into (the window's
    // or the headless canvas), so a fade can write its pixels there directly;
    // null for other renderers. Borrowed; set it again after it changes.
    void set_screen_surface(SDL_Surface* s) { screen_ = s; }
    SDL_Surface* screen_surface() const { return screen_; }
    PicturePrefetcher& prefetcher() { return prefetcher_; }
    GlyphAtlas& atlas() { return atlas_; }
    ImageCache& images() { return images_; }
    SDL_Renderer* sdl() const { return r_; }

  private:
    // Where the two layers of a page land on the current target.
    struct Placement {
        float content_x = 0, content_y = 0;
        SDL_Rect content_clip{0, 0, 0, 0};
        float chrome_x = 0;
        bool content = true, chrome = true;
        const layout::Rect* chrome_only_over = nullptr;
        float opacity = 1;
        bool more_below = true;  // Chrome items marked while_more_below are drawn
    };
    void draw_items(const layout::DisplayList& dl, const Placement& pl);
    SDL_Rect screen_rect() const;
    void fill(const layout::Rect& r, layout::Rgba c, float radius, float opacity);
    void text(const layout::DrawItem& it, float ox, float oy, float opacity, const SDL_Rect& clip);
    void image(const layout::DrawItem& it, const layout::Rect& r, float opacity);
    void qr(const layout::DrawItem& it, const layout::Rect& r, float opacity);
    SDL_Texture* corner(int radius);

    SDL_Renderer* r_;
    const text::FontStack& fonts_;
    SDL_Surface* screen_ = nullptr;
    std::shared_ptr<const ScaledPictures> store_;
    PicturePrefetcher prefetcher_;  // before images_, which borrows it
    std::weak_ptr<const layout::DisplayList> prefetched_;
    GlyphAtlas atlas_;
    ImageCache images_;
    std::map<int, TexturePtr> corners_;  // anti-aliased discs by radius
    Layers layers_{*this};
    std::unique_ptr<PagePainter> painter_;  // last: its worker stops before the rest goes
};

// Reads back what the renderer drew and writes it as a PNG. False on failure.
bool save_png(SDL_Renderer* renderer, int width, int height, const std::string& path);

}  // namespace kiosk::render
