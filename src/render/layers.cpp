#include "render/layers.h"
#include "render/sdl_handles.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "render/renderer.h"

namespace kiosk::render {
namespace {

using layout::DisplayList;
using layout::Rgba;
using PagePtr = std::shared_ptr<const DisplayList>;

SDL_Rect viewport_of(const DisplayList& dl) {
    const int x0 = static_cast<int>(std::lround(dl.viewport.x));
    const int y0 = static_cast<int>(std::lround(dl.viewport.y));
    return {x0, y0, static_cast<int>(std::lround(dl.viewport.right())) - x0,
            static_cast<int>(std::lround(dl.viewport.bottom())) - y0};
}

// Tiles sit on whole pixels at the viewport's floor; inside them the content
// keeps the viewport's fraction, so glyphs round to the same pixels as when
// the page is drawn directly.
struct TileGrid {
    int x0, y0;  // screen position of content (0, 0) at scroll 0, whole pixels
    float fx, fy;
    int w;  // a tile's width: covers the viewport's pixels from x0
};

TileGrid grid_of(const DisplayList& dl) {
    const SDL_Rect vp = viewport_of(dl);
    const int x0 = static_cast<int>(std::floor(dl.viewport.x));
    const int y0 = static_cast<int>(std::floor(dl.viewport.y));
    return {x0, y0, dl.viewport.x - static_cast<float>(x0), dl.viewport.y - static_cast<float>(y0),
            vp.x + vp.w - x0};
}

bool has_content(const DisplayList& dl) {
    return std::any_of(dl.items.begin(), dl.items.end(),
                       [](const auto& it) { return it.layer == layout::Layer::Content; });
}

// Whole pixels: tiles and snapshots land on the pixel grid, so text stays as sharp as drawn.
float snap(float scroll) {
    return std::round(scroll);
}

}  // namespace

std::vector<PictureRequest> picture_requests(const DisplayList& page, bool below_fold) {
    const TileGrid g = grid_of(page);
    std::vector<PictureRequest> out;
    for (const auto& it : page.items) {
        if (it.kind != layout::DrawItem::Kind::Image)
            continue;
        // Same rounding as Renderer::image: content items sit at the grid's fraction.
        const bool content = it.layer == layout::Layer::Content;
        if (below_fold && (!content || it.rect.bottom() <= page.viewport.h))
            continue;
        const layout::Rect r = content ? it.rect.translated(g.fx, g.fy) : it.rect;
        const int x0 = static_cast<int>(std::lround(r.x)), y0 = static_cast<int>(std::lround(r.y));
        out.push_back({it.source, static_cast<int>(std::lround(r.right())) - x0,
                       static_cast<int>(std::lround(r.bottom())) - y0});
    }
    return out;
}

void Layers::begin_frame() {
    keep_from_ = ++frame_;
    layers_this_frame_ = 0;
    SDL_Rect screen;
    SDL_RenderGetViewport(renderer_.sdl(), &screen);
    screen_w_ = screen.w, screen_h_ = screen.h;
    if (PagePainter* painter = renderer_.painter()) {
        if (auto painted = painter->take())
            adopt(std::move(*painted));
    }
    if (fade_frame_ + 1 < frame_ && fade_.holds_memory())
        fade_.reset();  // the fade is over: give its buffers back
}

void Layers::begin_frame(Rgba background) {
    begin_frame();
    pending_clear_ = background;
}

void Layers::clear_pending() {
    if (pending_clear_)
        renderer_.clear(*pending_clear_);
    pending_clear_.reset();
}

void Layers::end_frame() {
    clear_pending();  // a frame without layers
    evict();
}

bool Layers::fade_over_background(const PagePtr& page, SDL_Texture* snapshot, float scroll,
                                  uint8_t alpha, Rgba bg) {
    SDL_Surface* screen = pending_clear_ ? renderer_.screen_surface() : nullptr;
    if (!screen)
        clear_pending();
    if (!fade_.draw(renderer_.sdl(), page, snapshot, snap(scroll), alpha, bg, screen))
        return false;
    if (fade_.covered_screen())
        pending_clear_.reset();
    fade_frame_ = frame_;
    return true;
}

Layers::Iter Layers::find(const DisplayList* page, Rgba bg, Kind kind, int index, int w, int h) {
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
        if (it->raw == page && !it->page.expired() && it->background == bg && it->kind == kind &&
            it->index == index && it->w == w && it->h == h) {
            entries_.splice(entries_.begin(), entries_, it);
            it->used = frame_;
            return it;
        }
    }
    return entries_.end();
}

