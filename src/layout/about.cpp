// About: the release's opening text and the signing ceremony, as one column.
#include <algorithm>
#include <string>
#include <utility>

#include "layout/pages.h"
#include "layout/theme.h"
#include "text/type_scale.h"

namespace kiosk::layout {
namespace {

// "一、" … "十二、" in Chinese, "1." … in English.
std::string list_number(int n, bool zh) {
    if (!zh)
        return std::to_string(n) + ".";
    static const char* const kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    std::string s;
    if (n >= 10) {
        if (n >= 20)
            s += kDigits[n / 10];
        s += "十";
    }
    s += kDigits[n % 10];
    return s + "、";
}

// The areas as a numbered list, each row opening its area page; two columns
// (read down) when every title fits on one line there. Returns the bottom.
float area_list(Builder& b, const text::TextStyle& st, float x, float y, float w) {
    const Metrics& m = b.m();
    const auto& areas = b.ctx().bundle.areas;
    const int n = static_cast<int>(areas.size());
    const bool zh = is_chinese(b.lang());
    const float num_w = b.measure(list_number(n >= 10 ? 12 : n, zh), st) + m.body * 0.3f;
    const float indent = zh ? m.body * 2 : m.body;  // aligns with the paragraphs' indent
    const float col_gap = m.body * 1.5f;
    const float col_w = (w - indent - col_gap) / 2;
    bool two = n > 1;
    for (const auto& a : areas)
        two = two && b.measure(b.tr(a.title), st) <= col_w - num_w;
    const int rows = two ? (n + 1) / 2 : n;
    const float cw = two ? col_w : w - indent;
    const float row_h = std::max(m.target, st.size_px * 1.7f);
    float bottom = y;
    float col_y[2] = {y, y};  // each column's next row (a title may take two lines)
    for (int i = 0; i < n; ++i) {
        const int col = i / rows;
        const float rx = x + indent + static_cast<float>(col) * (col_w + col_gap);
        const float ry = col_y[col];
        auto t = b.lay(b.tr(areas[static_cast<size_t>(i)].title), st, cw - num_w);
        const float h = std::max(row_h, t->height + st.size_px * 0.7f);
        const float ty = ry + (h - t->height) / 2;
        b.text(Layer::Content, list_number(i + 1, zh), st, rx, ty, num_w, theme::kHero);
        b.place(Layer::Content, t, rx + num_w, ty, theme::kInk);
        b.target(Layer::Content, {rx - m.body * 0.3f, ry, cw + m.body * 0.3f, h},
                 Action::open(PageId::area_at(i)), areas[static_cast<size_t>(i)].id,
                 m.radius * 0.5f);
        col_y[col] = ry + h;
        bottom = std::max(bottom, ry + h);
    }
    return bottom;
}

}  // namespace

DisplayList build_about(const PageContext& ctx) {
    Builder b(ctx);
    const Metrics& m = b.m();
    const float band_bottom = title_band(b, b.tr(ctx.bundle.about.title), theme::kHero, "");
    b.dl().viewport = {0, band_bottom, m.w, m.h - band_bottom};
    const float w = std::min(m.w - 2 * m.margin, m.body * 38.0f);
    const float x = (m.w - w) / 2;
    const bool zh = is_chinese(b.lang());
    text::TextStyle body = b.style(text::type_scale::kBodyEm);
    body.justify = zh;
    text::TextStyle para = body;
    if (zh)
        para.first_line_indent_em = text::type_scale::kChineseIndentEm;
    const text::TextStyle heading = b.style(text::type_scale::kSubheadingEm, text::Weight::Bold);
    const float bullet_indent = m.body * 1.5f;

    text::TextStyle dateline = body;
    dateline.justify = false;
    const float para_gap = m.body * 0.8f;

    float y = m.margin;
    bool after_list = false;  // the list's own space below stands for the heading's
    bool after_bullet = false;
    for (const auto& blk : ctx.bundle.about.blocks) {
        const std::string& s =
            blk.kind == content::Block::Kind::AreaList ? std::string() : b.tr(blk.text);
        const bool list_before = std::exchange(after_list, false);
        // After a run of bullets, the same space as before it (a paragraph's).
        if (std::exchange(after_bullet, blk.kind == content::Block::Kind::Bullet) &&
            blk.kind != content::Block::Kind::Bullet)
            y += m.body * 0.4f;
        switch (blk.kind) {
            case content::Block::Kind::AreaList:
                // The paragraph above left para_gap; leave the same below.
                y = area_list(b, body, x, y - para_gap * 0.5f, w) - para_gap * 0.5f + para_gap;
                after_list = true;
                break;
            case content::Block::Kind::Dateline: {
                y += m.body * 1.2f;
                b.fill(Layer::Content, {x, y, m.body * 3, 1}, theme::kRule);
                y += m.body * 0.6f;
                b.dl().anchors.push_back(y);
                size_t start = 0;
                while (start <= s.size()) {
                    size_t end = s.find('\n', start);
                    if (end == std::string::npos)
                        end = s.size();
                    y += b.text(Layer::Content, s.substr(start, end - start), dateline, x, y, w,
                                theme::kMuted);
                    start = end + 1;
                }
                y += para_gap;
                break;
            }
            case content::Block::Kind::Heading:
                if (y > m.margin && !list_before)
                    y += m.body * 0.6f;
                y += b.heading(Layer::Content, s, heading, x, y, w, theme::kHero);
                y += m.body * 0.4f;
                break;
            case content::Block::Kind::Paragraph:
                b.dl().anchors.push_back(y);
                y += b.text(Layer::Content, s, para, x, y, w, theme::kInk);
                y += m.body * 0.8f;
                break;
            case content::Block::Kind::Bullet:
                b.dl().anchors.push_back(y);
                b.text(Layer::Content, "•", body, x + m.body * 0.4f, y,
                       bullet_indent - m.body * 0.4f, theme::kHero);
                y += b.text(Layer::Content, s, body, x + bullet_indent, y, w - bullet_indent,
                            theme::kInk);
                y += m.body * 0.4f;
                break;
        }
    }
    b.dl().content_height = y + m.margin;
    scroll_cue(b);
    control_bar(b, PageId::about());
    return b.finish();
}

DisplayList build_page(const PageContext& ctx, const PageId& page) {
    switch (page.kind) {
        case PageId::Kind::Home:
            return build_home(ctx);
        case PageId::Kind::About:
            return build_about(ctx);
        case PageId::Kind::Area:
            if (page.area >= 0 && page.area < static_cast<int>(ctx.bundle.areas.size()))
                return build_area(ctx, page.area);
            return build_home(ctx);
    }
    return build_home(ctx);
}

}  // namespace kiosk::layout
