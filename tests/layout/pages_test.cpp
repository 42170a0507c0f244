// Every page, in every language, at the smallest, common and largest screens,
// in both orientations: nothing clipped, nothing overlapping, every control
// big enough to touch, every paragraph of the content on its page.
#include "layout/pages.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "content/loader.h"
#include "layout/staff.h"

namespace kiosk::layout {
namespace {

struct Env {
    std::unique_ptr<text::FontStack> fonts;
    std::optional<content::Bundle> bundle;
};

Env& env() {
    static Env e = [] {
        Env x;
        auto f = text::FontStack::load();
        if (f)
            x.fonts = std::move(f.value());
        x.bundle = content::load_bundle(std::string(KIOSK_SOURCE_DIR) + "/content").bundle;
        return x;
    }();
    return e;
}

struct Case {
    int w, h;
    Lang lang;
    bool large;
    float dpi = 96;
};

std::string name(const Case& c) {
    return std::to_string(c.w) + "x" + std::to_string(c.h) + " " + std::string(lang_tag(c.lang)) +
           (c.large ? " A+" : "");
}

// The supported screens with their panels' DPI (kiosk.yaml `screen: dpi:`):
// the official 7" Raspberry Pi display (800×480, 133 dpi) in both
// orientations, a 10.1" 1280×800 panel (149 dpi), and 96 dpi monitors.
struct Size {
    int w, h;
    float dpi;
};
constexpr Size kSizes[] = {{800, 480, 133},  {480, 800, 133},  {1280, 800, 149},
                           {1920, 1080, 96}, {1080, 1920, 96}, {3840, 2160, 96}};

// Every supported size, language and text size.
std::vector<Case> cases() {
    std::vector<Case> out;
    for (const Size& s : kSizes)
        for (Lang l : kAllLangs)
            for (bool large : {false, true})
                out.push_back({s.w, s.h, l, large, s.dpi});
    return out;
}

std::vector<PageId> all_pages(const content::Bundle& b) {
    std::vector<PageId> p{PageId::home(), PageId::about()};
    for (size_t i = 0; i < b.areas.size(); ++i)
        p.push_back(PageId::area_at(static_cast<int>(i)));
    return p;
}

DisplayList build(const Case& c, const PageId& p) {
    PageContext ctx{*env().bundle, *env().fonts, c.lang, {c.w, c.h, c.dpi, c.large}};
    return build_page(ctx, p);
}

class Pages : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(env().fonts) << "fonts missing";
        ASSERT_TRUE(env().bundle) << "bundled content does not load";
    }
};

TEST_F(Pages, NothingLeavesTheScreenOrItsColumn) {
    for (const Case& c : cases()) {
        for (const PageId& p : all_pages(*env().bundle)) {
            const DisplayList dl = build(c, p);
            const std::string where = name(c) + " " + page_name(*env().bundle, p);
            for (const auto& it : dl.items) {
                const Rect& r = it.rect;
                const float right_limit = it.layer == Layer::Chrome ? c.w : dl.viewport.w;
                EXPECT_GE(r.x, -0.5f) << where;
                EXPECT_LE(r.right(), right_limit + 0.5f) << where << " item at x " << r.x;
                if (it.layer == Layer::Chrome) {
                    EXPECT_GE(r.y, -0.5f) << where;
                    EXPECT_LE(r.bottom(), c.h + 0.5f) << where;
                } else {
                    EXPECT_LE(r.bottom(), dl.content_height + 0.5f) << where;
                }
                if (!it.text)
                    continue;
                for (const auto& line : it.text->lines) {
                    EXPECT_FALSE(line.overflows) << where;
                    EXPECT_LE(line.width, it.text->width + 0.5f)
                        << where << ": "
                        << it.text->source.substr(line.begin, line.end - line.begin);
                }
            }
        }
    }
}

