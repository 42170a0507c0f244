#include "render/fade.h"
#include "render/sdl_handles.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kiosk::render {
namespace {

using layout::DisplayList;
using layout::Rgba;

// Glyph ink may reach past a text item's box (accents, descenders, italics);
// fills and pictures stay inside theirs. Generous: a few bg pixels cost little.
constexpr float kInkMargin = 16;

bool software_rgb888(SDL_Renderer* r, SDL_Texture* tex, int& w, int& h) {
    SDL_RendererInfo info;
    Uint32 format = 0;
    return SDL_GetRendererInfo(r, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE) &&
           SDL_QueryTexture(tex, &format, nullptr, &w, &h) == 0 && format == SDL_PIXELFORMAT_RGB888;
}

}  // namespace

namespace {

#if defined(__SSE2__)
// Four XRGB pixels: (p * a + base) >> 8 per byte, in 16-bit lanes; every sum
// is at most 255 * 256, so the saturating pack is the narrowing.
inline void blend4(const uint32_t* src, uint32_t* dst, __m128i a, __m128i base) {
    const __m128i zero = _mm_setzero_si128();
    const __m128i p = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src));
    const __m128i lo =
        _mm_srli_epi16(_mm_add_epi16(_mm_mullo_epi16(_mm_unpacklo_epi8(p, zero), a), base), 8);
    const __m128i hi =
        _mm_srli_epi16(_mm_add_epi16(_mm_mullo_epi16(_mm_unpackhi_epi8(p, zero), a), base), 8);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst), _mm_packus_epi16(lo, hi));
}
#else
using V8 = uint8_t __attribute__((vector_size(16)));
using V16 = uint16_t __attribute__((vector_size(32)));
// The same with GCC vector extensions (NEON on arm64).
inline void blend4(const uint32_t* src, uint32_t* dst, uint16_t a, V16 base) {
    V8 p;
    std::memcpy(&p, src, sizeof p);
    const V8 out = __builtin_convertvector((__builtin_convertvector(p, V16) * a + base) >> 8, V8);
    std::memcpy(dst, &out, sizeof out);
}
#endif

}  // namespace

void blend_rows(const uint32_t* src, uint32_t* dst, size_t n, uint32_t alpha, Rgba bg) {
    const uint16_t a = static_cast<uint16_t>(alpha + (alpha >> 7));  // 0..256
    const uint16_t ia = static_cast<uint16_t>(256 - a);
    const uint16_t b = static_cast<uint16_t>(bg.b * ia), g = static_cast<uint16_t>(bg.g * ia),
                   r = static_cast<uint16_t>(bg.r * ia);
#if defined(__SSE2__)
    const auto base =
        _mm_setr_epi16(static_cast<short>(b), static_cast<short>(g), static_cast<short>(r), 0,
                       static_cast<short>(b), static_cast<short>(g), static_cast<short>(r), 0);
    const auto av = _mm_set1_epi16(static_cast<short>(a));
#else
    const V16 base = {b, g, r, 0, b, g, r, 0, b, g, r, 0, b, g, r, 0};  // XRGB bytes: B G R X
    const uint16_t av = a;
#endif
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {  // four at a time: a quarter of the loop overhead
        blend4(src + i, dst + i, av, base);
        blend4(src + i + 4, dst + i + 4, av, base);
        blend4(src + i + 8, dst + i + 8, av, base);
        blend4(src + i + 12, dst + i + 12, av, base);
    }
    for (; i + 4 <= n; i += 4)
        blend4(src + i, dst + i, av, base);
    for (; i < n; ++i) {
        const uint32_t p = src[i];
        const uint32_t rb = ((static_cast<uint32_t>(bg.r) << 16) | bg.b) * ia;
        const uint32_t gg = (static_cast<uint32_t>(bg.g) << 8) * ia;
        dst[i] = ((((p & 0xFF00FF) * a + rb) >> 8) & 0xFF00FF) |
                 ((((p & 0xFF00) * a + gg) >> 8) & 0xFF00);
    }
}

std::vector<SDL_Rect> ink_bands(const DisplayList& page, float scroll, int w, int h, int band_h) {
    const int n = (h + band_h - 1) / band_h;
    std::vector<int> x0(static_cast<size_t>(n), w), x1(static_cast<size_t>(n), 0);
    const layout::Rect screen{0, 0, static_cast<float>(w), static_cast<float>(h)};
    for (const auto& it : page.items) {
        layout::Rect r = it.rect;
        layout::Rect clip = screen;
        if (it.layer == layout::Layer::Content) {
            r = r.translated(page.viewport.x, page.viewport.y - scroll);
            clip = page.viewport;
        }
        if (!r.intersects(clip))
            continue;
        const float left = std::max(r.x - kInkMargin, clip.x);
        const float right = std::min(r.right() + kInkMargin, clip.right());
        const float top = std::max(r.y - kInkMargin, clip.y);
        const float bottom = std::min(r.bottom() + kInkMargin, clip.bottom());
        const int bx0 = std::clamp(static_cast<int>(std::floor(left)), 0, w);
        const int bx1 = std::clamp(static_cast<int>(std::ceil(right)), 0, w);
        const int first = std::clamp(static_cast<int>(std::floor(top)) / band_h, 0, n - 1);
        const int last = std::clamp(static_cast<int>(std::ceil(bottom)) / band_h, 0, n - 1);
        for (int b = first; b <= last; ++b) {
            x0[static_cast<size_t>(b)] = std::min(x0[static_cast<size_t>(b)], bx0);
            x1[static_cast<size_t>(b)] = std::max(x1[static_cast<size_t>(b)], bx1);
        }
    }
    std::vector<SDL_Rect> bands;
    for (int b = 0; b < n; ++b) {
        const size_t i = static_cast<size_t>(b);
        if (x1[i] > x0[i])
            bands.push_back({x0[i], b * band_h, x1[i] - x0[i], std::min(band_h, h - b * band_h)});
    }
    return bands;
}

