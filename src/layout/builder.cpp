#include "layout/builder.h"

#include <algorithm>
#include <string_view>

#include "layout/house_style.h"
#include "layout/theme.h"
#include "text/type_scale.h"

namespace kiosk::layout {
namespace {

// Words joined by a hyphen ("co-operation", "Kwok-ki"), without surrounding punctuation.
std::vector<std::string> hyphenated_words(const std::string& s) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = s.find(' ', i);
        if (j == std::string::npos)
            j = s.size();
        std::string w = s.substr(i, j - i);
        while (!w.empty() && std::string_view(",.;:!?)\"'").find(w.back()) != std::string::npos)
            w.pop_back();
        while (!w.empty() && (w.front() == '(' || w.front() == '"'))
            w.erase(w.begin());
        const size_t h = w.find('-');
        if (h != std::string::npos && h > 0 && h + 1 < w.size())
            out.push_back(w);
        i = j + 1;
    }
    return out;
}

bool opens_with_separator(std::string_view line) {
    for (std::string_view sep : {"·", "•", "・", "–", "—", "-"})
        if (line.substr(0, sep.size()) == sep)
            return true;
    return false;
}

size_t utf8_chars(std::string_view s) {
    size_t n = 0;
    for (char c : s)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

}  // namespace

Builder::Builder(const PageContext& ctx)
    : ctx_(ctx), m_(compute_metrics(ctx.screen)), house_(house_style(ctx.bundle)) {}

text::TextStyle Builder::style(float em, text::Weight w) const {
    text::TextStyle st = house_;
    st.lang = ctx_.lang;
    st.size_px = em * m_.body;
    st.weight = w;
    st.line_height_em = em >= text::type_scale::kSubheadingEm ? text::type_scale::kTitleLineHeightEm
                                                              : text::type_scale::kBodyLineHeightEm;
    return st;
}

std::shared_ptr<const text::TextLayout> Builder::lay(const std::string& s,
                                                     const text::TextStyle& st, float width) const {
    return std::make_shared<text::TextLayout>(text::layout_paragraph(ctx_.fonts, s, st, width));
}

std::shared_ptr<const text::TextLayout> Builder::lay_balanced(const std::string& s,
                                                              const text::TextStyle& st,
                                                              float width) const {
    auto best = lay(s, st, width);
    const size_t lines = best->lines.size();
    if (lines < 2)
        return best;
    // The narrowest width that keeps the same number of lines evens them out.
    float lo = width / static_cast<float>(lines), hi = width;
    for (int i = 0; i < 8 && hi - lo > 1; ++i) {
        const float mid = (lo + hi) / 2;
        auto t = lay(s, st, mid);
        if (t->lines.size() == lines && !breaks_inside_word(*t)) {
            hi = mid;
            best = std::move(t);
        } else {
            lo = mid;
        }
    }
    // Laid out narrower; centre within the full width again (start-aligned text stays put).
    auto wide = std::make_shared<text::TextLayout>(*best);
    const float shift = st.align == text::Align::Center ? (width - wide->width) / 2 : 0;
    wide->width = width;
    for (auto& line : wide->lines) {
        line.x += shift;
        for (auto& g : line.glyphs)
            g.x += shift;
    }
    return wide;
}

int Builder::lonely_lines(const text::TextLayout& t) {
    if (t.lines.size() < 2)
        return 0;
    // Latin words (space-separated): with fewer than two a line, some line
    // must hold one ("Environmental / Protection"); that is not left behind.
    size_t words = 1;
    for (char c : t.source)
        words += c == ' ';
    const bool enough_words = words >= 2 * t.lines.size();
    int n = 0;
    for (const auto& l : t.lines) {
        std::string_view line = std::string_view(t.source).substr(l.begin, l.end - l.begin);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\n'))
            line.remove_suffix(1);
        const bool latin = !line.empty() && static_cast<unsigned char>(line[0]) < 0x80;
        const bool one_word = latin ? enough_words && line.find(' ') == std::string_view::npos
                                    : utf8_chars(line) <= 1;
        n += one_word || opens_with_separator(line);
    }
    return n;
}