TEST_F(Pages, TextsNeverOverlapEachOther) {
    for (const Case& c : cases()) {
        for (const PageId& p : all_pages(*env().bundle)) {
            const DisplayList dl = build(c, p);
            std::vector<const DrawItem*> texts;
            for (const auto& it : dl.items)
                if (it.text)
                    texts.push_back(&it);
            for (size_t i = 0; i < texts.size(); ++i) {
                for (size_t j = i + 1; j < texts.size(); ++j) {
                    if (texts[i]->layer != texts[j]->layer)
                        continue;
                    EXPECT_FALSE(texts[i]->rect.inset(1).intersects(texts[j]->rect.inset(1)))
                        << name(c) << " " << page_name(*env().bundle, p) << ": '"
                        << texts[i]->text->source << "' overlaps '" << texts[j]->text->source
                        << "'";
                }
            }
        }
    }
}

float nine_mm(const Case& c) {
    return 9.0f / 25.4f * c.dpi;
}

void expect_targets_nine_mm(const Case& c, const DisplayList& dl, const std::string& where) {
    for (const auto& t : dl.targets) {
        EXPECT_GE(t.rect.w + 0.5f, nine_mm(c)) << where << " " << t.label << " width";
        EXPECT_GE(t.rect.h + 0.5f, nine_mm(c)) << where << " " << t.label << " height";
    }
}

// 9 mm at the panel's own DPI (34 px at 96 dpi would be 6.5 mm on the 7" panel).
TEST_F(Pages, EveryControlIsAtLeastNineMillimetres) {
    for (const Case& c : cases()) {
        for (const PageId& p : all_pages(*env().bundle)) {
            const DisplayList dl = build(c, p);
            EXPECT_FALSE(dl.targets.empty()) << name(c);
            expect_targets_nine_mm(c, dl, name(c) + " " + page_name(*env().bundle, p));
        }
    }
}

std::vector<StaffView> staff_views() {
    std::vector<StaffView> out;
    StaffView v;
    v.message = "The USB stick holds an older version (3); this kiosk shows version 4.";
    v.pin_digits = 2;
    out.push_back(v);
    v.screen = StaffView::Screen::Menu;
    v.info = {"Content version 4", "Kiosk 1.0", "2023-06-26 19:30"};
    out.push_back(v);
    v.confirm_rollback = v.downgrade_offer = v.fleet_offer = true;
    out.push_back(v);
    for (auto s : {StaffView::Screen::Log, StaffView::Screen::TouchTest,
                   StaffView::Screen::Visitors, StaffView::Screen::Fleet}) {
        v.screen = s;
        v.log = {"import ok", "refused: bad signature"};
        v.fleet_id = "ABCDEFG-HIJKLMN-OPQRSTU-VWXYZ23-4567ABC-DEFGHIJ-KLMNOPQ-RSTUVWX";
        v.fleet = {"kiosk-1 version 4", "kiosk-2 version 4"};
        out.push_back(v);
    }
    return out;
}

TEST_F(Pages, EveryStaffControlIsAtLeastNineMillimetres) {
    for (const Case& c : cases()) {
        if (c.lang != Lang::En)
            continue;  // the staff menu is English only
        PageContext ctx{*env().bundle, *env().fonts, c.lang, {c.w, c.h, c.dpi, c.large}};
        for (const StaffView& v : staff_views()) {
            const DisplayList dl = build_staff(ctx, v);
            EXPECT_FALSE(dl.targets.empty()) << name(c);
            expect_targets_nine_mm(
                c, dl, name(c) + " staff screen " + std::to_string(static_cast<int>(v.screen)));
        }
    }
}

struct GridShape {
    int cols = 0, rows = 0;
    float tile_w = 0, tile_h = 0, icon = 0;
    bool operator==(const GridShape&) const = default;
};

GridShape grid_shape(const DisplayList& dl) {
    GridShape g;
    std::vector<float> xs, ys;
    for (const auto& t : dl.targets) {
        if (t.action.kind != Action::Kind::Open || t.action.page.kind != PageId::Kind::Area)
            continue;
        if (std::find(xs.begin(), xs.end(), t.rect.x) == xs.end())
            xs.push_back(t.rect.x);
        if (std::find(ys.begin(), ys.end(), t.rect.y) == ys.end())
            ys.push_back(t.rect.y);
        g.tile_w = t.rect.w, g.tile_h = t.rect.h;
    }
    for (const auto& it : dl.items)
        if (it.kind == DrawItem::Kind::Image && it.layer == Layer::Content)
            g.icon = it.rect.w;
    g.cols = static_cast<int>(xs.size()), g.rows = static_cast<int>(ys.size());
    return g;
}

