// Home: the event's name, then the 12 co-operation areas as tiles.
#include <algorithm>
#include <cmath>

#include "layout/pages.h"
#include "layout/theme.h"
#include "text/type_scale.h"

namespace kiosk::layout {
namespace {

constexpr float kTileAspect = 1.25f;  // width / height that reads best with icon over title

struct Grid {
    int cols = 1, rows = 1;
    float tw = 0, th = 0;
};

// The column count whose tiles come closest to kTileAspect in the space given.
Grid choose_grid(int n, float w, float h, float gap) {
    Grid best;
    float best_score = 1e9f;
    for (int cols = 2; cols <= 6; ++cols) {
        Grid g;
        g.cols = cols;
        g.rows = (n + cols - 1) / cols;
        g.tw = (w - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
        g.th = (h - gap * static_cast<float>(g.rows - 1)) / static_cast<float>(g.rows);
        if (g.tw <= 0 || g.th <= 0) continue;
        const float score = std::fabs(std::log(g.tw / g.th / kTileAspect)) +
                            0.2f * static_cast<float>(g.rows * g.cols - n);  // empty cells look unfinished
        if (score < best_score) best_score = score, best = g;
    }
    return best;
}

// The largest title size (in em) whose lines fit the box; at worst the smallest.
std::shared_ptr<const text::TextLayout> fit_title(Builder& b, const std::string& title, float w,
                                                  float h) {
    std::shared_ptr<const text::TextLayout> t;
    for (float em = 1.1f; em >= 0.6f; em -= 0.05f) {
        text::TextStyle st = b.style(em, text::Weight::Bold);
        st.align = text::Align::Center;
        st.line_height_em = text::type_scale::kTitleLineHeightEm;
        t = b.lay(title, st, w);
        const bool overflow =
            std::any_of(t->lines.begin(), t->lines.end(), [](const text::Line& l) { return l.overflows; });
        if (t->height <= h && !overflow) break;
    }
    return t;
}

void tile(Builder& b, const content::Area& a, int index, Rect r) {
    const Metrics& m = b.m();
    const Rgba accent{a.accent.r, a.accent.g, a.accent.b, 255};
    b.fill(Layer::Content, r, accent, m.radius);
    const float pad = m.gap;
    const float icon = std::min(r.h * 0.40f, r.w * 0.42f);
    const float icon_y = r.y + std::max(pad, r.h * 0.10f);
    b.image(Layer::Content, {r.x + (r.w - icon) / 2, icon_y, icon, icon}, a.icon);
    const float text_top = icon_y + icon + pad * 0.5f;
    const float text_h = r.bottom() - pad * 0.5f - text_top;
    auto t = fit_title(b, b.tr(a.title), r.w - 2 * pad, text_h);
    b.place(Layer::Content, t, r.x + pad, text_top + std::max(0.0f, (text_h - t->height) / 2),
            theme::kOnDark);
    b.target(Layer::Content, r, Action::open(PageId::area_at(index)), a.id, m.radius);
}

float hero(Builder& b) {
    const Metrics& m = b.m();
    const content::Event& e = b.ctx().bundle.event;
    const float w = m.w - 2 * m.margin;
    float y = m.bar_h + m.gap * 1.5f;
    text::TextStyle title = b.style(text::type_scale::kTitleEm, text::Weight::Bold);
    title.align = text::Align::Center;
    y += b.text(Layer::Content, b.tr(e.title), title, m.margin, y, w, theme::kHero);
    text::TextStyle sub = b.style(0.9f);
    sub.align = text::Align::Center;
    std::string line = b.tr(e.subtitle);
    if (!e.date.empty()) line += (b.lang() == Lang::En ? " · " : "　") + b.tr(e.date);
    y += b.text(Layer::Content, line, sub, m.margin, y, w, theme::kMuted);
    text::TextStyle intro = b.style(1.0f, text::Weight::Bold);
    intro.align = text::Align::Center;
    y += m.gap * 0.5f;
    y += b.text(Layer::Content, b.tr(e.home_intro), intro, m.margin, y, w, theme::kInk);
    return y + m.gap;
}

}  // namespace

DisplayList build_home(const PageContext& ctx) {
    Builder b(ctx);
    const Metrics& m = b.m();
    const auto& areas = ctx.bundle.areas;
    b.dl().viewport = {0, m.bar_h, m.w, m.h - m.bar_h};
    // Content coordinates start under the bar; build in screen space, then shift.
    const float grid_top = hero(b);
    const float grid_h = std::max(m.h - m.margin - grid_top, m.h * 0.45f);
    const Grid g = choose_grid(static_cast<int>(areas.size()), m.w - 2 * m.margin, grid_h, m.gap);
    for (size_t i = 0; i < areas.size(); ++i) {
        const int col = static_cast<int>(i) % g.cols, row = static_cast<int>(i) / g.cols;
        const Rect r{m.margin + static_cast<float>(col) * (g.tw + m.gap),
                     grid_top + static_cast<float>(row) * (g.th + m.gap), g.tw, g.th};
        tile(b, areas[i], static_cast<int>(i), r);
    }
    DisplayList& dl = b.dl();
    for (auto& it : dl.items) it.rect.y -= m.bar_h;
    for (auto& t : dl.targets) t.rect.y -= m.bar_h;
    dl.content_height = grid_top + grid_h + m.margin - m.bar_h;
    control_bar(b, PageId::home());
    return b.finish();
}

bool title_fits_tile(text::FontStack& fonts, const std::string& title, Lang lang) {
    content::Bundle empty;
    PageContext ctx{empty, fonts, lang, {800, 480, 96, false}};
    Builder b(ctx);
    const Metrics& m = b.m();
    const Grid g = choose_grid(12, m.w - 2 * m.margin, m.h * 0.6f, m.gap);
    const float icon = std::min(g.th * 0.40f, g.tw * 0.42f);
    const float text_h = g.th - std::max(m.gap, g.th * 0.10f) - icon - m.gap;
    text::TextStyle st = b.style(0.6f, text::Weight::Bold);
    st.align = text::Align::Center;
    st.line_height_em = text::type_scale::kTitleLineHeightEm;
    auto t = b.lay(title, st, g.tw - 2 * m.gap);
    return t->height <= text_h + 0.5f &&
           std::none_of(t->lines.begin(), t->lines.end(), [](const text::Line& l) { return l.overflows; });
}

}  // namespace kiosk::layout