TexturePtr Layers::layer_texture(int w, int h) {
    TexturePtr tex = recycle(w, h);  // creating (and zeroing) 8 MiB costs more than reusing it
    if (!tex)
        tex.reset(SDL_CreateTexture(renderer_.sdl(), SDL_PIXELFORMAT_RGB888,
                                    SDL_TEXTUREACCESS_TARGET, w, h));
    if (tex)
        SDL_SetTextureBlendMode(tex.get(), SDL_BLENDMODE_NONE);
    return tex;
}

Layers::Iter Layers::insert(const PagePtr& page, Rgba bg, Kind kind, int index, int w, int h,
                            TexturePtr tex, std::vector<uint32_t> px) {
    Entry e;
    e.page = page;
    e.raw = page.get();
    e.background = bg;
    e.kind = kind;
    e.index = index;
    e.w = w, e.h = h;
    e.tex = std::move(tex);
    e.px = std::move(px);
    e.used = frame_;
    bytes_ += static_cast<size_t>(w) * h * 4;
    entries_.push_front(std::move(e));
    return entries_.begin();
}

Layers::Iter Layers::make(const PagePtr& page, Rgba bg, Kind kind, int index, int w, int h) {
    TexturePtr tex = layer_texture(w, h);
    if (!tex)
        return entries_.end();
    const Iter it = insert(page, bg, kind, index, w, h, std::move(tex), {});
    evict();
    return it;
}

TexturePtr Layers::recycle(int w, int h) {
    const size_t bytes = static_cast<size_t>(w) * h * 4;
    if (bytes_ + bytes <= budget_)
        return nullptr;                                               // room for a new one
    for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {  // least recently used first
        if (it->used < keep_from_ && it->tex && it->w == w && it->h == h) {
            TexturePtr tex = std::move(it->tex);
            bytes_ -= bytes;
            entries_.erase(std::next(it).base());
            return tex;
        }
    }
    return nullptr;
}

void Layers::evict() {
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (it->page.expired()) {  // the page is gone: its textures can never be used again
            bytes_ -= static_cast<size_t>(it->w) * it->h * 4;
            it = entries_.erase(it);
        } else {
            ++it;
        }
    }
    // Oldest first; what this frame uses stays, even past the budget, until the next frame.
    auto it = entries_.end();
    while (bytes_ > budget_ && it != entries_.begin()) {
        --it;
        if (it->used >= keep_from_)
            continue;
        bytes_ -= static_cast<size_t>(it->w) * it->h * 4;
        it = entries_.erase(it);
    }
}

SDL_Texture* Layers::tile(const PagePtr& page, Rgba bg, int index) {
    const TileGrid g = grid_of(*page);
    if (auto it = find(page.get(), bg, Kind::Tile, index, g.w, kTileHeight); it != entries_.end()) {
        if (it->tex || upload(*it))
            return it->tex.get();
        bytes_ -= static_cast<size_t>(it->w) * it->h * 4;
        entries_.erase(it);  // no texture for it: drawn below instead
    }
    auto it = make(page, bg, Kind::Tile, index, g.w, kTileHeight);
    if (it == entries_.end())
        return nullptr;
    const TargetScope target(renderer_.sdl(), it->tex.get());
    renderer_.clear(bg);
    renderer_.draw_content_tile(*page, g.fx, g.fy - static_cast<float>(index * kTileHeight), g.w,
                                kTileHeight);
    return it->tex.get();
}

void Layers::draw_tiles(const PagePtr& page, Rgba bg, float scroll, int dx) {
    const SDL_Rect vp = viewport_of(*page);
    if (vp.w <= 0 || vp.h <= 0 || !has_content(*page))
        return;
    const TileGrid g = grid_of(*page);
    const int s = static_cast<int>(snap(scroll));
    // Tile k covers screen rows [y0 - s + k T, +T); at most vp.h / T + 2 of them are visible.
    const int first = std::max(0, (vp.y - g.y0 + s) / kTileHeight);
    const int last = std::max(first, (vp.y + vp.h - 1 - g.y0 + s) / kTileHeight);
    const SDL_Rect clip{vp.x + dx, vp.y, vp.w, vp.h};
    for (int k = first; k <= last; ++k) {
        SDL_Texture* tex = tile(page, bg, k);
        if (!tex)
            continue;
        const SDL_Rect dst{g.x0 + dx, g.y0 - s + k * kTileHeight, g.w, kTileHeight};
        SDL_RenderSetClipRect(renderer_.sdl(), &clip);
        SDL_RenderCopy(renderer_.sdl(), tex, nullptr, &dst);
    }
    SDL_RenderSetClipRect(renderer_.sdl(), nullptr);
}

