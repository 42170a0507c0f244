// The intermediate representation of one paragraph while it is laid out.
// Kept in the FontStack as scratch space so repeated layouts do not allocate.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/lang.h"
#include "base/utf8.h"
#include "text/chars.h"
#include "text/linebreak.h"
#include "text/text.h"

namespace kiosk::text {

// How good a break opportunity is, best first. Line fitting takes the furthest
// break of the best rank that keeps the line tight enough (linefit.cpp).
enum BreakRank : uint8_t {
    kRankPhrase = 0,  // between phrases (BudouX), at spaces and punctuation
    kRankWord = 1,    // inside a phrase, between words (ICU's dictionary)
    kRankChar = 2,    // inside a word
    kRankKept = 3,    // inside a keep-together term or after an honorific: only when
                      // the term alone is wider than the line
    kRankCount = 4,
};

// Not a face: newlines and controls are not shaped and produce no glyph.
inline constexpr FaceId kNoFace = 0xFFFE;

struct ShapedGlyph {
    FaceId face = 0;
    uint32_t gid = 0;
    uint32_t cluster = 0;                           // byte offset into the source
    float x_offset = 0, y_offset = 0, advance = 0;  // px; y_offset is up (HarfBuzz)
};

// The smallest unit a line may break around: a grapheme cluster, or several
// when the font ligates them. Never split.
struct Atom {
    uint32_t glyph_begin = 0, glyph_end = 0;
    uint32_t cp_begin = 0, cp_end = 0;
    uint32_t byte_begin = 0, byte_end = 0;
    char32_t first_cp = 0, last_cp = 0;  // base characters of the first/last grapheme
    CharClass first = CharClass::Other, last = CharClass::Other;
    FaceId face = 0;
    BreakKind break_before = BreakKind::None;
    uint8_t break_rank = kRankPhrase;       // BreakRank of break_before
    float advance = 0;                      // natural advance, px
    float avail_left = 0, avail_right = 0;  // blank the font's `halt` may remove, px
    float trim_left = 0, trim_right = 0;    // punctuation-pair compression, px
    float start_trim = 0;                   // trimmed when the atom starts a line
    float gap_before = 0;                   // Han–Latin space, px; dropped at line start
};

struct Paragraph {
    std::vector<CodePoint> cps;
    std::vector<char32_t> chars;
    Utf16Text u16;
    std::vector<BreakKind> breaks;                  // before code point i
    std::vector<uint8_t> break_rank;                // BreakRank of breaks[i]
    std::vector<uint8_t> phrase_start, word_start;  // scratch for rank_breaks
    std::vector<uint8_t> grapheme_start;
    std::vector<FaceId> cp_face;  // face chosen for each code point's grapheme
    std::vector<ShapedGlyph> glyphs;
    std::vector<Atom> atoms;
};

// A line as a range of atoms, before positioning.
struct LineSpan {
    uint32_t begin = 0, end = 0;
    bool soft_start = false;  // follows a soft (wrapped) break: line-start trims apply
    bool hard_end = false;    // ends the paragraph or at a newline: never justified
    bool emergency = false;   // broken where no break was allowed (over-long word)
    bool overflow = false;    // one grapheme wider than the line
};

}  // namespace kiosk::text
