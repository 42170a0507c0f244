#include "app/app.h"

#include <gtest/gtest.h>

#include "app/replay.h"
#include "app_env.h"

namespace kiosk::app {
namespace {

using layout::Action;
using layout::PageId;
using test::centre_of;
using test::config;
using test::env;
using T = input::PointerEvent::Type;

class AppTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(env().fonts);
        ASSERT_TRUE(env().bundle);
        app_ = std::make_unique<App>(env().bundle, *env().fonts, config());
        app_->show(PageId::home(), Lang::ZhHK);
    }
    void tap(float x, float y) {
        app_->pointer({T::Down, x, y, now_});
        now_ += 60;
        app_->pointer({T::Up, x, y, now_});
        settle();
    }
    void tap(const Action& a) {
        auto [x, y] = centre_of(*app_, a);
        ASSERT_GE(x, 0) << "no control for the action";
        tap(x, y);
    }
    void drag(float x1, float y1, float x2, float y2, Millis ms) {
        app_->pointer({T::Down, x1, y1, now_});
        for (Millis t = 16; t <= ms; t += 16) {
            const float f = static_cast<float>(t) / static_cast<float>(ms);
            app_->pointer({T::Move, x1 + (x2 - x1) * f, y1 + (y2 - y1) * f, now_ + t});
        }
        now_ += ms;
        app_->pointer({T::Up, x2, y2, now_});
    }
    void settle(Millis ms = 1000) {
        for (Millis end = now_ + ms; now_ < end; now_ += 16)
            app_->tick(now_);
    }
    const PageId& page() { return app_->session().page(); }

    std::unique_ptr<App> app_;
    Millis now_ = 0;
};

TEST_F(AppTest, TappingATileOpensItsAreaAndBackReturnsHome) {
    tap(Action::open(PageId::area_at(3)));
    EXPECT_EQ(page(), PageId::area_at(3));
    tap(Action::of(Action::Kind::Back));
    EXPECT_EQ(page(), PageId::home());
    tap(Action::open(PageId::about()));
    EXPECT_EQ(page(), PageId::about());
    tap(Action::open(PageId::home()));
    EXPECT_EQ(page(), PageId::home());
}

TEST_F(AppTest, ADragOverATileScrollsButNeverOpensIt) {
    auto [x, y] = centre_of(*app_, Action::open(PageId::area_at(0)));
    drag(x, y, x + 5, y + 80, 300);
    settle();
    EXPECT_EQ(page(), PageId::home());
}

TEST_F(AppTest, SwipesStepThroughAreasAndWrap) {
    app_->show(PageId::area_at(0), Lang::ZhHK);
    drag(1500, 600, 900, 610, 200);
    settle();
    EXPECT_EQ(page(), PageId::area_at(1));
    EXPECT_EQ(app_->last_navigation(), Navigation::Swipe);  // what an observer samples
    drag(400, 600, 1000, 600, 200);
    settle();
    drag(400, 600, 1000, 600, 200);
    settle();
    EXPECT_EQ(page(), PageId::area_at(11));
}

// The window loop calls wait_for_incoming() while the renderer's worker still
// paints the page a transition brings (frame_draw.h, prepare_frame).
class WaitForIncomingTest : public AppTest {
  protected:
    Millis press(const Action& a) {
        auto [x, y] = centre_of(*app_, a);
        EXPECT_GE(x, 0) << "no control for the action";
        app_->pointer({T::Down, x, y, now_});
        now_ += 60;
        app_->pointer({T::Up, x, y, now_});
        return now_;
    }
    Frame frame_at(Millis t, bool painting) {
        now_ = t;
        app_->tick(now_);
        if (painting)
            held_ = app_->wait_for_incoming();
        return app_->frame();
    }
    bool held_ = false;
};

TEST_F(WaitForIncomingTest, ASlideDoesNotMoveUntilItsPageIsPainted) {
    app_->show(PageId::area_at(0), Lang::ZhHK);
    settle();
    const Millis tapped = press(Action::of(Action::Kind::Next));
    const float w = static_cast<float>(config().screen.width);
    for (Millis t = tapped + 16; t <= tapped + 96; t += 16) {
        const Frame f = frame_at(t, true);
        EXPECT_TRUE(held_);
        ASSERT_EQ(f.layers.size(), 2u);
        EXPECT_EQ(f.layers[0].view.dx, 0.0f);  // the page left, still in place
        EXPECT_EQ(f.layers[1].view.dx, w);     // the page coming, still off screen
    }
    // Painted: the slide starts from its beginning, not 100 ms into it.
    const Frame f = frame_at(now_ + 16, false);
    ASSERT_EQ(f.layers.size(), 2u);
    EXPECT_LT(f.layers[0].view.dx, 0.0f);
    EXPECT_GT(f.layers[0].view.dx, -0.2f * w);
    settle();
    EXPECT_EQ(page(), PageId::area_at(1));
}

