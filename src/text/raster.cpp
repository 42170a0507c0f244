// Glyph rasterisation for the renderer's atlas: FreeType A8 coverage, colour
// emoji scaled from their bitmap strike, and the replacement box.
#include <algorithm>
#include <cmath>

#include "text/font_impl.h"
#include "text/type_scale.h"

namespace kiosk::text {
namespace {

// A hollow rectangle sitting on the baseline: visibly "missing", never blank.
GlyphBitmap draw_box(float size_px) {
    GlyphBitmap bm;
    bm.width = std::max(3, static_cast<int>(std::lround(type_scale::kBoxWidthEm * size_px)));
    bm.height = std::max(3, static_cast<int>(std::lround(type_scale::kBoxHeightEm * size_px)));
    bm.left = static_cast<int>(std::lround(0.05f * size_px));
    bm.top = bm.height;
    const int stroke = std::max(1, static_cast<int>(std::lround(size_px / 16)));
    bm.pixels.assign(static_cast<size_t>(bm.width) * bm.height, 0);
    for (int y = 0; y < bm.height; ++y) {
        for (int x = 0; x < bm.width; ++x) {
            const bool edge =
                x < stroke || y < stroke || x >= bm.width - stroke || y >= bm.height - stroke;
            if (edge)
                bm.pixels[static_cast<size_t>(y) * bm.width + x] = 255;
        }
    }
    return bm;
}

GlyphBitmap copy_a8(const FT_Bitmap& src, int left, int top) {
    GlyphBitmap bm;
    bm.width = static_cast<int>(src.width);
    bm.height = static_cast<int>(src.rows);
    bm.left = left;
    bm.top = top;
    bm.pixels.resize(static_cast<size_t>(bm.width) * bm.height);
    for (int y = 0; y < bm.height; ++y) {
        const unsigned char* row = src.buffer + static_cast<ptrdiff_t>(y) * src.pitch;
        std::copy(row, row + bm.width, bm.pixels.begin() + static_cast<ptrdiff_t>(y) * bm.width);
    }
    return bm;
}

// Area-averaging resample of premultiplied BGRA into premultiplied RGBA.
GlyphBitmap scale_bgra(const FT_Bitmap& src, int left, int top, float scale) {
    GlyphBitmap bm;
    bm.color = true;
    bm.width = std::max(1, static_cast<int>(std::lround(src.width * scale)));
    bm.height = std::max(1, static_cast<int>(std::lround(src.rows * scale)));
    bm.left = static_cast<int>(std::lround(left * scale));
    bm.top = static_cast<int>(std::lround(top * scale));
    bm.pixels.assign(static_cast<size_t>(bm.width) * bm.height * 4, 0);
    const int sw = static_cast<int>(src.width), sh = static_cast<int>(src.rows);
    for (int y = 0; y < bm.height; ++y) {
        const int y0 = std::min(sh - 1, static_cast<int>(y / scale));
        const int y1 = std::clamp(static_cast<int>(std::ceil((y + 1) / scale)), y0 + 1, sh);
        for (int x = 0; x < bm.width; ++x) {
            const int x0 = std::min(sw - 1, static_cast<int>(x / scale));
            const int x1 = std::clamp(static_cast<int>(std::ceil((x + 1) / scale)), x0 + 1, sw);
            unsigned sum[4] = {0, 0, 0, 0};
            for (int sy = y0; sy < y1; ++sy) {
                const unsigned char* p =
                    src.buffer + static_cast<ptrdiff_t>(sy) * src.pitch + x0 * 4;
                for (int sx = x0; sx < x1; ++sx, p += 4)
                    for (int c = 0; c < 4; ++c)
                        sum[c] += p[c];
            }
            const unsigned n = static_cast<unsigned>((y1 - y0) * (x1 - x0));
            uint8_t* out = &bm.pixels[(static_cast<size_t>(y) * bm.width + x) * 4];
            out[0] = static_cast<uint8_t>(sum[2] / n);  // BGRA -> RGBA
            out[1] = static_cast<uint8_t>(sum[1] / n);
            out[2] = static_cast<uint8_t>(sum[0] / n);
            out[3] = static_cast<uint8_t>(sum[3] / n);
        }
    }
    return bm;
}

GlyphBitmap rasterize_color(const Face& face, uint32_t gid, float size_px) {
    FT_Face ft = face.ft.get();
    if (FT_Select_Size(ft, face.strike_index) != 0)
        return {};
    if (FT_Load_Glyph(ft, gid, FT_LOAD_COLOR) != 0)
        return {};
    if (ft->glyph->format != FT_GLYPH_FORMAT_BITMAP &&
        FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_NORMAL) != 0)
        return {};
    const FT_Bitmap& src = ft->glyph->bitmap;
    if (src.pixel_mode != FT_PIXEL_MODE_BGRA || src.width == 0 || src.rows == 0)
        return {};
    return scale_bgra(src, ft->glyph->bitmap_left, ft->glyph->bitmap_top,
                      size_px / face.strike_ppem);
}

GlyphBitmap rasterize_outline(const Face& face, uint32_t gid, float size_px) {
    FT_Face ft = face.ft.get();
    if (FT_Set_Char_Size(ft, 0, static_cast<FT_F26Dot6>(std::lround(size_px * 64)), 72, 72) != 0)
        return {};
    // Light hinting keeps HarfBuzz's unhinted advances valid for the outline.
    if (FT_Load_Glyph(ft, gid, FT_LOAD_TARGET_LIGHT) != 0)
        return {};
    if (FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_LIGHT) != 0)
        return {};
    const FT_Bitmap& src = ft->glyph->bitmap;
    if (src.pixel_mode != FT_PIXEL_MODE_GRAY)
        return {};
    return copy_a8(src, ft->glyph->bitmap_left, ft->glyph->bitmap_top);
}

}  // namespace

GlyphBitmap rasterize(FontStack& fonts, FaceId face, uint32_t gid, float size_px) {
    if (!std::isfinite(size_px) || size_px < 1)
        size_px = 1;
    size_px = std::min(size_px, 1024.0f);
    if (face == kBoxFace)
        return draw_box(size_px);
    if (face >= kFaceCount)
        return {};
    const Face& f = fonts.impl().faces[face];
    return f.color ? rasterize_color(f, gid, size_px) : rasterize_outline(f, gid, size_px);
}

}  // namespace kiosk::text