// The largest tile title size on Home, px.
float tile_title_px(const DisplayList& dl) {
    float px = 0;
    for (const auto& it : dl.items)
        if (it.text && it.layer == Layer::Content && it.rect.y > 0)
            for (const auto& a : env().bundle->areas)
                for (Lang l : kAllLangs)
                    if (it.text->source == a.title.get(l))
                        px = std::max(px, it.text->size_px);
    return px;
}

// The grid depends on the screen only: tiles do not jump when a visitor
// switches language, and A+ keeps columns and icons while the titles grow.
TEST_F(Pages, HomeGridDependsOnlyOnTheScreen) {
    for (const Size& s : kSizes) {
        const Case base{s.w, s.h, Lang::ZhHK, false, s.dpi};
        const DisplayList home = build(base, PageId::home());
        const GridShape g = grid_shape(home);
        EXPECT_EQ(g.cols * g.rows, 12) << name(base);
        for (Lang l : kAllLangs) {
            const Case normal{s.w, s.h, l, false, s.dpi}, large{s.w, s.h, l, true, s.dpi};
            const DisplayList n = build(normal, PageId::home()), a = build(large, PageId::home());
            EXPECT_EQ(grid_shape(n), g) << name(normal);
            const GridShape ga = grid_shape(a);
            EXPECT_EQ(ga.cols, g.cols) << name(large);
            EXPECT_EQ(ga.rows, g.rows) << name(large);
            EXPECT_EQ(ga.tile_w, g.tile_w) << name(large);
            EXPECT_EQ(ga.icon, g.icon) << name(large);
            EXPECT_GE(ga.tile_h, g.tile_h) << name(large);
            // 1.25× unless a word would not fit the tile's width (1080×1920 English: 1.13×).
            EXPECT_GE(tile_title_px(a), tile_title_px(n) * 1.1f) << name(large);
            // A grid that no longer fits scrolls, with the cue.
            EXPECT_EQ(a.more_below(0), a.content_height > a.viewport.h + 1) << name(large);
        }
    }
    const GridShape portrait = grid_shape(build({1080, 1920, Lang::En, false}, PageId::home()));
    EXPECT_EQ(portrait.cols, 3);
    EXPECT_EQ(portrait.rows, 4);
}

// Headings (the event's name, subtitle, date and intro on Home; the title band
// of every area page and About) leave no word or separator alone on a line and
// never break a hyphenated word ("co- / operation").
TEST_F(Pages, HeadingsLeaveNoWordAlone) {
    const content::Bundle& b = *env().bundle;
    for (const Case& c : cases()) {
        for (const PageId& p : all_pages(b)) {
            std::vector<std::string> headings;
            if (p.kind == PageId::Kind::Home)
                headings = {b.event.title.get(c.lang), b.event.home_intro.get(c.lang),
                            b.event.subtitle.get(c.lang), b.event.date.get(c.lang)};
            else if (p.kind == PageId::Kind::About)
                headings = {b.about.title.get(c.lang)};
            else
                headings = {b.areas[static_cast<size_t>(p.area)].title.get(c.lang)};
            const DisplayList dl = build(c, p);
            for (const auto& it : dl.items) {
                if (!it.text ||
                    std::find(headings.begin(), headings.end(), it.text->source) == headings.end())
                    continue;
                const std::string where = name(c) + " " + page_name(b, p) + ": " + it.text->dump();
                EXPECT_EQ(Builder::lonely_lines(*it.text), 0) << where;
                for (const auto& line : it.text->lines)
                    EXPECT_NE(it.text->source[line.end - 1], '-') << where;
            }
        }
    }
}