TEST_F(WaitForIncomingTest, AFadeWaitsOnTheBackgroundAtItsMidpoint) {
    const Millis tapped = press(Action::open(PageId::area_at(2)));
    const Millis half = config().fade_ms / 2;
    Frame f = frame_at(tapped + 16, true);
    EXPECT_FALSE(held_);  // fading out: the new page is not visible yet either way
    for (Millis t = tapped + half; t <= tapped + half + 64; t += 16) {
        f = frame_at(t, true);
        EXPECT_TRUE(held_);
        ASSERT_EQ(f.layers.size(), 1u);
        EXPECT_EQ(f.layers[0].view.opacity, 0.0f);  // only the background shows
    }
    f = frame_at(now_ + 16, false);
    ASSERT_EQ(f.layers.size(), 1u);
    EXPECT_GT(f.layers[0].view.opacity, 0.0f);
    EXPECT_LT(f.layers[0].view.opacity, 0.3f);
}

TEST_F(WaitForIncomingTest, ItWaitsAtMostMaxWaitThenGoesOn) {
    app_->show(PageId::area_at(0), Lang::ZhHK);
    settle();
    const Millis tapped = press(Action::of(Action::Kind::Next));
    Millis last_held = 0;
    int frames = 0;
    for (Millis t = tapped + 16; app_->animating() && frames < 200; t += 16, ++frames) {
        frame_at(t, true);  // the worker never finishes
        if (held_)
            last_held = t;
    }
    EXPECT_GT(last_held, tapped);
    EXPECT_LE(last_held - tapped, config().max_wait_ms + 16);
    EXPECT_FALSE(app_->animating());  // the slide still ran to its end
    EXPECT_LE(now_ - tapped, config().max_wait_ms + config().slide_ms + 32);
    EXPECT_EQ(page(), PageId::area_at(1));
}

TEST_F(AppTest, PressHighlightsAtOnceAndDragClearsIt) {
    auto [x, y] = centre_of(*app_, Action::open(PageId::area_at(5)));
    app_->pointer({T::Down, x, y, now_});
    Frame f = app_->frame();
    ASSERT_FALSE(f.layers.empty());
    const int pressed = f.layers.back().view.pressed;
    ASSERT_GE(pressed, 0);
    EXPECT_EQ(f.layers.back().page->targets[pressed].action, Action::open(PageId::area_at(5)));
    app_->pointer({T::Move, x, y + 100, now_ + 30});
    EXPECT_EQ(app_->frame().layers.back().view.pressed, -1);
}

TEST_F(AppTest, LongPageScrollsWithInertiaAndStops) {
    app_->show(PageId::area_at(0), Lang::En);
    app_->resize({1080, 1920, 96, false});
    app_->show(PageId::area_at(0), Lang::En);
    drag(540, 1500, 540, 1100, 100);  // a quick flick upwards
    const float after_drag = app_->scroll();
    EXPECT_GT(after_drag, 300);
    EXPECT_TRUE(app_->animating());
    settle(3000);
    EXPECT_GT(app_->scroll(), after_drag);  // it glided on
    EXPECT_FALSE(app_->animating());        // and came to rest
}

