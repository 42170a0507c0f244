// Home: the event's name, then the 12 co-operation areas as tiles.
#include <algorithm>
#include <cmath>

#include "layout/pages.h"
#include "layout/theme.h"
#include "text/type_scale.h"

namespace kiosk::layout {
namespace {

constexpr float kTileAspect = 1.45f;  // width / height that reads best with icon over title

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
        if (g.tw <= 0 || g.th <= 0)
            continue;
        const float score =
            std::fabs(std::log(g.tw / g.th / kTileAspect)) +
            0.2f * static_cast<float>(g.rows * g.cols - n);  // empty cells look unfinished
        if (score < best_score)
            best_score = score, best = g;
    }
    return best;
}

text::TextStyle title_style(const Builder& b, float em) {
    text::TextStyle st = b.style(em, text::Weight::Bold);
    st.align = text::Align::Center;
    st.line_height_em = text::type_scale::kTitleLineHeightEm;
    return st;
}

bool fits(const text::TextLayout& t, float h) {
    const bool overflow = std::any_of(t.lines.begin(), t.lines.end(),
                                      [](const text::Line& l) { return l.overflows; });
    return t.height <= h && !overflow && !Builder::breaks_inside_word(t);
}

// Where a tile's parts go, so sizing and drawing agree. The icon's side and
// top offset come from the tile at normal text size, so A+ keeps them.
struct TileBox {
    Rect icon, text;
};

struct IconPlace {
    float side = 0, top = 0;
};

IconPlace icon_place(const Metrics& m, float tw, float th, float icon_frac) {
    return {std::min(th * icon_frac, tw * 0.42f), std::max(m.gap, th * 0.10f)};
}

TileBox tile_box(const Metrics& m, Rect r, IconPlace ip) {
    const float pad = m.gap;
    const float icon_y = r.y + ip.top;
    const float text_top = icon_y + ip.side + pad * 0.5f;
    return {{r.x + (r.w - ip.side) / 2, icon_y, ip.side, ip.side},
            {r.x + pad, text_top, r.w - 2 * pad, r.bottom() - pad * 0.5f - text_top}};
}

TileBox tile_box(const Metrics& m, Rect r, float icon_frac) {
    return tile_box(m, r, icon_place(m, r.w, r.h, icon_frac));
}

// One title size for every tile: the largest at which all titles fit, so the
// grid reads as a set rather than a ransom note.
float common_title_em(const Builder& b, const std::vector<content::Area>& areas, const Rect& box) {
    constexpr float kMaxEm = 1.1f, kMinEm = 0.55f, kStep = 0.05f;
    constexpr int kSteps = 11;  // kMaxEm down to kMinEm
    // Binary search on plain layouts (balancing never changes the line count).
    const auto all_fit = [&](int step) {
        const float em = kMaxEm - kStep * static_cast<float>(step);
        for (const auto& a : areas)
            if (!fits(*b.lay(b.tr(a.title), title_style(b, em), box.w), box.h))
                return false;
        return true;
    };
    int lo = 0, hi = kSteps;
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (all_fit(mid))
            hi = mid;
        else
            lo = mid + 1;
    }
    return std::max(kMinEm, kMaxEm - kStep * static_cast<float>(lo));
}

struct TileStyle {
    float icon_frac = 0.40f;  // icon height / tile height
    float em = 1.0f;          // title size
};

// Large titles first; on cramped screens the icon gives up room before the
// text gets small.
TileStyle choose_tile_style(const Builder& b, const std::vector<content::Area>& areas,
                            const Grid& g) {
    constexpr float kComfortableEm = 0.75f;
    TileStyle ts;
    for (float frac : {0.40f, 0.32f, 0.24f}) {
        ts = {frac, common_title_em(b, areas, tile_box(b.m(), {0, 0, g.tw, g.th}, frac).text)};
        if (ts.em >= kComfortableEm)
            break;
    }
    return ts;
}

// The grid as the screen decides it, the same in every language and text size;
// only the tile height grows with A+ (larger titles under the same icon).
struct TilePlan {
    Grid g;
    IconPlace icon;
    float em = 1.0f;  // title size in this page's body em
};