SDL_Texture* Layers::snapshot(const PagePtr& page, Rgba bg, float scroll) {
    int w = 0, h = 0;
    SDL_Rect screen;
    SDL_RenderGetViewport(renderer_.sdl(), &screen);
    w = screen.w, h = screen.h;
    auto it = find(page.get(), bg, Kind::Snapshot, 0, w, h);
    if (it == entries_.end())
        it = make(page, bg, Kind::Snapshot, 0, w, h);
    if (it == entries_.end())
        return nullptr;
    if (it->scroll != snap(scroll)) {
        const TargetScope target(renderer_.sdl(), it->tex.get());
        draw_page(page, bg, scroll);
        it->scroll = snap(scroll);
    }
    return it->tex.get();
}

void Layers::draw_page(const PagePtr& page, Rgba bg, float scroll) {
    renderer_.clear(bg);
    draw_tiles(page, bg, scroll, 0);
    renderer_.draw_chrome(*page, scroll);
}

void Layers::scroll_frame(const PagePtr& page, const layout::ViewState& view, Rgba bg) {
    SDL_Renderer* r = renderer_.sdl();
    SDL_Rect screen;
    SDL_RenderGetViewport(r, &screen);
    screen.x = screen.y = 0;
    // Any snapshot serves for what lies outside the viewport; a fresh one only when there is none.
    auto it = find(page.get(), bg, Kind::Snapshot, 0, screen.w, screen.h);
    SDL_Texture* snap_tex = it != entries_.end() ? it->tex.get() : snapshot(page, bg, view.scroll);
    if (!snap_tex) {
        clear_pending();
        renderer_.draw(*page, view);
        return;
    }
    pending_clear_.reset();  // the snapshot and the tiles cover every pixel
    SDL_SetTextureBlendMode(snap_tex, SDL_BLENDMODE_NONE);  // a fade may have left it translucent
    SDL_SetTextureAlphaMod(snap_tex, 255);
    if (it == entries_.end() || it->scroll == snap(view.scroll)) {
        SDL_RenderCopy(r, snap_tex, nullptr, nullptr);  // the snapshot is exactly this frame
    } else {
        const SDL_Rect vp = viewport_of(*page);
        const SDL_Rect around[] = {{0, 0, screen.w, vp.y},
                                   {0, vp.y + vp.h, screen.w, screen.h - vp.y - vp.h},
                                   {0, vp.y, vp.x, vp.h},
                                   {vp.x + vp.w, vp.y, screen.w - vp.x - vp.w, vp.h}};
        for (const SDL_Rect& a : around) {
            if (a.w > 0 && a.h > 0)
                SDL_RenderCopy(r, snap_tex, &a, &a);
        }
        draw_tiles(page, bg, view.scroll, 0);
        renderer_.draw_chrome(*page, view.scroll, &page->viewport);
    }
    renderer_.draw_pressed(*page, view);
}

