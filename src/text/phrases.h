// Ranks the break opportunities of a paragraph (phrase, word, inside a word) and
// removes those inside content terms and after English honorifics.
#pragma once

#include "text/font_impl.h"
#include "text/paragraph.h"

namespace kiosk::text {

// Fills p.break_rank; breaks inside keep-together terms and after
// Mr/Mrs/Ms/Miss/Dr/Prof get kRankKept. Needs p.chars, p.u16 and p.breaks (after CLREQ).
void rank_breaks(FontStack::Impl& im, Paragraph& p, Lang lang, const Lexicon* lexicon);

}  // namespace kiosk::text