void tile(Builder& b, const content::Area& a, int index, Rect r, const TilePlan& tp) {
    const Metrics& m = b.m();
    const Rgba accent{a.accent.r, a.accent.g, a.accent.b, 255};
    b.fill(Layer::Content, r, accent, m.radius);
    const TileBox box = tile_box(m, r, tp.icon);
    b.image(Layer::Content, box.icon, a.icon);
    auto t = b.lay_balanced(b.tr(a.title), title_style(b, tp.em), box.text.w);
    b.place(Layer::Content, t, box.text.x,
            box.text.y + std::max(0.0f, (box.text.h - t->height) / 2), theme::kOnDark);
    b.target(Layer::Content, r, Action::open(PageId::area_at(index)), a.id, m.radius);
}

// The event's name, subtitle and date, and the intro; returns the bottom
// (screen coordinates). `lower` moves it down from its place under the bar.
float hero(Builder& b, float lower = 0) {
    const Metrics& m = b.m();
    const content::Event& e = b.ctx().bundle.event;
    const float w = m.w - 2 * m.margin;
    float y = m.bar_h + m.gap * 1.5f + lower;
    text::TextStyle title = b.style(text::type_scale::kTitleEm, text::Weight::Bold);
    title.align = text::Align::Center;
    y += b.heading(Layer::Content, b.tr(e.title), title, m.margin, y, w, theme::kHero);
    text::TextStyle sub = b.style(0.9f);
    sub.align = text::Align::Center;
    // Subtitle and date share a line when both fit; otherwise each gets its own,
    // so no line starts or ends with the separator ("· Monday, 26 June 2023").
    const std::string joined =
        e.date.empty() ? b.tr(e.subtitle)
                       : b.tr(e.subtitle) + (b.lang() == Lang::En ? " · " : "　") + b.tr(e.date);
    if (e.date.empty() || b.measure(joined, sub) <= w) {
        y += b.heading(Layer::Content, joined, sub, m.margin, y, w, theme::kMuted);
    } else {
        y += b.heading(Layer::Content, b.tr(e.subtitle), sub, m.margin, y, w, theme::kMuted);
        y += b.heading(Layer::Content, b.tr(e.date), sub, m.margin, y, w, theme::kMuted);
    }
    text::TextStyle intro = b.style(1.0f, text::Weight::Bold);
    intro.align = text::Align::Center;
    y += m.gap * 0.5f;
    y += b.heading(Layer::Content, b.tr(e.home_intro), intro, m.margin, y, w, theme::kInk);
    return y + m.gap;
}

Screen normal_text(Screen s) {
    s.large_text = false;
    return s;
}

// The bottom of the hero (screen coordinates) at normal text size, in the
// language that needs the most room: the grid is planned below it.
float tallest_hero(const PageContext& ctx) {
    float bottom = 0;
    for (Lang l : kAllLangs) {
        const PageContext c{ctx.bundle, ctx.fonts, l, normal_text(ctx.screen)};
        Builder probe(c);
        bottom = std::max(bottom, hero(probe));
    }
    return bottom;
}

// With A+ the titles are set 1.25× larger (the body's scale) in the same tile
// width; a smaller size only when a word would not fit the width otherwise,
// never below the normal one. The tile grows to hold the tallest title.
void enlarge_titles(const Builder& b, const std::vector<content::Area>& areas, float normal_px,
                    TilePlan& tp) {
    const Metrics& m = b.m();
    const TileBox box = tile_box(m, {0, 0, tp.g.tw, tp.g.th}, tp.icon);
    float needed = 0;
    for (float em = tp.em; em * m.body >= normal_px - 0.5f; em -= 0.05f) {
        bool ok = true;
        needed = 0;
        for (const auto& a : areas) {
            auto t = b.lay_balanced(b.tr(a.title), title_style(b, em), box.text.w);
            ok = ok && fits(*t, 1e6f);
            needed = std::max(needed, t->height);
        }
        tp.em = em;
        if (ok)
            break;
    }
    tp.g.th = std::max(tp.g.th, tp.g.th - box.text.h + needed);
}