// The ‹ › buttons: one size on every area page of a screen, labels on one line
// at one font size, whole titles or the content's short titles (never cut).
TEST_F(Pages, FooterButtonsHaveOneSizeAndWholeOneLineLabels) {
    const content::Bundle& b = *env().bundle;
    for (const Case& c : cases()) {
        float w = 0, h = 0, px = 0;
        for (size_t i = 0; i < b.areas.size(); ++i) {
            const DisplayList dl = build(c, PageId::area_at(static_cast<int>(i)));
            for (const auto& t : dl.targets) {
                if (t.action.kind != Action::Kind::Previous && t.action.kind != Action::Kind::Next)
                    continue;
                if (w == 0)
                    w = t.rect.w, h = t.rect.h;
                EXPECT_EQ(t.rect.w, w) << name(c) << " " << t.label;
                EXPECT_EQ(t.rect.h, h) << name(c) << " " << t.label;
                EXPECT_EQ(t.label.find("…"), std::string::npos) << name(c) << " " << t.label;
                for (const auto& it : dl.items) {
                    if (!it.text || it.text->source != t.label)
                        continue;
                    EXPECT_EQ(it.text->lines.size(), 1u) << name(c) << " " << t.label;
                    if (px == 0)
                        px = it.text->size_px;
                    EXPECT_EQ(it.text->size_px, px) << name(c) << " " << t.label;
                }
            }
        }
        EXPECT_GT(w, 0) << name(c);
    }
    EXPECT_TRUE(label_fits_footer(*env().fonts, "Healthcare & TCM", Lang::En));
    EXPECT_FALSE(label_fits_footer(*env().fonts, "Healthcare and Chinese Medicine", Lang::En));
}

// About: the space after a run of bullets equals the space before it.
TEST_F(Pages, AboutBulletsHaveEqualSpaceAboveAndBelow) {
    for (const Case& c : cases()) {
        const DisplayList dl = build(c, PageId::about());
        std::vector<const DrawItem*> texts;
        for (const auto& it : dl.items)
            if (it.text && it.text->source != "•")
                texts.push_back(&it);
        std::vector<bool> bullet(texts.size(), false);
        for (size_t i = 0; i < texts.size(); ++i)
            for (const auto& it : dl.items)
                if (it.text && it.text->source == "•" && it.rect.y == texts[i]->rect.y)
                    bullet[i] = true;
        int runs = 0;
        for (size_t i = 1; i + 1 < texts.size(); ++i) {
            if (!bullet[i] || bullet[i - 1])
                continue;
            size_t j = i;
            while (j + 1 < texts.size() && bullet[j + 1])
                ++j;
            if (j + 1 >= texts.size())
                break;
            ++runs;
            const float above = texts[i]->rect.y - texts[i - 1]->rect.bottom();
            const float below = texts[j + 1]->rect.y - texts[j]->rect.bottom();
            EXPECT_NEAR(above, below, 1.0f) << name(c) << " " << texts[i]->text->source;
        }
        EXPECT_GT(runs, 0) << name(c);
    }
}

bool has_cue(const DisplayList& dl) {
    return std::any_of(dl.items.begin(), dl.items.end(), [](const DrawItem& it) {
        return it.while_more_below && it.layer == Layer::Chrome;
    });
}

// A cue wherever the content continues below the fold, nowhere else; only
// Chrome over the viewport's bottom carries the flag.
TEST_F(Pages, ScrollCueWhereverContentContinues) {
    int with_cue = 0;
    for (const Case& c : cases()) {
        for (const PageId& p : all_pages(*env().bundle)) {
            const DisplayList dl = build(c, p);
            const std::string where = name(c) + " " + page_name(*env().bundle, p);
            EXPECT_EQ(has_cue(dl), dl.more_below(0)) << where;
            with_cue += has_cue(dl);
            for (const auto& it : dl.items)
                if (it.while_more_below) {
                    EXPECT_GE(it.rect.y, dl.viewport.y - 0.5f) << where;
                    EXPECT_LE(it.rect.bottom(), dl.viewport.bottom() + 0.5f) << where;
                }
        }
    }
    EXPECT_GT(with_cue, 0);
    // The issue's case: Home with A+ on the 7" panel scrolls, with the cue.
    EXPECT_TRUE(has_cue(build({800, 480, Lang::En, true, 133}, PageId::home())));
}