void Layers::draw(const PagePtr& page, const layout::ViewState& view, Rgba bg) {
    const bool first_layer = layers_this_frame_++ == 0;  // only the background is under it
    if (page->viewport.w <= 0 || page->viewport.h <= 0) {
        clear_pending();
        renderer_.draw(*page, view);  // an overlay: a few items over whatever is below
        return;
    }
    if (view.opacity >= 1 && view.dx == 0) {
        scroll_frame(page, view, bg);
        return;
    }
    if (left_to_painter(page, bg, view.scroll))
        return;  // the background shows there this frame; the page comes in a later one
    SDL_Texture* tex = snapshot(page, bg, view.scroll);
    if (!tex) {
        clear_pending();
        renderer_.draw(*page, view);
        return;
    }
    const uint8_t alpha =
        static_cast<uint8_t>(std::lround(255 * std::clamp(view.opacity, 0.0f, 1.0f)));
    if (first_layer && view.dx == 0 && alpha < 255 && view.pressed < 0 &&
        fade_over_background(page, tex, view.scroll, alpha, bg))
        return;
    clear_pending();
    SDL_SetTextureBlendMode(tex, alpha < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
    SDL_SetTextureAlphaMod(tex, alpha);
    int w = 0, h = 0;
    SDL_QueryTexture(tex, nullptr, nullptr, &w, &h);
    const SDL_Rect dst{static_cast<int>(std::lround(view.dx)), 0, w, h};
    SDL_RenderCopy(renderer_.sdl(), tex, nullptr, &dst);
    renderer_.draw_pressed(*page, view);
}

bool Layers::upload(Entry& e) {
    TexturePtr tex = layer_texture(e.w, e.h);
    if (!tex)
        return false;
    SDL_UpdateTexture(tex.get(), nullptr, e.px.data(), e.w * 4);
    e.tex = std::move(tex);
    std::vector<uint32_t>().swap(e.px);
    return true;
}

bool Layers::left_to_painter(const PagePtr& page, Rgba bg, float scroll) {
    PagePainter* painter = renderer_.painter();
    if (!painter || snap(scroll) != 0 || has_snapshot(*page, bg))
        return false;
    painter->want(page, bg, screen_w_, screen_h_);  // nothing new when already asked
    return true;
}

bool Layers::has_snapshot(const DisplayList& page, Rgba bg, bool any_scroll) {
    return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) {
        return e.raw == &page && !e.page.expired() && e.background == bg &&
               e.kind == Kind::Snapshot && e.w == screen_w_ && e.h == screen_h_ &&
               (any_scroll || e.scroll == 0);
    });
}

std::vector<PaintedLayer> Layers::export_page(const PagePtr& page, Rgba bg) {
    std::vector<PaintedLayer> out;
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (it->raw != page.get() || !(it->background == bg)) {
            ++it;
            continue;
        }
        PaintedLayer l{it->kind == Kind::Snapshot, it->index, it->w, it->h, {}};
        l.px.resize(static_cast<size_t>(l.w) * l.h);
        bool ok = !l.snapshot || it->scroll == 0;
        {
            const TargetScope target(renderer_.sdl(), it->tex.get());
            ok = ok && SDL_RenderReadPixels(renderer_.sdl(), nullptr, SDL_PIXELFORMAT_RGB888,
                                            l.px.data(), l.w * 4) == 0;
        }
        bytes_ -= static_cast<size_t>(it->w) * it->h * 4;
        it = entries_.erase(it);  // its pixels are in `l` now: free the texture before the next
        if (ok)
            out.push_back(std::move(l));
    }
    return out;
}

void Layers::adopt(PaintedPage painted) {
    const PagePtr page = painted.page.lock();
    if (!page)
        return;  // the page was left before it was shown
    // Before this frame's draws, what the last frame showed stays: the other page
    // of a slide must not make room for this one.
    keep_from_ = frame_ - 1;
    // Tiles first: the snapshot, used first, ends most recently used.
    std::stable_partition(painted.layers.begin(), painted.layers.end(),
                          [](const PaintedLayer& l) { return !l.snapshot; });
    for (PaintedLayer& l : painted.layers) {
        const Kind kind = l.snapshot ? Kind::Snapshot : Kind::Tile;
        if (l.snapshot && (l.w != screen_w_ || l.h != screen_h_))
            continue;  // the screen turned meanwhile
        if (find(page.get(), painted.background, kind, l.index, l.w, l.h) != entries_.end())
            continue;  // drawn here meanwhile
        if (!l.snapshot) {
            // Tiles wait as pixels within the budget: a transition frame shows only the
            // snapshot, and uploading them all now would double this frame's cost.
            insert(page, painted.background, kind, l.index, l.w, l.h, nullptr, std::move(l.px));
            continue;
        }
        const auto it = make(page, painted.background, kind, l.index, l.w, l.h);
        if (it == entries_.end())
            continue;
        SDL_UpdateTexture(it->tex.get(), nullptr, l.px.data(), l.w * 4);
        it->scroll = 0;
        std::vector<uint32_t>().swap(l.px);  // the pixels go back as soon as uploaded
    }
    keep_from_ = frame_;
}

void Layers::compose(const PagePtr& page, Rgba bg) {
    draw_page(page, bg, 0);
}

}  // namespace kiosk::render
