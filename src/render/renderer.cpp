#include "render/renderer.h"

#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace kiosk::render {
namespace {

using layout::DrawItem;
using layout::Layer;
using layout::Rect;
using layout::Rgba;

SDL_Rect to_sdl(const Rect& r) {
    const int x0 = static_cast<int>(std::lround(r.x)), y0 = static_cast<int>(std::lround(r.y));
    const int x1 = static_cast<int>(std::lround(r.right())),
              y1 = static_cast<int>(std::lround(r.bottom()));
    return {x0, y0, x1 - x0, y1 - y0};
}

uint8_t scaled_alpha(uint8_t a, float opacity) {
    return static_cast<uint8_t>(
        std::lround(static_cast<float>(a) * std::clamp(opacity, 0.0f, 1.0f)));
}

}  // namespace

Renderer::Renderer(SDL_Renderer* renderer, text::FontStack& fonts)
    : r_(renderer), fonts_(fonts), atlas_(renderer, fonts), images_(renderer) {
    // Page textures and decoded pictures are 1–8 MiB each and come and go. Past a
    // fixed threshold glibc maps them and gives them back on free; its default
    // adaptive threshold would keep freed ones in the heap (RSS that only grows),
    // and one arena per thread would multiply that.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_ARENA_MAX, 2);
    SDL_SetRenderDrawBlendMode(r_, SDL_BLENDMODE_BLEND);
    images_.set_prefetcher(&prefetcher_);
}

void Renderer::enable_painter() {
    if (painter_)
        return;
    painter_ = std::make_unique<PagePainter>(fonts_);
    painter_->set_store(store_);
}

bool Renderer::painting(const layout::DisplayList& page, Rgba background) {
    return painter_ && painter_->busy_with(&page) && !layers_.has_snapshot(page, background, true);
}

void Renderer::set_picture_store(std::shared_ptr<const ScaledPictures> store) {
    store_ = std::move(store);
    images_.set_store(store_);
    prefetcher_.set_store(store_);
    if (painter_)
        painter_->set_store(store_);
}

void Renderer::prefetch(const std::shared_ptr<const layout::DisplayList>& page, Rgba background) {
    if (!page)
        return;
    if (!painter_) {
        if (prefetched_.lock() != page)
            prefetcher_.want(picture_requests(*page));
        prefetched_ = page;
        return;
    }
    if (layers_.screen_w() <= 0 || page->viewport.w <= 0 || page->viewport.h <= 0)
        return;  // no frame yet (its size is unknown), or an overlay drawn directly
    // Asked again each frame: the page's layers may have been evicted since
    // (want() ignores a page already queued, being painted or waiting). A
    // snapshot at another scroll serves a scrolled page: no repainting then.
    if (!layers_.has_snapshot(*page, background, true))
        painter_->want(page, background, layers_.screen_w(), layers_.screen_h());
    // The tiles a scroll reveals later are drawn here: their pictures are decoded meanwhile.
    if (prefetched_.lock() != page)
        prefetcher_.want(picture_requests(*page, true));
    prefetched_ = page;
}

void Renderer::clear(Rgba c) {
    SDL_RenderSetClipRect(r_, nullptr);
    SDL_SetRenderDrawColor(r_, c.r, c.g, c.b, 255);
    SDL_RenderClear(r_);
}

