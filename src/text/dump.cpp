// Text and JSON dumps of a layout, for golden tests and `kiosk layout`.
#include <cstdio>
#include <string>

#include "base/utf8.h"
#include "text/chars.h"
#include "text/text.h"

namespace kiosk::text {
namespace {

// Start of the last code point of non-empty valid UTF-8.
size_t last_cp_start(std::string_view s) {
    size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
        --i;
    return i;
}

// The line's text without the line break that ended it or trailing spaces.
std::string line_text(const TextLayout& layout, const Line& line) {
    std::string_view text(layout.source);
    text = text.substr(line.begin, line.end - line.begin);
    while (!text.empty()) {
        const size_t start = last_cp_start(text);
        const auto cps = decode_utf8(text.substr(start));
        const CharClass c = cps.empty() ? CharClass::Other : classify(cps[0].cp);
        if (c != CharClass::Newline && c != CharClass::Space)
            break;
        text = text.substr(0, start);
    }
    return std::string(text);
}

// Two decimals, trailing zeros dropped: stable across platforms, easy to diff.
void append_number(std::string& out, float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(v));
    std::string s(buf);
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    if (s == "-0")
        s = "0";
    out += s;
}

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20 || u == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", u);
            out += buf;
        } else {
            out += c;
        }
    }
    out += '"';
}

}  // namespace

std::string TextLayout::dump() const {
    std::string out;
    for (const Line& line : lines) {
        out += line_text(*this, line);
        out += '\n';
    }
    return out;
}

std::string TextLayout::json() const {
    std::string out = "{\"lines\":[";
    for (size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        if (i)
            out += ',';
        out += "{\"text\":";
        append_json_string(out, line_text(*this, line));
        out += ",\"width\":";
        append_number(out, line.width);
        out += ",\"glyphs\":[";
        for (size_t g = 0; g < line.glyphs.size(); ++g) {
            const Glyph& gl = line.glyphs[g];
            if (g)
                out += ',';
            out +=
                "{\"gid\":" + std::to_string(gl.gid) + ",\"cluster\":" + std::to_string(gl.cluster);
            out += ",\"x\":";
            append_number(out, gl.x);
            out += ",\"y\":";
            append_number(out, gl.y);
            out += ",\"advance\":";
            append_number(out, gl.advance);
            out += '}';
        }
        out += "]}";
    }
    out += "]}";
    return out;
}

}  // namespace kiosk::text
