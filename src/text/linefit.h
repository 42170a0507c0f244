// Greedy line fitting over atoms, with emergency grapheme breaks for
// over-long words and the orphan rule.
#pragma once

#include <vector>

#include "text/paragraph.h"

namespace kiosk::text {

// Width of atoms [begin, end) set as one line: trailing spaces excluded,
// punctuation trims undone at the line's ends, line-start trim applied.
float span_width(const std::vector<Atom>& atoms, uint32_t begin, uint32_t end, bool soft_start);

// Breaks atoms into lines: the first line gets first_width, the rest width.
void fit_lines(const std::vector<Atom>& atoms, float first_width, float width,
               std::vector<LineSpan>& lines);

// A last line holding one character (plus punctuation) pulls one more down.
void avoid_orphans(const std::vector<Atom>& atoms, float width, std::vector<LineSpan>& lines);

}  // namespace kiosk::text
