// Character classes the CLREQ rules talk about (line-start/-end prohibitions,
// punctuation compression, Han–Latin spacing, justification).
#pragma once

#include <cstdint>

namespace kiosk::text {

enum class CharClass : uint8_t {
    Other,
    Han,         // ideographs, kana, hangul, iteration marks: take justification space
    Latin,       // letters and digits of alphabetic scripts: get Han–Latin spacing
    Open,        // full-width opening brackets and quotes 「『（《〈【〔“‘
    Close,       // full-width closing brackets and quotes 」』）》〉】〕”’
    Stop,        // pause and stop marks ，。、；：
    Excl,        // ！？ — never compressed (CLREQ)
    Interpunct,  // · ‧ • ・
    Dash,        // ⋯ … — ―: come in pairs that never split
    Space,
    Newline,  // mandatory break
    Control,  // other C0/C1 controls: invisible, zero width
};

CharClass classify(char32_t cp);

// CLREQ 3.1.7: characters that must not begin a line.
bool no_line_start(char32_t cp);
// CLREQ 3.1.7: characters that must not end a line.
bool no_line_end(char32_t cp);
// ⋯⋯, ……, ——: two of these never split across lines.
inline bool is_inseparable(char32_t cp) {
    return classify(cp) == CharClass::Dash;
}
// Marks whose blank half may be trimmed when adjacent to another mark.
bool is_compressible(char32_t cp);
// Characters that only make sense as punctuation (for the orphan rule).
bool is_punctuation_class(CharClass c);

inline bool is_mandatory_break(char32_t cp) {
    return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 ||
           cp == 0x2029;
}

// Graphemes that should prefer the colour emoji face (VS16, ZWJ sequences,
// flags, skin tones, or characters with default emoji presentation).
bool wants_emoji_presentation(char32_t cp);
// Format characters a face need not map for it to "cover" a grapheme.
bool is_ignorable_for_coverage(char32_t cp);

}  // namespace kiosk::text
