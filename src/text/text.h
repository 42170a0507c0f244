// The text engine's public API: fonts in, positioned glyphs out.
//
//   FontStack  owns FreeType + HarfBuzz handles for every face the kiosk uses.
//   layout_paragraph() shapes, breaks (ICU + CLREQ rules) and justifies one paragraph
//              into a TextLayout: a plain value that names glyphs by (FaceId, gid).
//   rasterize() turns one glyph into a bitmap, for the renderer's atlas.
//
// Units: everything here is in pixels (float). HarfBuzz/FreeType work in 26.6
// fixed point internally; conversion happens once, inside the shaper.
// Nothing in this module includes SDL.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/lang.h"
#include "base/result.h"
#include "text/type_scale.h"

namespace kiosk::text {

enum class Weight : uint8_t { Regular, Bold };
enum class Align : uint8_t { Start, Center };

// Index of a face inside a FontStack. Valid for that FontStack's lifetime.
using FaceId = uint16_t;
// Reserved FaceId for characters no font covers: rasterize() draws a hollow box
// so missing glyphs are visible on screen (and the content validator can flag them).
inline constexpr FaceId kBoxFace = 0xFFFF;

// Where to find the fonts. Defaults are Debian's fonts-noto-cjk, fonts-noto-core
// and fonts-noto-color-emoji paths; KIOSK_FONT_DIR overrides the search root.
struct FontPaths {
    std::string cjk_regular = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    std::string cjk_bold = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
    std::string latin_regular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
    std::string latin_bold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
    std::string emoji = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";
};

// What the content teaches the line breaker (event.yaml `typography.keep_together`):
// names and terms that never break across lines unless one alone is wider than
// the line. Immutable once made; share one between styles.
struct Lexicon {
    std::vector<std::u32string> keep_together;  // non-empty, without duplicates
    static std::shared_ptr<const Lexicon> make(const std::vector<std::string>& terms);
};

struct TextStyle {
    Lang lang = kDefaultLang;
    float size_px = 32.0f;
    Weight weight = Weight::Regular;
    float line_height_em = 1.7f;        // baseline-to-baseline distance / size
    bool justify = false;               // CJK: both edges; last line flush start
    float first_line_indent_em = 0.0f;  // 2 for Chinese body paragraphs
    Align align = Align::Start;         // Center: each line centred (titles, tiles)
    // Han–digit gap: 0 sets digits solid as HK government releases do ("2023年6月26日");
    // the content's house style may ask for type_scale::kHanLatinSpaceEm.
    float han_digit_space_em = 0.0f;
    // Justified Chinese: the most an expansion point may stretch; beyond it the line
    // breaks inside a phrase or word instead (type_scale::kMaxJustifyStretchEm).
    float max_stretch_em = type_scale::kMaxJustifyStretchEm;
    std::shared_ptr<const Lexicon> lexicon;  // null: no content terms
};

struct Glyph {
    FaceId face = 0;
    uint32_t gid = 0;
    uint32_t cluster = 0;  // byte offset into the laid-out UTF-8 string
    float x = 0;           // pen position, px, from the layout's left edge (includes Line::x)
    float y = 0;           // baseline, px, from the layout's top edge
    float advance = 0;     // px, after spacing adjustments
};

struct Line {
    uint32_t begin = 0, end = 0;  // byte range of the source text on this line
    float width = 0;              // px, ink advance of the line (excluding trailing space)
    float baseline = 0;           // px from the layout's top
    std::vector<Glyph> glyphs;
    float x = 0;              // px from the layout's left edge to the line start (indent/centring)
    bool overflows = false;   // a single grapheme wider than max_width (logged)
    bool split_word = false;  // no allowed break fitted: cut between graphemes (last resort);
                              // titles may prefer a smaller size instead
    bool justified = false;   // extra space was distributed to reach max_width
};

// One laid-out paragraph. A plain value: copy it, cache it, dump it.
struct TextLayout {
    std::vector<Line> lines;
    float width = 0;   // the max width it was laid out for, px
    float height = 0;  // lines * line height, px
    float size_px = 0;
    std::string source;  // the (sanitised) UTF-8 the clusters index into

    // One line per laid-out line: its text. Used by golden tests and `kiosk layout`.
    std::string dump() const;
    // {"lines":[{"text","width","glyphs":[{"gid","cluster","x","y","advance"}]}]}
    std::string json() const;
};

// A glyph image for the atlas. A8 coverage, or premultiplied RGBA for colour emoji.
struct GlyphBitmap {
    int width = 0, height = 0;
    int left = 0, top = 0;  // px from the pen position to the bitmap's top-left (top is up)
    bool color = false;
    std::vector<uint8_t> pixels;  // width*height (A8) or width*height*4 (RGBA)
};

// Not thread-safe: layout_paragraph() reuses the stack's HarfBuzz buffer, ICU break
// iterators and scratch space. Use one FontStack per thread.
class FontStack {
  public:
    // Opens every face; an error names the missing file.
    static Result<std::unique_ptr<FontStack>> load(const FontPaths& paths = {});
    // A stack of its own for another thread, reading the same mapped files as
    // `other` (their pages are then resident once, not once per stack). Safe on
    // any thread while `other` is in use: it only reads `other`'s file list,
    // fixed at load, and takes references on its blobs (atomic counts).
    static Result<std::unique_ptr<FontStack>> load_sharing(const FontStack& other);
    ~FontStack();
    FontStack(const FontStack&) = delete;
    FontStack& operator=(const FontStack&) = delete;

    // True when the stack can draw cp for lang without the replacement box.
    bool covers(char32_t cp, Lang lang) const;
    // Vertical metrics for a style, px.
    float ascent(const TextStyle& style) const;
    float descent(const TextStyle& style) const;
    // Drops the font files' pages from the process's resident set (they stay in
    // the page cache and fault back in when a glyph is next read). Rasterising
    // and shaping touch pages all over the CJK collections (~30 MiB after every
    // page); call this when the screen goes still.
    void release_pages();
    // The files this stack was loaded from: a worker thread loads its own stack
    // from them (FreeType faces and HarfBuzz buffers are not shared across threads).
    const FontPaths& paths() const;

    struct Impl;
    Impl& impl() { return *impl_; }

  private:
    explicit FontStack(std::unique_ptr<Impl> impl);
    static Result<std::unique_ptr<FontStack>> load_files(const FontPaths& paths, const Impl* share);
    std::unique_ptr<Impl> impl_;
};

// Lays out utf8 (invalid bytes become U+FFFD) within max_width_px.
// Never fails: uncovered characters get a visible box and are logged once.
TextLayout layout_paragraph(FontStack& fonts, std::string_view utf8, const TextStyle& style,
                            float max_width_px);

GlyphBitmap rasterize(FontStack& fonts, FaceId face, uint32_t gid, float size_px);

}  // namespace kiosk::text
