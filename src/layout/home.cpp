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

// Where a tile's parts go, so sizing and drawing agree.
struct TileBox {
    Rect icon, text;
};

TileBox tile_box(const Metrics& m, Rect r, float icon_frac) {
    const float pad = m.gap;
    const float icon = std::min(r.h * icon_frac, r.w * 0.42f);
    const float icon_y = r.y + std::max(pad, r.h * 0.10f);
    const float text_top = icon_y + icon + pad * 0.5f;
    return {{r.x + (r.w - icon) / 2, icon_y, icon, icon},
            {r.x + pad, text_top, r.w - 2 * pad, r.bottom() - pad * 0.5f - text_top}};
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

void tile(Builder& b, const content::Area& a, int index, Rect r, const TileStyle& ts) {
    const float em = ts.em;
    const Metrics& m = b.m();
    const Rgba accent{a.accent.r, a.accent.g, a.accent.b, 255};
    b.fill(Layer::Content, r, accent, m.radius);
    const TileBox box = tile_box(m, r, ts.icon_frac);
    b.image(Layer::Content, box.icon, a.icon);
    auto t = b.lay_balanced(b.tr(a.title), title_style(b, em), box.text.w);
    b.place(Layer::Content, t, box.text.x,
            box.text.y + std::max(0.0f, (box.text.h - t->height) / 2), theme::kOnDark);
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
    // Subtitle and date share a line when both fit; otherwise each gets its own,
    // so no line starts or ends with the separator ("· Monday, 26 June 2023").
    const std::string joined =
        e.date.empty() ? b.tr(e.subtitle)
                       : b.tr(e.subtitle) + (b.lang() == Lang::En ? " · " : "　") + b.tr(e.date);
    if (e.date.empty() || b.measure(joined, sub) <= w) {
        y += b.text(Layer::Content, joined, sub, m.margin, y, w, theme::kMuted);
    } else {
        y += b.text(Layer::Content, b.tr(e.subtitle), sub, m.margin, y, w, theme::kMuted);
        y += b.text(Layer::Content, b.tr(e.date), sub, m.margin, y, w, theme::kMuted);
    }
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
    const TileStyle ts = choose_tile_style(b, areas, g);
    for (size_t i = 0; i < areas.size(); ++i) {
        const int col = static_cast<int>(i) % g.cols, row = static_cast<int>(i) / g.cols;
        const Rect r{m.margin + static_cast<float>(col) * (g.tw + m.gap),
                     grid_top + static_cast<float>(row) * (g.th + m.gap), g.tw, g.th};
        tile(b, areas[i], static_cast<int>(i), r, ts);
    }
    DisplayList& dl = b.dl();
    for (auto& it : dl.items)
        it.rect.y -= m.bar_h;
    for (auto& t : dl.targets)
        t.rect.y -= m.bar_h;
    dl.content_height = grid_top + grid_h + m.margin - m.bar_h;
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
