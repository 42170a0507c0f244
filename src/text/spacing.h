// Spacing adjustments made before line fitting (CLREQ 3.1.4, 3.2.2):
// full-width punctuation compression via the font's `halt` feature and the
// Han–Latin gap.
#pragma once

#include "text/font_impl.h"
#include "text/paragraph.h"

namespace kiosk::text {

// How much blank `halt` removes on each side of cp in face, in em. Cached.
HaltTrim halt_trim(FontStack::Impl& im, FaceId face, char32_t cp);

// Fills avail/trim/start_trim/gap_before of every atom.
// han_digit_em: the same gap between Han and a digit (0 sets digits solid).
void apply_spacing(FontStack::Impl& im, Paragraph& p, float size_px, float han_latin_em,
                   float han_digit_em);

// True when justification may add space between atoms a and b: between CJK
// characters (keeping marks with their character), at Han–Latin gaps and after
// word spaces; never inside a Latin word.
bool is_expansion_point(const Atom& a, const Atom& b);

}  // namespace kiosk::text