TEST_F(AppTest, IdleTimeoutReturnsHomeInTheDefaultLanguage) {
    tap(Action::open(PageId::area_at(2)));
    EXPECT_EQ(app_->last_navigation(), Navigation::Tap);
    EXPECT_EQ(app_->page_height(), app_->page()->content_height);
    tap(Action::set_lang(Lang::En));
    ASSERT_EQ(app_->session().lang(), Lang::En);
    settle(85'000);
    EXPECT_EQ(page(), PageId::area_at(2));  // not yet
    settle(6'000);
    EXPECT_EQ(page(), PageId::home());
    EXPECT_EQ(app_->last_navigation(), Navigation::Idle);
    EXPECT_EQ(app_->session().lang(), Lang::ZhHK);
    EXPECT_FALSE(app_->attract_mode());  // Home first; the picture loop comes later
}

// A page shown by the kiosk itself (start-up, a preview, staff) replaces the
// attract loop: the frames show that page, not the loop's pictures.
TEST_F(AppTest, ShowEndsTheAttractLoop) {
    settle(31'000);
    ASSERT_TRUE(app_->attract_mode());
    app_->show(PageId::area_at(2), Lang::En);
    EXPECT_FALSE(app_->attract_mode());
    settle(16);
    const auto f = app_->frame();
    ASSERT_FALSE(f.layers.empty());
    EXPECT_EQ(f.layers.back().page, app_->page());
    EXPECT_EQ(page(), PageId::area_at(2));
}

TEST_F(AppTest, AttractLoopCyclesUntilTheFirstTouchWhichOnlyWakes) {
    settle(29'000);
    EXPECT_FALSE(app_->attract_mode());
    settle(2'000);
    ASSERT_TRUE(app_->attract_mode());
    EXPECT_EQ(app_->attract_slide(), 0);
    // Between cross-fades nothing moves, so nothing is drawn.
    settle(2'000);
    app_->frame();
    int frames = 0;
    for (int i = 0; i < 200; ++i, now_ += 16)
        frames += app_->tick(now_) ? (app_->frame(), 1) : 0;
    EXPECT_EQ(frames, 0);
    settle(7'000);
    EXPECT_EQ(app_->attract_slide(), 1);
    // A touch exactly where a tile is on Home: it wakes the kiosk, nothing opens.
    auto [x, y] = std::pair{960.0f, 700.0f};
    app_->pointer({T::Down, x, y, now_});
    EXPECT_FALSE(app_->attract_mode());
    now_ += 60;
    app_->pointer({T::Up, x, y, now_});
    settle();
    EXPECT_EQ(page(), PageId::home());
    tap(Action::open(PageId::area_at(2)));  // the next touch works as usual
    EXPECT_EQ(page(), PageId::area_at(2));
}

TEST_F(AppTest, LanguageSwitchKeepsPageAndParagraph) {
    app_->resize({480, 800, 96, false});      // a small portrait panel: pages scroll
    app_->show(PageId::about(), Lang::ZhHK);  // the longest page
    auto dl = app_->page();
    const float max_scroll = dl->content_height - dl->viewport.h;
    size_t k = 0;  // the last paragraph that can be scrolled to the top
    while (k + 1 < dl->anchors.size() && dl->anchors[k + 1] <= max_scroll)
        ++k;
    ASSERT_GE(k, 1u) << "the page is too short for this test";
    drag(240, 700, 240, 700 - (dl->anchors[k] + 24), 2000);  // slow: no fling
    settle();
    ASSERT_GE(app_->scroll(), dl->anchors[k]);
    tap(Action::set_lang(Lang::En));
    EXPECT_EQ(page(), PageId::about());
    EXPECT_EQ(app_->session().lang(), Lang::En);
    const auto en = app_->page();
    ASSERT_GT(en->anchors.size(), k);
    // The same paragraph is at the top again, now in English.
    EXPECT_NEAR(app_->scroll(), std::min(en->anchors[k], en->content_height - en->viewport.h),
                1.0f);
    EXPECT_GT(app_->scroll(), 0);
}

TEST_F(AppTest, LargerTextGrowsTheBodyText) {
    app_->show(PageId::area_at(0), Lang::ZhHK);
    const float before = app_->page()->content_height;
    tap(Action::of(Action::Kind::ToggleLargeText));
    EXPECT_TRUE(app_->session().large_text());
    EXPECT_GT(app_->page()->content_height, before * 1.15f);
}

TEST_F(AppTest, NothingIsDrawnWhileNothingMoves) {
    app_->frame();
    int frames = 0;
    for (Millis t = 0; t < 10'000; t += 16)
        frames += app_->tick(t);
    EXPECT_EQ(frames, 0);
}

TEST_F(AppTest, NewContentKeepsTheVisitorsPage) {
    tap(Action::open(PageId::area_at(4)));
    app_->set_bundle(env().bundle);
    EXPECT_EQ(page(), PageId::area_at(4));
}

}  // namespace
}  // namespace kiosk::app