void Renderer::wash(Rgba c) {
    SDL_RenderSetClipRect(r_, nullptr);
    SDL_SetRenderDrawColor(r_, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(r_, nullptr);
}

// A disc of diameter 2r with 4×4 supersampled edges; its quarters are the corners.
SDL_Texture* Renderer::corner(int radius) {
    if (auto it = corners_.find(radius); it != corners_.end())
        return it->second.get();
    const int d = 2 * radius;
    std::vector<uint32_t> px(static_cast<size_t>(d) * d);
    for (int y = 0; y < d; ++y) {
        for (int x = 0; x < d; ++x) {
            int inside = 0;
            for (int sy = 0; sy < 4; ++sy) {
                for (int sx = 0; sx < 4; ++sx) {
                    const float fx = static_cast<float>(x) + (static_cast<float>(sx) + 0.5f) / 4 -
                                     static_cast<float>(radius);
                    const float fy = static_cast<float>(y) + (static_cast<float>(sy) + 0.5f) / 4 -
                                     static_cast<float>(radius);
                    inside += fx * fx + fy * fy <= static_cast<float>(radius * radius);
                }
            }
            px[static_cast<size_t>(y) * d + x] =
                (static_cast<uint32_t>(inside * 255 / 16) << 24) | 0xFFFFFF;
        }
    }
    TexturePtr tex(SDL_CreateTexture(r_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, d, d));
    if (!tex)
        return nullptr;
    SDL_UpdateTexture(tex.get(), nullptr, px.data(), d * 4);
    SDL_SetTextureBlendMode(tex.get(), SDL_BLENDMODE_BLEND);
    return (corners_[radius] = std::move(tex)).get();
}

void Renderer::fill(const Rect& rect, Rgba c, float radius, float opacity) {
    const SDL_Rect r = to_sdl(rect);
    const uint8_t a = scaled_alpha(c.a, opacity);
    const int rad = std::min({static_cast<int>(std::lround(radius)), r.w / 2, r.h / 2});
    SDL_SetRenderDrawColor(r_, c.r, c.g, c.b, a);
    SDL_Texture* disc = rad > 0 ? corner(rad) : nullptr;
    if (!disc) {
        // Opaque fills need no blending: the software renderer then fills at memset speed.
        SDL_SetRenderDrawBlendMode(r_, a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
        SDL_RenderFillRect(r_, &r);
        SDL_SetRenderDrawBlendMode(r_, SDL_BLENDMODE_BLEND);
        return;
    }
    const SDL_Rect body[] = {{r.x + rad, r.y, r.w - 2 * rad, r.h},
                             {r.x, r.y + rad, rad, r.h - 2 * rad},
                             {r.x + r.w - rad, r.y + rad, rad, r.h - 2 * rad}};
    SDL_SetRenderDrawBlendMode(r_, a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_RenderFillRects(r_, body, 3);
    SDL_SetRenderDrawBlendMode(r_, SDL_BLENDMODE_BLEND);
    SDL_SetTextureColorMod(disc, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(disc, a);
    const SDL_Rect src[] = {
        {0, 0, rad, rad}, {rad, 0, rad, rad}, {0, rad, rad, rad}, {rad, rad, rad, rad}};
    const SDL_Rect dst[] = {{r.x, r.y, rad, rad},
                            {r.x + r.w - rad, r.y, rad, rad},
                            {r.x, r.y + r.h - rad, rad, rad},
                            {r.x + r.w - rad, r.y + r.h - rad, rad, rad}};
    for (int i = 0; i < 4; ++i)
        SDL_RenderCopy(r_, disc, &src[i], &dst[i]);
}

void Renderer::text(const DrawItem& it, float ox, float oy, float opacity, const SDL_Rect& clip) {
    const text::TextLayout& t = *it.text;
    const uint8_t a = scaled_alpha(it.color.a, opacity);
    const float line_h = t.lines.empty() ? 0 : t.height / static_cast<float>(t.lines.size());
    for (const auto& line : t.lines) {
        const float base = oy + line.baseline;
        if (base + line_h < static_cast<float>(clip.y) ||
            base - line_h > static_cast<float>(clip.y + clip.h))
            continue;
        for (const auto& g : line.glyphs) {
            const AtlasGlyph& ag = atlas_.get(g.face, g.gid, t.size_px);
            if (ag.src.w == 0)
                continue;
            SDL_Texture* tex = atlas_.texture();
            const SDL_Rect dst{static_cast<int>(std::lround(ox + g.x)) + ag.left,
                               static_cast<int>(std::lround(base + g.y - line.baseline)) - ag.top,
                               ag.src.w, ag.src.h};
            if (ag.color)
                SDL_SetTextureColorMod(tex, 255, 255, 255);
            else
                SDL_SetTextureColorMod(tex, it.color.r, it.color.g, it.color.b);
            SDL_SetTextureAlphaMod(tex, a);
            SDL_RenderCopy(r_, tex, &ag.src, &dst);
        }
    }
}

void Renderer::image(const DrawItem& it, const Rect& rect, float opacity) {
    const SDL_Rect r = to_sdl(rect);
    SDL_Texture* tex = images_.get(it.source, r.w, r.h);
    if (!tex) {
        fill(rect, it.color, it.radius, opacity);  // placeholder: never a hole, never a crash
        return;
    }
    SDL_SetTextureAlphaMod(tex, scaled_alpha(255, opacity));
    SDL_RenderCopy(r_, tex, nullptr, &r);
}

void Renderer::qr(const DrawItem& it, const Rect& rect, float opacity) {
    SDL_Texture* tex = images_.qr(it.source);
    if (!tex)
        return;
    int side = 0;
    SDL_QueryTexture(tex, nullptr, nullptr, &side, nullptr);
    // Whole pixels per module keep every module the same size for scanners.
    const int scale = std::max(1, static_cast<int>(std::min(rect.w, rect.h)) / side);
    const int px = side * scale;
    const SDL_Rect dst{static_cast<int>(rect.x + (rect.w - static_cast<float>(px)) / 2),
                       static_cast<int>(rect.y + (rect.h - static_cast<float>(px)) / 2), px, px};
    SDL_SetTextureAlphaMod(tex, scaled_alpha(255, opacity));
    SDL_RenderCopy(r_, tex, nullptr, &dst);
}

SDL_Rect Renderer::screen_rect() const {
    SDL_Rect screen;
    SDL_RenderGetViewport(r_, &screen);  // the current target's size (rotated output or window)
    screen.x = screen.y = 0;
    return screen;
}

void Renderer::draw_items(const layout::DisplayList& dl, const Placement& pl) {
    const SDL_Rect screen = screen_rect();
    for (const auto& it : dl.items) {
        const bool content = it.layer == Layer::Content;
        if (content ? !pl.content : !pl.chrome)
            continue;
        const Rect r = content ? it.rect.translated(pl.content_x, pl.content_y)
                               : it.rect.translated(pl.chrome_x, 0);
        const SDL_Rect& clip = content ? pl.content_clip : screen;
        if (!r.intersects({static_cast<float>(clip.x), static_cast<float>(clip.y),
                           static_cast<float>(clip.w), static_cast<float>(clip.h)}))
            continue;  // off screen: costs nothing
        if (!content && pl.chrome_only_over && !r.intersects(*pl.chrome_only_over))
            continue;
        if (it.while_more_below && !pl.more_below)
            continue;  // the scroll cue, once scrolled to the end
        SDL_RenderSetClipRect(r_, &clip);
        switch (it.kind) {
            case DrawItem::Kind::Fill:
                fill(r, it.color, it.radius, pl.opacity);
                break;
            case DrawItem::Kind::Text:
                text(it, r.x, r.y, pl.opacity, clip);
                break;
            case DrawItem::Kind::Image:
                image(it, r, pl.opacity);
                break;
            case DrawItem::Kind::Qr:
                qr(it, r, pl.opacity);
                break;
        }
    }
    SDL_RenderSetClipRect(r_, nullptr);
}

void Renderer::draw(const layout::DisplayList& dl, const DrawParams& p) {
    Placement pl;
    pl.content_x = p.dx + dl.viewport.x;
    pl.content_y = dl.viewport.y - p.scroll;
    pl.content_clip = to_sdl(dl.viewport.translated(p.dx, 0));
    pl.chrome_x = p.dx;
    pl.opacity = p.opacity;
    pl.more_below = dl.more_below(p.scroll);
    draw_items(dl, pl);
    draw_pressed(dl, p);
}

void Renderer::draw_content_tile(const layout::DisplayList& dl, float x, float y, int w, int h) {
    Placement pl;
    pl.content_x = x;
    pl.content_y = y;
    pl.content_clip = {0, 0, w, h};
    pl.chrome = false;
    draw_items(dl, pl);
}

void Renderer::draw_chrome(const layout::DisplayList& dl, float scroll,
                           const layout::Rect* only_over) {
    Placement pl;
    pl.content = false;
    pl.more_below = dl.more_below(scroll);
    pl.chrome_only_over = only_over;
    draw_items(dl, pl);
}

void Renderer::draw_pressed(const layout::DisplayList& dl, const DrawParams& p) {
    if (p.pressed < 0 || p.pressed >= static_cast<int>(dl.targets.size()))
        return;
    const SDL_Rect screen = screen_rect();
    const SDL_Rect view = to_sdl(dl.viewport.translated(p.dx, 0));
    const auto& t = dl.targets[static_cast<size_t>(p.pressed)];
    const bool content = t.layer == Layer::Content;
    const Rect r = t.rect.translated(p.dx + (content ? dl.viewport.x : 0),
                                     content ? dl.viewport.y - p.scroll : 0);
    SDL_RenderSetClipRect(r_, content ? &view : &screen);
    fill(r, layout::Rgba{0, 0, 0, 0x40}, t.radius, p.opacity);
    SDL_RenderSetClipRect(r_, nullptr);
}

}  // namespace kiosk::render
