// layout_paragraph(): sanitise → segment → itemise → shape → space → fit → position.
#include <algorithm>
#include <cmath>
#include <limits>

#include "base/log.h"
#include "base/utf8.h"
#include "text/font_impl.h"
#include "text/linefit.h"
#include "text/phrases.h"
#include "text/shaper.h"
#include "text/spacing.h"
#include "text/type_scale.h"

namespace kiosk::text {
namespace {

void segment(FontStack::Impl& im, Paragraph& p, const std::string& source, const TextStyle& style) {
    const Lang lang = style.lang;
    p.cps = decode_utf8(source);
    p.chars.resize(p.cps.size());
    for (size_t i = 0; i < p.cps.size(); ++i)
        p.chars[i] = p.cps[i].cp;
    const size_t n = p.chars.size();
    p.u16.assign(p.chars.data(), n);
    icu_line_breaks(im.line_breaker(lang), p.u16, n, p.breaks);
    if (is_chinese(lang))
        apply_clreq(p.chars.data(), n, p.breaks);
    grapheme_starts(*im.graphemes, p.u16, n, p.grapheme_start);
    rank_breaks(im, p, lang, style.lexicon.get());
}

// Only justified Chinese lines stretch; ragged lines may end anywhere.
float max_stretch(const TextStyle& style) {
    const bool justified = style.justify && is_chinese(style.lang) && style.align == Align::Start;
    const float em = std::isfinite(style.max_stretch_em) ? std::max(0.0f, style.max_stretch_em) : 0;
    return justified ? em * style.size_px : std::numeric_limits<float>::infinity();
}

struct LineContext {
    const Paragraph& p;
    const TextStyle& style;
    float max_width;
    float indent;  // px, first line only
    float baseline;
};

// Space justification adds at each expansion point of the line.
float justify_extra(const LineContext& ctx, const LineSpan& span, float x, float width,
                    int& points) {
    points = 0;
    // English stays ragged right (no hyphenation: justified narrow columns get rivers).
    const bool wanted = ctx.style.justify && is_chinese(ctx.style.lang) &&
                        ctx.style.align == Align::Start && !span.hard_end && !span.overflow;
    if (!wanted || width >= ctx.max_width - x)
        return 0;
    const auto& atoms = ctx.p.atoms;
    uint32_t last_ink = span.begin;
    for (uint32_t k = span.begin; k < span.end; ++k)
        if (atoms[k].first != CharClass::Space && atoms[k].first != CharClass::Newline)
            last_ink = k;
    for (uint32_t k = span.begin + 1; k <= last_ink; ++k)
        if (is_expansion_point(atoms[k - 1], atoms[k]))
            ++points;
    return points > 0 ? (ctx.max_width - x - width) / static_cast<float>(points) : 0.0f;
}

void place_atom(const LineContext& ctx, const Atom& a, float left_trim, float right_trim,
                float& pen, Line& line) {
    for (uint32_t g = a.glyph_begin; g < a.glyph_end; ++g) {
        const ShapedGlyph& s = ctx.p.glyphs[g];
        Glyph out{s.face, s.gid, s.cluster, pen + s.x_offset, ctx.baseline - s.y_offset, s.advance};
        if (g == a.glyph_begin) {
            out.x -= left_trim;
            out.advance -= left_trim;
        }
        if (g + 1 == a.glyph_end)
            out.advance -= right_trim;
        pen += out.advance;
        line.glyphs.push_back(out);
    }
}

Line position_line(const LineContext& ctx, const LineSpan& span, bool first_line) {
    const auto& atoms = ctx.p.atoms;
    Line line;
    line.begin = atoms[span.begin].byte_begin;
    line.end = atoms[span.end - 1].byte_end;
    line.baseline = ctx.baseline;
    line.overflows = span.overflow;
    line.split_word = span.emergency;
    line.glyphs.reserve(atoms[span.end - 1].glyph_end - atoms[span.begin].glyph_begin);
    const float width = span_width(atoms, span.begin, span.end, span.soft_start);
    if (first_line)
        line.x = ctx.indent;
    int points = 0;
    const float extra = justify_extra(ctx, span, line.x, width, points);
    line.justified = points > 0 && extra > 0;
    line.width = width + extra * static_cast<float>(points);
    if (ctx.style.align == Align::Center)
        line.x = std::max(0.0f, (ctx.max_width - line.width) / 2);
    float pen = line.x;
    for (uint32_t k = span.begin; k < span.end; ++k) {
        const Atom& a = atoms[k];
        if (k > span.begin) {
            float gap = a.gap_before + (is_expansion_point(atoms[k - 1], a) ? extra : 0.0f);
            // The space belongs to the previous glyph's advance so advances sum to the width.
            if (!line.glyphs.empty())
                line.glyphs.back().advance += gap;
            pen += gap;
        }
        const float left = k == span.begin ? (span.soft_start ? a.start_trim : 0.0f) : a.trim_left;
        const float right = k + 1 == span.end ? 0.0f : a.trim_right;
        place_atom(ctx, a, left, right, pen, line);
    }
    return line;
}

// Logged once per distinct text: the app may lay the same string out every frame.
void warn_overflow(FontStack::Impl& im, const std::string& source, const Line& line) {
    if (im.reported_overflow.size() > 4096)
        im.reported_overflow.clear();  // bound the memory
    if (!im.reported_overflow.insert(std::hash<std::string>{}(source)).second)
        return;
    log_warn("text wider than its box: \"" + source.substr(line.begin, line.end - line.begin) +
             "\"");
}

}  // namespace

TextLayout layout_paragraph(FontStack& fonts, std::string_view utf8, const TextStyle& in_style,
                            float max_width_px) {
    TextStyle style = in_style;
    // Guard against NaN/absurd inputs from content: never crash, never hang.
    if (!std::isfinite(style.size_px) || style.size_px < 1)
        style.size_px = 1;
    style.size_px = std::min(style.size_px, 4096.0f);
    if (!std::isfinite(style.line_height_em) || style.line_height_em <= 0)
        style.line_height_em = 1;
    if (!std::isfinite(style.first_line_indent_em))
        style.first_line_indent_em = 0;
    if (!std::isfinite(max_width_px) || max_width_px < 0)
        max_width_px = 0;

    TextLayout out;
    out.width = max_width_px;
    out.size_px = style.size_px;
    out.source = sanitize_utf8(utf8);
    FontStack::Impl& im = fonts.impl();
    Paragraph& p = im.scratch;
    segment(im, p, out.source, style);
    assign_faces(im, p, style.lang, style.weight);
    im.set_size(style.size_px);
    shape_runs(im, p, out.source, style.lang, style.size_px);
    build_atoms(p, out.source.size());
    const float han_digit =
        std::isfinite(style.han_digit_space_em)
            ? std::clamp(style.han_digit_space_em, 0.0f, type_scale::kHanLatinSpaceMaxEm)
            : 0.0f;
    apply_spacing(im, p, style.size_px, type_scale::kHanLatinSpaceEm, han_digit);

    // Indent only start-aligned text, and never more than half the box (a
    // misconfigured indent must not push every glyph out of a narrow tile).
    const float indent =
        style.align == Align::Start
            ? std::clamp(style.first_line_indent_em * style.size_px, 0.0f, max_width_px / 2)
            : 0.0f;
    std::vector<LineSpan> spans;
    // Chinese lines, ragged or not, fall back inside a phrase rather than end
    // more than kMaxJustifySlackEm short; English words are too long for that.
    // Ragged lines (titles, tile labels) may fall up to half their width short:
    // "人才與 / 公務員交流" in a five-character tile beats "人才與公務 / 員交流".
    const float stretch = max_stretch(style);
    const float ragged = std::isfinite(stretch) ? 0.0f : max_width_px / 2;
    const float slack = is_chinese(style.lang)
                            ? std::max(type_scale::kMaxJustifySlackEm * style.size_px, ragged)
                            : std::numeric_limits<float>::infinity();
    const FitOptions fit{std::max(0.0f, max_width_px - indent), max_width_px, stretch, slack};
    fit_lines(p.atoms, fit, spans);
    avoid_orphans(p.atoms, fit, spans);

    const float line_height = style.line_height_em * style.size_px;
    const float ascent = fonts.ascent(style), descent = fonts.descent(style);
    const float half_leading = (line_height - (ascent + descent)) / 2;
    out.lines.reserve(spans.size());
    for (size_t i = 0; i < spans.size(); ++i) {
        const float baseline = static_cast<float>(i) * line_height + half_leading + ascent;
        LineContext ctx{p, style, max_width_px, indent, baseline};
        out.lines.push_back(position_line(ctx, spans[i], i == 0));
        if (spans[i].overflow)
            warn_overflow(im, out.source, out.lines.back());
    }
    out.height = static_cast<float>(out.lines.size()) * line_height;
    return out;
}

}  // namespace kiosk::text
