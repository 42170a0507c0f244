// An area page: coloured title band, picture(s) with captions, every paragraph,
// and a footer to step to the previous/next area.
#include <algorithm>

#include "layout/pages.h"
#include "layout/theme.h"
#include "text/type_scale.h"

namespace kiosk::layout {
namespace {

constexpr float kPictureAspect = 16.0f / 9.0f;
constexpr float kMaxMeasureEm = 38.0f;  // longest comfortable line, in body em

text::TextStyle body_style(const Builder& b) {
    text::TextStyle st = b.style(text::type_scale::kBodyEm);
    if (is_chinese(b.lang())) {
        st.justify = true;
        st.first_line_indent_em = text::type_scale::kChineseIndentEm;
    }
    return st;
}

// Pictures with captions, stacked in a column; returns the bottom.
float pictures(Builder& b, const content::Area& a, float x, float y, float w) {
    const Metrics& m = b.m();
    for (const auto& p : a.pictures) {
        const float h = w / kPictureAspect;
        b.image(Layer::Content, {x, y, w, h}, p.file);
        y += h + m.gap * 0.5f;
        y += b.text(Layer::Content, b.tr(p.caption), b.style(text::type_scale::kCaptionEm), x, y, w,
                    theme::kMuted);
        y += m.gap;
    }
    return y;
}

// The QR code to the official source, with its label; returns the bottom.
float source_qr(Builder& b, const content::Area& a, float x, float y, float w) {
    if (a.source_url.empty())
        return y;
    const Metrics& m = b.m();
    const float side = std::min(w * 0.4f, m.body * 5.0f);
    b.fill(Layer::Content, {x, y, side, side}, theme::kBar, m.radius * 0.5f);
    b.qr(Layer::Content, {x + side * 0.06f, y + side * 0.06f, side * 0.88f, side * 0.88f},
         a.source_url, theme::kInk);
    const float tx = x + side + m.gap;
    const float th =
        b.text(Layer::Content, b.ui("scan_for_source"), b.style(text::type_scale::kCaptionEm), tx,
               y, w - side - m.gap, theme::kMuted);
    return y + std::max(side, th) + m.gap;
}

float paragraphs(Builder& b, const content::Area& a, float x, float y, float w) {
    const Metrics& m = b.m();
    const text::TextStyle st = body_style(b);
    for (const auto& p : a.paragraphs) {
        b.dl().anchors.push_back(y);
        y += b.text(Layer::Content, b.tr(p), st, x, y, w, theme::kInk);
        y += m.body * 0.8f;
    }
    return y;
}

// `title` with the arrow, on one line at style st within width w: whole if it
// fits, else cut at the last word (Latin) or character (Chinese) that leaves
// room for "…". Never a smaller font, never a second line.
std::string footer_label(const Builder& b, const std::string& title, bool prev,
                         const text::TextStyle& st, float w) {
    auto with_arrow = [&](const std::string& t) { return prev ? "‹ " + t : t + " ›"; };
    if (b.measure(with_arrow(title), st) <= w)
        return with_arrow(title);
    const bool words = title.find(' ') != std::string::npos;
    std::string t = title;
    while (!t.empty()) {
        if (words) {
            const size_t sp = t.find_last_of(' ');
            t.resize(sp == std::string::npos ? 0 : sp);
        } else {
            size_t n = t.size() - 1;
            while (n > 0 && (static_cast<unsigned char>(t[n]) & 0xC0) == 0x80)
                --n;  // back to the start of the last UTF-8 character
            t.resize(n);
        }
        while (!t.empty() && (t.back() == ' ' || t.back() == ','))
            t.pop_back();
        if (words && t.size() >= 4 && t.compare(t.size() - 4, 4, " and") == 0)
            continue;  // "Economy, Trade and…" reads worse than "Economy, Trade…"
        if (b.measure(with_arrow(t + "…"), st) <= w)
            return with_arrow(t + "…");
    }
    return prev ? "‹" : "›";
}

// The footer's ‹ › buttons: one size and one font size for both, whatever the
// labels; the label's width inside.
struct FooterButton {
    float w = 0;
    float label_w = 0;
    text::TextStyle st;
};

FooterButton footer_button(const Builder& b) {
    const Metrics& m = b.m();
    FooterButton f;
    f.w = std::min(m.w * 0.42f, m.body * 11);  // narrow portrait: nearly half each
    f.label_w = f.w - m.gap * 1.5f;
    f.st = b.style(0.75f, text::Weight::Bold);
    return f;
}

bool fits_button(const Builder& b, const std::string& t, const FooterButton& f) {
    return b.measure("‹ " + t, f.st) <= f.label_w && b.measure(t + " ›", f.st) <= f.label_w;
}

// The title when it fits, else the area's short_title in this language, else
// the title cut with "…".
std::string footer_text(const Builder& b, const content::Area& a, bool prev,
                        const FooterButton& f) {
    const std::string& title = b.tr(a.title);
    const bool has_short =
        a.short_title.has(b.lang()) || (b.lang() == Lang::ZhHans && a.short_title.has(Lang::ZhHK));
    if (has_short && !fits_button(b, title, f) && fits_button(b, b.tr(a.short_title), f))
        return footer_label(b, b.tr(a.short_title), prev, f.st, f.label_w);
    return footer_label(b, title, prev, f.st, f.label_w);
}

void footer(Builder& b, int index, float top) {
    const Metrics& m = b.m();
    const auto& areas = b.ctx().bundle.areas;
    const int n = static_cast<int>(areas.size());
    b.fill(Layer::Chrome, {0, top, m.w, m.h - top}, theme::kBar);
    b.fill(Layer::Chrome, {0, top, m.w, 1}, theme::kRule);
    const float pad = (m.h - top - std::max(m.target, (m.h - top) * 0.72f)) / 2;
    const float bh = m.h - top - 2 * pad;
    const FooterButton f = footer_button(b);
    const float bw = f.w;
    const auto& prev = areas[static_cast<size_t>((index + n - 1) % n)];
    const auto& next = areas[static_cast<size_t>((index + 1) % n)];
    const Rgba pc{prev.accent.r, prev.accent.g, prev.accent.b, 255};
    const Rgba nc{next.accent.r, next.accent.g, next.accent.b, 255};
    // One size and one font size for both buttons; the label fits on one line.
    b.button(Layer::Chrome, {m.margin, top + pad, bw, bh}, footer_text(b, prev, true, f),
             Action::of(Action::Kind::Previous), pc, theme::kOnDark, f.st);
    b.button(Layer::Chrome, {m.w - m.margin - bw, top + pad, bw, bh},
             footer_text(b, next, false, f), Action::of(Action::Kind::Next), nc, theme::kOnDark,
             f.st);
    // Position dots between the buttons, when there is room: an indicator, not
    // controls (too small to aim at; the buttons step), so small, flat and
    // untouchable. The current area is a short bar in its accent colour, the others rule dots.
    const float dot = std::max(5.0f, m.body * 0.25f);
    const float pitch = dot * 2.5f;
    const float span = static_cast<float>(n) * pitch;
    if (span < m.w - 2 * (m.margin + bw + m.gap)) {
        float x = (m.w - span) / 2 + (pitch - dot) / 2;
        for (int i = 0; i < n; ++i, x += pitch) {
            const auto& c = areas[static_cast<size_t>(i)].accent;
            const float dw = i == index ? dot * 2.4f : dot;  // the current one a short bar
            b.fill(Layer::Chrome, {x + (dot - dw) / 2, top + (m.h - top - dot) / 2, dw, dot},
                   i == index ? Rgba{c.r, c.g, c.b, 255} : theme::kRule, dot / 2);
        }
    }
}

}  // namespace

DisplayList build_area(const PageContext& ctx, int index) {
    Builder b(ctx);
    const Metrics& m = b.m();
    const content::Area& a = ctx.bundle.areas[static_cast<size_t>(index)];
    const Rgba accent{a.accent.r, a.accent.g, a.accent.b, 255};
    const float band_bottom = title_band(b, b.tr(a.title), accent, a.icon);
    const float footer_top = m.h - m.bar_h;
    b.dl().viewport = {0, band_bottom, m.w, footer_top - band_bottom};

    const float inner = m.w - 2 * m.margin;
    float bottom = 0;
    if (!m.portrait && m.w > m.h * 1.2f) {
        // Landscape: pictures on the left, text on the right, both scroll together.
        const float left_w = inner * 0.38f;
        const float text_x = m.margin + left_w + m.margin;
        const float text_w = std::min(m.w - m.margin - text_x, m.body * kMaxMeasureEm);
        float y = pictures(b, a, m.margin, m.margin, left_w);
        y = source_qr(b, a, m.margin, y, left_w);
        bottom = std::max(y, paragraphs(b, a, text_x, m.margin, text_w));
    } else {
        const float w = std::min(inner, m.body * kMaxMeasureEm);
        const float x = (m.w - w) / 2;
        float y = pictures(b, a, x, m.margin, w);
        y = paragraphs(b, a, x, y + m.gap, w);
        bottom = source_qr(b, a, x, y, w);
    }
    b.dl().content_height = bottom + m.margin;
    scroll_cue(b);
    footer(b, index, footer_top);
    control_bar(b, PageId::area_at(index));
    return b.finish();
}

bool label_fits_footer(text::FontStack& fonts, const std::string& label, Lang lang) {
    const content::Bundle empty;
    for (Screen s : kSupportedScreens) {
        for (bool large : {false, true}) {
            s.large_text = large;
            const PageContext ctx{empty, fonts, lang, s};
            const Builder b(ctx);
            if (!fits_button(b, label, footer_button(b)))
                return false;
        }
    }
    return true;
}

}  // namespace kiosk::layout
