#include "text/linefit.h"

#include <array>

#include "text/spacing.h"

namespace kiosk::text {
namespace {

bool is_blank(const Atom& a) {
    return a.first == CharClass::Space || a.first == CharClass::Newline ||
           a.first == CharClass::Control;
}

// Width of atom k inside a line that starts at `begin`, without its right trim
// (the caller adds it back only when the next atom is on the same line).
float inner_width(const Atom& a, bool first, bool soft_start) {
    const float left = first ? (soft_start ? a.start_trim : 0.0f) : a.trim_left;
    return a.advance - left + (first ? 0.0f : a.gap_before);
}

// Incremental width of a growing line, so fitting stays linear in the text.
struct LineMeter {
    const std::vector<Atom>& atoms;
    uint32_t begin;
    bool soft_start;
    float sum = 0;           // through the last atom added, right trims of inner atoms applied
    float width_to_ink = 0;  // line width if it ended at the last non-blank atom

    void add(uint32_t k) {
        const Atom& a = atoms[k];
        if (k > begin)
            sum -= atoms[k - 1].trim_right;  // k-1 now has a right neighbour
        sum += inner_width(a, k == begin, soft_start);
        if (!is_blank(a))
            width_to_ink = sum;
    }
};

// Where to cut when no break is allowed: the last grapheme boundary that at
// least keeps closing marks off the line start and opening marks off the end.
uint32_t emergency_break(const std::vector<Atom>& atoms, uint32_t s, uint32_t k) {
    for (uint32_t b = k; b > s; --b) {
        const CharClass next = atoms[b].first, prev = atoms[b - 1].last;
        const bool bad_start = next == CharClass::Close || next == CharClass::Stop ||
                               next == CharClass::Excl || next == CharClass::Interpunct ||
                               next == CharClass::Dash;
        if (!bad_start && prev != CharClass::Open)
            return b;
    }
    return k;
}

}  // namespace

float span_width(const std::vector<Atom>& atoms, uint32_t begin, uint32_t end, bool soft_start) {
    LineMeter m{atoms, begin, soft_start};
    for (uint32_t k = begin; k < end; ++k)
        m.add(k);
    return m.width_to_ink;
}

bool too_loose(const std::vector<Atom>& atoms, const FitOptions& fit, uint32_t begin, uint32_t end,
               bool soft_start, float avail) {
    return avail - span_width(atoms, begin, end, soft_start) > fit.max_slack ||
           stretch_per_point(atoms, begin, end, soft_start, avail) > fit.max_stretch;
}

float stretch_per_point(const std::vector<Atom>& atoms, uint32_t begin, uint32_t end,
                        bool soft_start, float avail) {
    uint32_t last_ink = begin;
    for (uint32_t k = begin; k < end; ++k)
        if (!is_blank(atoms[k]))
            last_ink = k;
    int points = 0;
    for (uint32_t k = begin + 1; k <= last_ink; ++k)
        if (is_expansion_point(atoms[k - 1], atoms[k]))
            ++points;
    const float slack = avail - span_width(atoms, begin, end, soft_start);
    return points > 0 && slack > 0 ? slack / static_cast<float>(points) : 0.0f;
}

namespace {

// The line's end among the fitting breaks: best_le[r] is the furthest break of
// rank <= r. The first rank whose line is tight enough wins; else the tightest.
uint32_t choose_break(const std::vector<Atom>& atoms, const FitOptions& fit, uint32_t s, bool soft,
                      float avail, const std::array<uint32_t, kRankCount>& best_le) {
    for (uint32_t r = kRankPhrase; r <= kRankChar; ++r)
        if (best_le[r] > s && !too_loose(atoms, fit, s, best_le[r], soft, avail))
            return best_le[r];
    // Too loose everywhere: the tightest break that keeps terms whole, else inside one.
    return best_le[kRankChar] > s ? best_le[kRankChar] : best_le[kRankKept];
}

}  // namespace

void fit_lines(const std::vector<Atom>& atoms, const FitOptions& fit,
               std::vector<LineSpan>& lines) {
    lines.clear();
    const auto n = static_cast<uint32_t>(atoms.size());
    uint32_t s = 0;
    bool soft = false;
    while (s < n) {
        const float avail = lines.empty() ? fit.first_width : fit.width;
        LineSpan line{s, n, soft, true, false, false};
        LineMeter m{atoms, s, soft};
        std::array<uint32_t, kRankCount> best_le{};  // 0 = none yet
        for (uint32_t k = s; k < n; ++k) {
            if (atoms[k].first == CharClass::Newline) {
                line.end = k + 1;
                break;
            }
            m.add(k);
            if (m.width_to_ink > avail + 0.01f) {
                line.hard_end = false;
                if (best_le[kRankKept] > s) {
                    line.end = choose_break(atoms, fit, s, soft, avail, best_le);
                } else if (k > s) {
                    line.end = emergency_break(atoms, s, k);  // split between graphemes
                    line.emergency = true;
                } else {
                    line.end = k + 1;  // a single grapheme wider than the line
                    line.overflow = true;
                }
                break;
            }
            if (k + 1 < n && atoms[k + 1].break_before != BreakKind::None)
                for (uint32_t r = atoms[k + 1].break_rank; r < best_le.size(); ++r)
                    best_le[r] = k + 1;
        }
        lines.push_back(line);
        soft = !line.hard_end;
        s = line.end;
    }
}

namespace {

// "One character, or one character plus punctuation".
bool is_orphan(const std::vector<Atom>& atoms, const LineSpan& line) {
    int characters = 0;
    for (uint32_t k = line.begin; k < line.end; ++k) {
        const CharClass c = atoms[k].first;
        if (is_blank(atoms[k]) || is_punctuation_class(c))
            continue;
        if (c != CharClass::Han)
            return false;  // Latin words are not orphans
        ++characters;
    }
    return characters == 1;
}

void fix_orphan(const std::vector<Atom>& atoms, const FitOptions& fit, float prev_avail,
                LineSpan& prev, LineSpan& last) {
    for (uint32_t b = prev.end - 1; b > prev.begin + 1; --b) {
        if (atoms[b].break_before != BreakKind::Allowed || atoms[b].break_rank == kRankKept)
            continue;
        if (span_width(atoms, b, last.end, true) > fit.width + 0.01f)
            return;
        if (too_loose(atoms, fit, prev.begin, b, prev.soft_start, prev_avail))
            return;  // a loose line is worse than a short last line
        prev.end = b;
        last.begin = b;
        return;
    }
}

}  // namespace

void avoid_orphans(const std::vector<Atom>& atoms, const FitOptions& fit,
                   std::vector<LineSpan>& lines) {
    for (size_t i = 1; i < lines.size(); ++i) {
        LineSpan& prev = lines[i - 1];
        LineSpan& last = lines[i];
        if (!last.hard_end || prev.hard_end || prev.emergency || prev.overflow)
            continue;
        if (is_orphan(atoms, last))
            fix_orphan(atoms, fit, i == 1 ? fit.first_width : fit.width, prev, last);
    }
}

}  // namespace kiosk::text