TilePlan plan_tiles(const PageContext& ctx, const Builder& b) {
    const auto& areas = ctx.bundle.areas;
    const PageContext nctx{ctx.bundle, ctx.fonts, ctx.lang, normal_text(ctx.screen)};
    const Builder nb(nctx);  // borrows nctx
    const Metrics& m = nb.m();
    const float top = tallest_hero(ctx);
    const float grid_h = std::max(m.h - m.margin - top, m.h * 0.45f);
    TilePlan tp;
    tp.g = choose_grid(static_cast<int>(areas.size()), m.w - 2 * m.margin, grid_h, m.gap);
    // The icon as the language with the longest titles needs it, so icons do
    // not change size when the visitor switches language.
    float icon_frac = 1;
    for (Lang l : kAllLangs) {
        const PageContext lctx{ctx.bundle, ctx.fonts, l, normal_text(ctx.screen)};
        icon_frac = std::min(icon_frac, choose_tile_style(Builder(lctx), areas, tp.g).icon_frac);
    }
    const TileBox box = tile_box(m, {0, 0, tp.g.tw, tp.g.th}, icon_frac);
    const TileStyle ts{icon_frac, common_title_em(nb, areas, box.text)};
    tp.icon = icon_place(m, tp.g.tw, tp.g.th, ts.icon_frac);
    tp.em = ts.em;
    if (ctx.screen.large_text)
        enlarge_titles(b, areas, ts.em * m.body, tp);
    return tp;
}

}  // namespace

DisplayList build_home(const PageContext& ctx) {
    Builder b(ctx);
    const Metrics& m = b.m();
    const auto& areas = ctx.bundle.areas;
    b.dl().viewport = {0, m.bar_h, m.w, m.h - m.bar_h};
    // Content coordinates start under the bar; build in screen space, then shift.
    const TilePlan tp = plan_tiles(ctx, b);
    const Grid& g = tp.g;
    const float grid_total =
        static_cast<float>(g.rows) * g.th + static_cast<float>(g.rows - 1) * m.gap;
    // At the foot of the screen when there is room, so tiles stay put when the
    // language changes; below the hero (and scrolling) when there is not. A
    // shorter hero (Chinese) is centred in the room above the grid.
    Builder probe(ctx);
    const float hero_bottom = hero(probe);
    const float grid_top = std::max(hero_bottom, m.h - m.margin - grid_total);
    hero(b, (grid_top - hero_bottom) / 2);
    for (size_t i = 0; i < areas.size(); ++i) {
        const int col = static_cast<int>(i) % g.cols, row = static_cast<int>(i) / g.cols;
        const Rect r{m.margin + static_cast<float>(col) * (g.tw + m.gap),
                     grid_top + static_cast<float>(row) * (g.th + m.gap), g.tw, g.th};
        tile(b, areas[i], static_cast<int>(i), r, tp);
    }
    DisplayList& dl = b.dl();
    for (auto& it : dl.items)
        it.rect.y -= m.bar_h;
    for (auto& t : dl.targets)
        t.rect.y -= m.bar_h;
    dl.content_height = grid_top + grid_total + m.margin - m.bar_h;
    scroll_cue(b);
    control_bar(b, PageId::home());
    return b.finish();
}

// Validation's rule: on an 800×480 screen the title must fit its tile in at
// most two lines at a comfortable size; beyond that all tiles' text shrinks.
bool title_fits_tile(text::FontStack& fonts, const std::string& title, Lang lang) {
    constexpr float kComfortableEm = 0.75f;
    constexpr size_t kMaxLines = 2;
    content::Bundle empty;
    PageContext ctx{empty, fonts, lang, {800, 480, 96, false}};
    Builder b(ctx);
    const Metrics& m = b.m();
    const Grid g = choose_grid(12, m.w - 2 * m.margin, m.h * 0.6f, m.gap);
    const Rect box = tile_box(m, {0, 0, g.tw, g.th}, 0.32f).text;
    auto t = b.lay_balanced(title, title_style(b, kComfortableEm), box.w);
    return t->lines.size() <= kMaxLines && fits(*t, box.h);
}

}  // namespace kiosk::layout
