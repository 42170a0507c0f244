// libFuzzer: text layout with arbitrary bytes as UTF-8 (invalid sequences must
// become U+FFFD), on a FontStack loaded once. The first two bytes choose the
// language, size, weight, justification, indent, alignment and width.
#include <cstdint>
#include <string_view>

#include "text/text.h"

using namespace kiosk;

static text::FontStack* g_fonts;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    auto f = text::FontStack::load();
    if (!f)
        std::abort();
    g_fonts = f.value().release();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 2)
        return 0;
    text::TextStyle st;
    st.lang = kAllLangs[data[0] % 3];
    st.size_px = 8.0f + static_cast<float>((data[0] >> 2) & 15) * 6.0f;
    st.weight = (data[1] & 1) ? text::Weight::Bold : text::Weight::Regular;
    st.justify = (data[1] & 2) != 0;
    st.first_line_indent_em = (data[1] & 4) ? 2.0f : 0.0f;
    st.align = (data[1] & 8) ? text::Align::Center : text::Align::Start;
    static const float widths[] = {0.0f, 1.0f, 40.0f, 200.0f, 600.0f, 1800.0f, -5.0f, 1e9f};
    const float width = widths[(data[1] >> 4) & 7];
    std::string_view s(reinterpret_cast<const char*>(data + 2), size - 2);
    const text::TextLayout t = text::layout_paragraph(*g_fonts, s, st, width);
    for (const auto& line : t.lines) {
        if (line.begin > line.end || line.end > t.source.size())
            __builtin_trap();
        for (const auto& g : line.glyphs)
            if (g.cluster > t.source.size())
                __builtin_trap();
    }
    return 0;
}
