#include "text/chars.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>

namespace kiosk::text {
namespace {

// Sorted tables; binary search keeps classify() allocation-free and fast.
constexpr std::array<char32_t, 16> kOpen = {0x2018, 0x201C, 0x3008, 0x300A, 0x300C, 0x300E,
                                            0x3010, 0x3014, 0x3016, 0x3018, 0x301A, 0x301D,
                                            0xFF08, 0xFF3B, 0xFF5B, 0xFF5F};
constexpr std::array<char32_t, 17> kClose = {0x2019, 0x201D, 0x3009, 0x300B, 0x300D, 0x300F,
                                             0x3011, 0x3015, 0x3017, 0x3019, 0x301B, 0x301E,
                                             0x301F, 0xFF09, 0xFF3D, 0xFF5D, 0xFF60};
constexpr std::array<char32_t, 11> kStop = {0x3001, 0x3002, 0xFE50, 0xFE51, 0xFE52, 0xFE54,
                                            0xFE55, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B};
constexpr std::array<char32_t, 4> kExcl = {0xFE56, 0xFE57, 0xFF01, 0xFF1F};
constexpr std::array<char32_t, 5> kInterpunct = {0x00B7, 0x2022, 0x2027, 0x30FB, 0xFF65};
constexpr std::array<char32_t, 5> kDash = {0x2014, 0x2015, 0x2026, 0x22EF, 0x2E3A};

template <size_t N>
bool in(const std::array<char32_t, N>& table, char32_t cp) {
    return std::binary_search(table.begin(), table.end(), cp);
}

bool is_han_like(char32_t cp) {
    return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) ||
           (cp >= 0x3040 && cp <= 0x30FA) || (cp >= 0x30FC && cp <= 0x30FF) ||
           (cp >= 0xAC00 && cp <= 0xD7AF) || cp == 0x3005 || cp == 0x3007 || cp == 0x303B ||
           (cp >= 0x3021 && cp <= 0x3029) || (cp >= 0x2E80 && cp <= 0x2FDF);
}

}  // namespace

CharClass classify(char32_t cp) {
    if (cp < 0x80) {
        if (is_mandatory_break(cp))
            return CharClass::Newline;
        if (cp < 0x20 || cp == 0x7F)
            return CharClass::Control;
        if (cp == ' ')
            return CharClass::Space;
        const bool alnum =
            (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
        return alnum ? CharClass::Latin : CharClass::Other;
    }
    if (is_mandatory_break(cp))
        return CharClass::Newline;
    if (cp < 0xA0)
        return CharClass::Control;
    if (is_han_like(cp))
        return CharClass::Han;
    if (in(kOpen, cp))
        return CharClass::Open;
    if (in(kClose, cp))
        return CharClass::Close;
    if (in(kStop, cp))
        return CharClass::Stop;
    if (in(kExcl, cp))
        return CharClass::Excl;
    if (in(kInterpunct, cp))
        return CharClass::Interpunct;
    if (in(kDash, cp))
        return CharClass::Dash;
    if (cp == 0x3000 || u_isUWhiteSpace(static_cast<UChar32>(cp)))
        return CharClass::Space;
    // Full-width letters/digits sit on the ideographic grid: no extra spacing.
    if (cp >= 0xFF10 && cp <= 0xFF5A)
        return CharClass::Han;
    if (cp < 0x2E80 && u_isalnum(static_cast<UChar32>(cp)))
        return CharClass::Latin;
    return CharClass::Other;
}

bool no_line_start(char32_t cp) {
    switch (classify(cp)) {
        case CharClass::Close:
        case CharClass::Stop:
        case CharClass::Excl:
        case CharClass::Interpunct:
        case CharClass::Dash:
            return true;
        default:
            return cp == 0x3005 || cp == 0x303B;  // iteration marks 々〻
    }
}

bool no_line_end(char32_t cp) {
    return classify(cp) == CharClass::Open;
}

bool is_compressible(char32_t cp) {
    const CharClass c = classify(cp);
    return c == CharClass::Open || c == CharClass::Close || c == CharClass::Stop;
}

bool is_punctuation_class(CharClass c) {
    return c == CharClass::Open || c == CharClass::Close || c == CharClass::Stop ||
           c == CharClass::Excl || c == CharClass::Interpunct || c == CharClass::Dash ||
           c == CharClass::Other;
}

bool wants_emoji_presentation(char32_t cp) {
    if (cp == 0xFE0F || cp == 0x200D || cp == 0x20E3)
        return true;
    if (cp >= 0x1F1E6 && cp <= 0x1F1FF)
        return true;  // regional indicators (flags)
    if (cp >= 0x1F3FB && cp <= 0x1F3FF)
        return true;  // skin-tone modifiers
    return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EMOJI_PRESENTATION);
}

bool is_ignorable_for_coverage(char32_t cp) {
    return cp == 0x200C || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0xE0000 && cp <= 0xE0FFF) || cp == 0x2060 || cp == 0xFEFF || cp == 0x200B;
}

}  // namespace kiosk::text
