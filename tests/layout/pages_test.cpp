// Every page, in every language, at the smallest, common and largest screens,
// in both orientations: nothing clipped, nothing overlapping, every control
// big enough to touch, every paragraph of the content on its page.
#include "layout/pages.h"

#include <gtest/gtest.h>

#include <memory>

#include "content/loader.h"

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
};

std::string name(const Case& c) {
    return std::to_string(c.w) + "x" + std::to_string(c.h) + " " + std::string(lang_tag(c.lang)) +
           (c.large ? " A+" : "");
}

std::vector<Case> cases() {
    std::vector<Case> out;
    const std::pair<int, int> sizes[] = {{800, 480},   {480, 800},  {1920, 1080},
                                         {1080, 1920}, {1280, 800}, {3840, 2160}};
    for (auto [w, h] : sizes)
        for (Lang l : kAllLangs)
            out.push_back({w, h, l, false});
    out.push_back({1920, 1080, Lang::ZhHK, true});
    out.push_back({800, 480, Lang::En, true});
    out.push_back({1080, 1920, Lang::ZhHans, true});
    return out;
}

std::vector<PageId> all_pages(const content::Bundle& b) {
    std::vector<PageId> p{PageId::home(), PageId::about()};
    for (size_t i = 0; i < b.areas.size(); ++i)
        p.push_back(PageId::area_at(static_cast<int>(i)));
    return p;
}

DisplayList build(const Case& c, const PageId& p) {
    PageContext ctx{*env().bundle, *env().fonts, c.lang, {c.w, c.h, 96, c.large}};
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

TEST_F(Pages, EveryControlIsAtLeastNineMillimetres) {
    const float nine_mm = 9.0f / 25.4f * 96;
    for (const Case& c : cases()) {
        for (const PageId& p : all_pages(*env().bundle)) {
            for (const auto& t : build(c, p).targets) {
                EXPECT_GE(t.rect.w + 0.5f, nine_mm) << name(c) << " " << t.label;
                EXPECT_GE(t.rect.h + 0.5f, nine_mm) << name(c) << " " << t.label;
            }
        }
    }
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
