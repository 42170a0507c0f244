// About: the release's opening text and the signing ceremony, as one column.
#include <algorithm>

#include "layout/pages.h"
#include "layout/theme.h"
#include "text/type_scale.h"

namespace kiosk::layout {

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

    float y = m.margin;
    for (const auto& blk : ctx.bundle.about.blocks) {
        const std::string& s = b.tr(blk.text);
        switch (blk.kind) {
            case content::Block::Kind::Heading:
                if (y > m.margin)
                    y += m.body * 0.6f;
                y += b.text(Layer::Content, s, heading, x, y, w, theme::kHero);
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
