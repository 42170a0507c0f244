// Shared helpers for the text tests: one FontStack for the whole binary
// (opening the CJK TTCs per test would dominate the run time).
#pragma once

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "text/text.h"

namespace kiosk::text::testing {

inline FontStack& fonts() {
    static std::unique_ptr<FontStack> stack = [] {
        auto r = FontStack::load();
        if (!r) {
            ADD_FAILURE() << r.error().str();
            std::abort();
        }
        return std::move(r).value();
    }();
    return *stack;
}

inline constexpr float kSize = 32.0f;  // 1 em in every test unless stated

inline TextStyle style(Lang lang, bool justify = false, float indent_em = 0) {
    TextStyle s;
    s.lang = lang;
    s.size_px = kSize;
    s.justify = justify;
    s.first_line_indent_em = indent_em;
    return s;
}

inline TextLayout lay(std::string_view text, float width, Lang lang = Lang::ZhHK,
                      bool justify = false, float indent_em = 0) {
    return layout_paragraph(fonts(), text, style(lang, justify, indent_em), width);
}

inline std::vector<std::string> lines_of(const TextLayout& layout) {
    std::vector<std::string> out;
    std::istringstream in(layout.dump());
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

// First code point of a UTF-8 string (the tests' strings are valid).
inline char32_t first_cp(std::string_view s) {
    if (s.empty())
        return 0;
    const auto c = static_cast<unsigned char>(s[0]);
    if (c < 0x80)
        return c;
    const int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    char32_t cp = c & (0x3F >> n);
    for (int i = 1; i <= n && i < static_cast<int>(s.size()); ++i)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    return cp;
}

inline char32_t last_cp(std::string_view s) {
    if (s.empty())
        return 0;
    size_t j = s.size() - 1;
    while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80)
        --j;
    return first_cp(s.substr(j));
}

inline float glyph_sum(const Line& line) {
    float sum = 0;
    for (const Glyph& g : line.glyphs)
        sum += g.advance;
    return sum;
}

}  // namespace kiosk::text::testing