bool BackgroundFade::capture(SDL_Renderer* r, const std::shared_ptr<const DisplayList>& page,
                             SDL_Texture* snapshot, float scroll, int w, int h) {
    bands_ = ink_bands(*page, scroll, w, h, kBandHeight);
    size_t total = 0;
    for (const SDL_Rect& b : bands_)
        total += static_cast<size_t>(b.w) * static_cast<size_t>(b.h);
    px_ = std::make_unique_for_overwrite<uint32_t[]>(std::max<size_t>(total, 1));
    const TargetScope target(r, snapshot);
    size_t off = 0;
    for (const SDL_Rect& b : bands_) {
        if (SDL_RenderReadPixels(r, &b, SDL_PIXELFORMAT_RGB888, px_.get() + off, b.w * 4) != 0)
            return false;
        off += static_cast<size_t>(b.w) * static_cast<size_t>(b.h);
    }
    page_ = page;
    scroll_ = scroll;
    w_ = w, h_ = h;
    return true;
}

bool BackgroundFade::draw(SDL_Renderer* r, const std::shared_ptr<const DisplayList>& page,
                          SDL_Texture* snapshot, float scroll, uint8_t alpha, Rgba bg,
                          SDL_Surface* screen) {
    covered_ = false;
    int w = 0, h = 0;
    if (!software_rgb888(r, snapshot, w, h))
        return false;
    if ((page_.lock() != page || scroll_ != scroll || w_ != w || h_ != h) &&
        !capture(r, page, snapshot, scroll, w, h)) {
        reset();
        return false;
    }
    if (screen && SDL_GetRenderTarget(r) == nullptr && draw_direct(r, screen, alpha, bg))
        return covered_ = true;
    int tw = 0;
    if (!band_tex_ || SDL_QueryTexture(band_tex_.get(), nullptr, nullptr, &tw, nullptr) != 0 ||
        tw != w) {
        band_tex_.reset(SDL_CreateTexture(r, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_STREAMING, w,
                                          kBandHeight));
        if (!band_tex_)
            return false;
        SDL_SetTextureBlendMode(band_tex_.get(), SDL_BLENDMODE_NONE);
    }
    size_t off = 0;
    for (const SDL_Rect& b : bands_) {
        const SDL_Rect src{0, 0, b.w, b.h};
        void* pixels = nullptr;
        int pitch = 0;
        if (SDL_LockTexture(band_tex_.get(), &src, &pixels, &pitch) != 0)
            return false;
        for (int y = 0; y < b.h; ++y)
            blend_rows(px_.get() + off + static_cast<size_t>(y) * b.w,
                       reinterpret_cast<uint32_t*>(static_cast<uint8_t*>(pixels) + y * pitch),
                       static_cast<size_t>(b.w), alpha, bg);
        SDL_UnlockTexture(band_tex_.get());
        SDL_RenderCopy(r, band_tex_.get(), &src, &b);
        off += static_cast<size_t>(b.w) * static_cast<size_t>(b.h);
    }
    return true;
}

bool BackgroundFade::draw_direct(SDL_Renderer* r, SDL_Surface* s, uint8_t alpha, Rgba bg) {
    if (s->format->format != SDL_PIXELFORMAT_RGB888 || s->w != w_ || s->h != h_)
        return false;
    SDL_RenderFlush(r);  // what the renderer queued lands before the pixels are written
    const uint32_t bg_px = SDL_MapRGB(s->format, bg.r, bg.g, bg.b);
    // The background around the bands: rows between them, and each band's sides.
    int y = 0;
    for (const SDL_Rect& b : bands_) {
        const SDL_Rect around[] = {
            {0, y, w_, b.y - y}, {0, b.y, b.x, b.h}, {b.x + b.w, b.y, w_ - b.x - b.w, b.h}};
        for (const SDL_Rect& a : around)
            if (a.w > 0 && a.h > 0)
                SDL_FillRect(s, &a, bg_px);
        y = b.y + b.h;
    }
    const SDL_Rect below{0, y, w_, h_ - y};
    if (below.h > 0)
        SDL_FillRect(s, &below, bg_px);
    if (SDL_MUSTLOCK(s) && SDL_LockSurface(s) != 0)
        return false;
    size_t off = 0;
    for (const SDL_Rect& b : bands_) {
        for (int row = 0; row < b.h; ++row) {
            auto* dst = reinterpret_cast<uint32_t*>(static_cast<uint8_t*>(s->pixels) +
                                                    static_cast<ptrdiff_t>(b.y + row) * s->pitch) +
                        b.x;
            blend_rows(px_.get() + off + static_cast<size_t>(row) * b.w, dst,
                       static_cast<size_t>(b.w), alpha, bg);
        }
        off += static_cast<size_t>(b.w) * static_cast<size_t>(b.h);
    }
    if (SDL_MUSTLOCK(s))
        SDL_UnlockSurface(s);
    return true;
}

void BackgroundFade::reset() {
    page_.reset();
    scroll_ = -1;
    w_ = h_ = 0;
    bands_.clear();
    bands_.shrink_to_fit();
    px_.reset();
    band_tex_.reset();
}

}  // namespace kiosk::render