std::shared_ptr<const text::TextLayout> Builder::lay_heading(const std::string& s,
                                                             const text::TextStyle& st,
                                                             float width) const {
    const std::vector<std::string> hyphenated = hyphenated_words(s);
    enum class Terms { All, Fitting, None, LastTwoWords };
    const auto with_terms = [&](Terms which) {
        std::vector<std::string> terms = hyphenated;
        if (which == Terms::LastTwoWords) {  // no widow: "Legal and / Dispute Resolution"
            const size_t sp = s.rfind(' ');
            const size_t sp2 = sp == std::string::npos || sp == 0 ? sp : s.rfind(' ', sp - 1);
            if (sp != std::string::npos)
                terms.push_back(s.substr(sp2 == std::string::npos ? 0 : sp2 + 1));
            which = Terms::Fitting;
        }
        for (const auto& term : ctx_.bundle.typography.keep_together)
            if (which == Terms::All ||
                (which == Terms::Fitting && s.find(term) != std::string::npos &&
                 measure(term, st) <= width))
                terms.push_back(term);
        text::TextStyle ts = st;
        ts.lexicon = text::Lexicon::make(terms);
        return ts;
    };
    auto best = lay_balanced(s, hyphenated.empty() ? st : with_terms(Terms::All), width);
    // Rather than leave a word alone, a kept term may break at its seams: first
    // one wider than the line, then any ("2023 / Hong Kong–Macao·Zhejiang Week").
    for (Terms which : {Terms::Fitting, Terms::None, Terms::LastTwoWords}) {
        if (lonely_lines(*best) == 0)
            break;
        auto other = lay_balanced(s, with_terms(which), width);
        if (lonely_lines(*other) < lonely_lines(*best))
            best = std::move(other);
    }
    return best;
}

float Builder::heading(Layer layer, const std::string& s, const text::TextStyle& st, float x,
                       float y, float width, Rgba color) {
    if (s.empty())
        return 0;
    auto t = lay_heading(s, st, width);
    const float h = t->height;
    place(layer, std::move(t), x, y, color);
    return h;
}

bool Builder::breaks_inside_word(const text::TextLayout& t) {
    const auto alnum = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    for (size_t i = 0; i + 1 < t.lines.size(); ++i) {
        const uint32_t end = t.lines[i].end;
        if (end > 0 && end < t.source.size() && alnum(t.source[end - 1]) && alnum(t.source[end]))
            return true;
    }
    return false;
}

DrawItem& Builder::add(DrawItem::Kind kind, Layer layer, Rect r, Rgba color, float radius) {
    DrawItem& it = dl_.items.emplace_back();
    it.kind = kind;
    it.layer = layer;
    it.rect = r;
    it.color = color;
    it.radius = radius;
    return it;
}

void Builder::fill(Layer layer, Rect r, Rgba c, float radius) {
    add(DrawItem::Kind::Fill, layer, r, c, radius);
}

void Builder::place(Layer layer, std::shared_ptr<const text::TextLayout> t, float x, float y,
                    Rgba color) {
    add(DrawItem::Kind::Text, layer, {x, y, t->width, t->height}, color).text = std::move(t);
}

float Builder::text(Layer layer, const std::string& s, const text::TextStyle& st, float x, float y,
                    float width, Rgba color) {
    if (s.empty())
        return 0;
    auto t = lay(s, st, width);
    const float h = t->height;
    place(layer, std::move(t), x, y, color);
    return h;
}

void Builder::image(Layer layer, Rect r, const std::string& rel_path) {
    // The placeholder colour shows if the picture is missing or damaged.
    add(DrawItem::Kind::Image, layer, r, theme::kPlaceholder, m_.radius).source =
        (ctx_.bundle.dir / rel_path).string();
}

void Builder::qr(Layer layer, Rect r, const std::string& text, Rgba dark) {
    add(DrawItem::Kind::Qr, layer, r, dark).source = text;
}

void Builder::target(Layer layer, Rect r, const Action& a, std::string label, float radius) {
    dl_.targets.push_back({r, layer, radius, a, std::move(label)});
}

void Builder::button(Layer layer, Rect r, const std::string& label, const Action& a, Rgba bg,
                     Rgba fg, float em) {
    button(layer, r, label, a, bg, fg, style(em, text::Weight::Bold));
}

void Builder::button(Layer layer, Rect r, const std::string& label, const Action& a, Rgba bg,
                     Rgba fg, const text::TextStyle& label_style) {
    fill(layer, r, bg, m_.radius);
    text::TextStyle st = label_style;
    st.align = text::Align::Center;
    st.line_height_em = text::type_scale::kTitleLineHeightEm;
    // Long labels (English area names) shrink until they fit the button.
    const float min_px = label_style.size_px * 0.6f;
    auto t = lay_balanced(label, st, r.w - m_.gap);
    while ((t->height > r.h * 0.95f || breaks_inside_word(*t)) && st.size_px * 0.9f >= min_px) {
        st.size_px *= 0.9f;
        t = lay_balanced(label, st, r.w - m_.gap);
    }
    place(layer, t, r.x + m_.gap / 2, r.y + (r.h - t->height) / 2, fg);
    target(layer, r, a, label, m_.radius);
}

float Builder::measure(const std::string& s, const text::TextStyle& st) const {
    auto t = text::layout_paragraph(ctx_.fonts, s, st, 1e6f);
    float w = 0;
    for (const auto& l : t.lines)
        w = std::max(w, l.width);
    return w;
}

}  // namespace kiosk::layout
