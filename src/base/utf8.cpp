#include "base/utf8.h"

namespace kiosk {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one sequence at s[i]; returns {cp, length}. Rejects overlongs,
// surrogates and values above U+10FFFF, as the Unicode standard requires.
std::pair<char32_t, uint32_t> decode_one(std::string_view s, size_t i) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    if (c < 0x80)
        return {c, 1};
    int n = 0;
    char32_t cp = 0, min = 0;
    if ((c & 0xE0) == 0xC0) {
        n = 1, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 2, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 3, cp = c & 0x07, min = 0x10000;
    } else {
        return {kReplacement, 1};
    }
    if (i + n >= s.size())
        return {kReplacement, 1};  // truncated sequence
    for (int k = 1; k <= n; ++k) {
        if ((b(k) & 0xC0) != 0x80)
            return {kReplacement, 1};
        cp = (cp << 6) | (b(k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return {kReplacement, 1};
    return {cp, static_cast<uint32_t>(n + 1)};
}

}  // namespace

std::vector<CodePoint> decode_utf8(std::string_view s) {
    std::vector<CodePoint> out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        auto [cp, len] = decode_one(s, i);
        out.push_back({cp, static_cast<uint32_t>(i), len});
        i += len;
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string sanitize_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const auto& c : decode_utf8(s))
        append_utf8(out, c.cp);
    return out;
}

bool is_valid_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        auto [cp, len] = decode_one(s, i);
        if (cp == kReplacement && len == 1 && static_cast<unsigned char>(s[i]) >= 0x80)
            return false;
        i += len;
    }
    return true;
}

}  // namespace kiosk
