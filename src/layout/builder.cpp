#include "layout/builder.h"

#include <algorithm>

#include "layout/house_style.h"
#include "layout/theme.h"
#include "text/type_scale.h"

namespace kiosk::layout {

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
    // Laid out narrower; centre within the full width again.
    auto wide = std::make_shared<text::TextLayout>(*best);
    const float shift = (width - wide->width) / 2;
    wide->width = width;
    for (auto& line : wide->lines) {
        line.x += shift;
        for (auto& g : line.glyphs)
            g.x += shift;
    }
    return wide;
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
