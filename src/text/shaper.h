// Itemising (font fallback per grapheme), shaping (HarfBuzz) and grouping
// glyphs into unbreakable atoms.
#pragma once

#include <string>

#include "text/font_impl.h"
#include "text/paragraph.h"

namespace kiosk::text {

// Picks a face for every grapheme cluster from the language's fallback chain;
// uncovered graphemes get kBoxFace (logged once), controls kNoFace.
void assign_faces(FontStack::Impl& im, Paragraph& p, Lang lang, Weight weight);

// Shapes maximal runs of one face and script; fills p.glyphs in logical order.
void shape_runs(FontStack::Impl& im, Paragraph& p, const std::string& source, Lang lang,
                float size_px);

// Groups glyphs into atoms at grapheme boundaries that are also cluster boundaries.
void build_atoms(Paragraph& p, size_t source_bytes);

}  // namespace kiosk::text