TEST_F(Pages, TileTitlesStayInsideTheirTiles) {
    for (const Case& c : cases()) {
        const DisplayList dl = build(c, PageId::home());
        int tiles = 0;
        for (const auto& t : dl.targets) {
            if (t.action.kind != Action::Kind::Open || t.action.page.kind != PageId::Kind::Area)
                continue;
            ++tiles;
            const std::string& title = env().bundle->areas[t.action.page.area].title.get(c.lang);
            bool found = false;
            for (const auto& it : dl.items) {
                if (!it.text || it.text->source != title)
                    continue;
                found = true;
                EXPECT_GE(it.rect.y, t.rect.y) << name(c) << " " << title;
                EXPECT_LE(it.rect.bottom(), t.rect.bottom() + 0.5f) << name(c) << " " << title;
                EXPECT_GE(it.rect.x, t.rect.x) << name(c) << " " << title;
                EXPECT_LE(it.rect.right(), t.rect.right() + 0.5f) << name(c) << " " << title;
            }
            EXPECT_TRUE(found) << name(c) << " " << title;
        }
        EXPECT_EQ(tiles, 12) << name(c);
    }
}

TEST_F(Pages, EveryParagraphReachesItsAreaPage) {
    const content::Bundle& b = *env().bundle;
    for (Lang lang : kAllLangs) {
        for (size_t i = 0; i < b.areas.size(); ++i) {
            const DisplayList dl =
                build({1920, 1080, lang, false}, PageId::area_at(static_cast<int>(i)));
            for (const auto& para : b.areas[i].paragraphs) {
                bool found = false;
                for (const auto& it : dl.items) {
                    if (!it.text || it.text->source != para.get(lang))
                        continue;
                    // All of it laid out: the lines cover the whole string.
                    found = !it.text->lines.empty() &&
                            it.text->lines.back().end >= para.get(lang).size() - 1;
                }
                EXPECT_TRUE(found)
                    << b.areas[i].id << " " << lang_tag(lang) << ": " << para.get(lang);
            }
        }
    }
}

TEST_F(Pages, HomeHasTheControlsVisitorsNeed) {
    const DisplayList dl = build({1920, 1080, Lang::ZhHK, false}, PageId::home());
    int langs = 0, about = 0, size = 0;
    for (const auto& t : dl.targets) {
        langs += t.action.kind == Action::Kind::SetLang;
        about += t.action == Action::open(PageId::about());
        size += t.action.kind == Action::Kind::ToggleLargeText;
    }
    EXPECT_EQ(langs, 3);
    EXPECT_EQ(about, 1);
    EXPECT_EQ(size, 1);
    const DisplayList area = build({1920, 1080, Lang::ZhHK, false}, PageId::area_at(3));
    int home = 0, back = 0, prev = 0, next = 0;
    for (const auto& t : area.targets) {
        home += t.action == Action::open(PageId::home());
        back += t.action.kind == Action::Kind::Back;
        prev += t.action.kind == Action::Kind::Previous;
        next += t.action.kind == Action::Kind::Next;
    }
    EXPECT_EQ(home + back + prev + next, 4);
}

TEST_F(Pages, HitTestRespectsScrollAndLayers) {
    const DisplayList dl = build({1080, 1920, Lang::ZhHK, false}, PageId::area_at(0));
    // The Home button sits in the fixed bar: found whatever the scroll.
    const HitTarget* home = nullptr;
    for (const auto& t : dl.targets)
        if (t.action == Action::open(PageId::home()))
            home = &t;
    ASSERT_TRUE(home);
    const float cx = home->rect.x + home->rect.w / 2, cy = home->rect.y + home->rect.h / 2;
    EXPECT_GE(dl.hit(cx, cy, 0), 0);
    EXPECT_GE(dl.hit(cx, cy, 500), 0);
    EXPECT_EQ(dl.targets[dl.hit(cx, cy, 500)].action, Action::open(PageId::home()));
    // Below the viewport nothing of the content layer can be hit.
    EXPECT_EQ(dl.hit(dl.viewport.w / 2, dl.viewport.bottom() - 1 + 200, 0) >= 0 &&
                  dl.targets[dl.hit(dl.viewport.w / 2, dl.viewport.bottom() - 1 + 200, 0)].layer ==
                      Layer::Content,
              false);
}

TEST_F(Pages, TitleFitCheckRejectsAnOverlongTitle) {
    EXPECT_TRUE(title_fits_tile(*env().fonts, "金融", Lang::ZhHK));
    EXPECT_FALSE(title_fits_tile(
        *env().fonts, "推進法律和爭議解決推進法律和爭議解決推進法律和爭議解決推進法律和爭議解決",
        Lang::ZhHK));
}

}  // namespace
}  // namespace kiosk::layout
