// Greedy line fitting over atoms, with emergency grapheme breaks for
// over-long words and the orphan rule.
#pragma once

#include <vector>

#include "text/paragraph.h"

namespace kiosk::text {

// Width of atoms [begin, end) set as one line: trailing spaces excluded,
// punctuation trims undone at the line's ends, line-start trim applied.
float span_width(const std::vector<Atom>& atoms, uint32_t begin, uint32_t end, bool soft_start);

struct FitOptions {
    float first_width = 0;  // the first line's width (less the indent)
    float width = 0;        // every other line
    // Justified lines may stretch each expansion point by at most this (px);
    // a break that needs more falls back to a worse-ranked break further on.
    // Infinity for ragged text.
    float max_stretch = 0;
    float max_slack = 0;  // and a line may fall at most this short of its width (px)
};

// Breaks atoms into lines: at each line, the furthest fitting break of the best
// BreakRank whose line needs no more than max_stretch, else the furthest break.
void fit_lines(const std::vector<Atom>& atoms, const FitOptions& fit, std::vector<LineSpan>& lines);

// A last line holding one character (plus punctuation) pulls one more down,
// if the line before stays within the limits and no kept term is split for it.
void avoid_orphans(const std::vector<Atom>& atoms, const FitOptions& fit,
                   std::vector<LineSpan>& lines);

// True when justifying atoms [begin, end) in `avail` px breaks either limit.
bool too_loose(const std::vector<Atom>& atoms, const FitOptions& fit, uint32_t begin, uint32_t end,
               bool soft_start, float avail);

// How much each expansion point of atoms [begin, end) set in `avail` px would
// stretch when justified; 0 when the line has no expansion point.
float stretch_per_point(const std::vector<Atom>& atoms, uint32_t begin, uint32_t end,
                        bool soft_start, float avail);

}  // namespace kiosk::text
