// FontStack internals shared by the text module's .cpp files (not public API).
#pragma once

#include <unicode/brkiter.h>

#include <array>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/handles.h"
#include "text/paragraph.h"
#include "text/text.h"

namespace kiosk::text {

// The faces a FontStack opens, in FaceId order. JP/KR/TC faces of the TTC are
// not opened: the kiosk only speaks zh-HK, zh-Hans and English.
enum FaceSlot : FaceId {
    kHkRegular = 0,  // NotoSansCJK-Regular.ttc index 4 (HK forms, centred punctuation)
    kHkBold,
    kScRegular,  // index 2 (Simplified forms)
    kScBold,
    kLatinRegular,  // NotoSans-Regular.ttf
    kLatinBold,
    kEmoji,  // NotoColorEmoji.ttf (CBDT bitmaps)
    kFaceCount,
};

struct Face {
    FtFacePtr ft;
    HbFontPtr hb;
    hb_language_t language = nullptr;  // what to shape with (selects locl forms)
    float upem = 1000;
    float ascent_em = 0.88f, descent_em = 0.12f;
    bool color = false;
    int strike_index = -1;  // bitmap strike used for colour emoji
    float strike_ppem = 0;
    std::string name;
};

// How much blank the `halt` feature removes from each side of a mark, in em.
struct HaltTrim {
    float left_em = 0, right_em = 0;
};

// Fallback order for one grapheme: primary face, secondary face, emoji.
using FaceChain = std::array<FaceId, 3>;

struct FontStack::Impl {
    struct Mapping {
        void* data = nullptr;
        size_t size = 0;
    };
    FontPaths paths;                // as given to load(): another thread may load its own stack
    FtLibraryPtr ft_lib;            // declared first: destroyed after every FT_Face
    std::vector<HbBlobPtr> blobs;   // each owns one font file's mapping; faces read from it
    std::vector<Mapping> mappings;  // the same mappings, for release_pages()
    std::vector<std::string> mapped_paths;  // the file of each blob, for load_sharing()
    std::array<Face, kFaceCount> faces;
    HbBufferPtr buffer;  // reused by every shaping call
    std::array<std::unique_ptr<icu::BreakIterator>, 3> line_breakers;  // per Lang
    std::unique_ptr<icu::BreakIterator> graphemes;
    std::unique_ptr<icu::BreakIterator> words;          // ICU's Chinese dictionary segmentation
    std::unordered_map<uint64_t, HaltTrim> halt_cache;  // (face, cp) -> trim
    std::unordered_set<char32_t> reported_missing;      // log each tofu once
    std::unordered_set<size_t> reported_overflow;       // hashes of texts logged as too wide
    Paragraph scratch;  // reused by layout_paragraph: no per-call allocations once warm

    FaceChain chain(Lang lang, Weight weight) const;
    bool face_has(FaceId face, char32_t cp) const;
    icu::BreakIterator& line_breaker(Lang lang) { return *line_breakers[static_cast<int>(lang)]; }
    // Sets every HarfBuzz font to size_px (26.6 scale) before shaping.
    void set_size(float size_px);
    // Logs a code point no face covers, once per FontStack.
    void report_missing(char32_t cp);
};

}  // namespace kiosk::text
