// The staff menu: only a 5 s still press in the corner opens it, the PIN
// guards it (and locks), its commands reach the host, and it never stays
// open for the next visitor.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/app.h"
#include "app_env.h"

namespace kiosk::app {
namespace {

using layout::Action;
using layout::PageId;
using T = input::PointerEvent::Type;

struct FakeHost : StaffHost {
    int rollbacks = 0, restarts = 0, rotations = 0;
    std::vector<std::string> status_lines() override { return {"Showing version 7"}; }
    std::vector<std::string> import_log() override { return {"imported 7"}; }
    std::string rollback() override {
        return "Rolled back to version " + std::to_string(6 - rollbacks++ * 0);
    }
    std::string rotate() override { return "turned " + std::to_string(++rotations * 90); }
    std::string brightness(int d) override { return d > 0 ? "brighter" : "dimmer"; }
    void restart() override { ++restarts; }
    std::vector<bool> visitor_requests;  // all_days of each request
    stats::Summary visitors(bool all_days) override {
        visitor_requests.push_back(all_days);
        stats::Summary s;
        s.title = all_days ? "All days" : "Today";
        s.visits = 3;
        s.views = 12;
        s.pages = {{"finance", 9, 20'000, 180'000}, {"aviation", 3, 5'000, 15'000}};
        s.langs = {{"en", 12}};
        s.visits_by_hour[10] = 3;
        return s;
    }
};

class StaffTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(test::env().fonts && test::env().bundle);
        app_ = std::make_unique<App>(test::env().bundle, *test::env().fonts, test::config());
        app_->show(PageId::home(), Lang::ZhHK);
        app_->set_staff(&host_, "2468");
    }
    void settle(Millis ms) {
        for (Millis end = now_ + ms; now_ < end; now_ += 16)
            app_->tick(now_);
    }
    void hold_corner(Millis ms) {
        app_->pointer({T::Down, 5, 5, now_});
        settle(ms);
        app_->pointer({T::Up, 5, 5, now_});
        settle(100);
    }
    // Taps the staff control with this command.
    void press(int command) {
        auto dl = app_->frame().layers.back().page;
        for (const auto& t : dl->targets) {
            if (t.action == Action::staff(command)) {
                const float x = t.rect.x + t.rect.w / 2, y = t.rect.y + t.rect.h / 2;
                app_->pointer({T::Down, x, y, now_});
                app_->pointer({T::Up, x, y, now_ + 50});
                now_ += 100;
                return;
            }
        }
        ADD_FAILURE() << "no staff control " << command;
    }
    void type_pin(const std::string& pin) {
        for (char c : pin)
            press(c - '0');
        press(layout::kStaffEnter);
    }

    FakeHost host_;
    std::unique_ptr<App> app_;
    Millis now_ = 0;
};

TEST_F(StaffTest, ShortOrMovingPressesInTheCornerDoNothingSpecial) {
    hold_corner(4'000);
    EXPECT_FALSE(app_->staff_open());
    app_->pointer({T::Down, 5, 5, now_});
    settle(1000);
    app_->pointer({T::Move, 200, 300, now_});  // a drag, not a hold
    settle(5'000);
    app_->pointer({T::Up, 200, 300, now_});
    EXPECT_FALSE(app_->staff_open());
}

TEST_F(StaffTest, FiveSecondHoldOpensThePinPadAndTheRightPinTheMenu) {
    hold_corner(5'100);
    ASSERT_TRUE(app_->staff_open());
    EXPECT_EQ(app_->staff()->view().screen, layout::StaffView::Screen::Pin);
    type_pin("2468");
    EXPECT_EQ(app_->staff()->view().screen, layout::StaffView::Screen::Menu);
    EXPECT_EQ(app_->staff()->view().info.front(), "Showing version 7");
}

TEST_F(StaffTest, ThreeWrongPinsLockEvenTheRightOne) {
    hold_corner(5'100);
    type_pin("1111");
    type_pin("2222");
    type_pin("3333");
    EXPECT_NE(app_->staff()->view().message.find("locked"), std::string::npos);
    type_pin("2468");
    EXPECT_EQ(app_->staff()->view().screen, layout::StaffView::Screen::Pin);
    settle(61'000);
    hold_corner(0);  // any touch keeps the menu awake
    type_pin("2468");
    EXPECT_EQ(app_->staff()->view().screen, layout::StaffView::Screen::Menu);
}

TEST_F(StaffTest, RollbackNeedsASecondTapAndCommandsReachTheHost) {
    hold_corner(5'100);
    type_pin("2468");
    press(layout::kStaffRollback);
    EXPECT_EQ(host_.rollbacks, 0);
    EXPECT_TRUE(app_->staff()->view().confirm_rollback);
    press(layout::kStaffRollbackConfirm);
    EXPECT_EQ(host_.rollbacks, 1);
    press(layout::kStaffRotate);
    EXPECT_EQ(host_.rotations, 1);
    press(layout::kStaffLog);
    EXPECT_EQ(app_->staff()->view().log, std::vector<std::string>{"imported 7"});
    press(layout::kStaffMenu);
    press(layout::kStaffRestart);
    EXPECT_EQ(host_.restarts, 1);
}

TEST_F(StaffTest, IdleClosesTheMenuAndReturnsHome) {
    hold_corner(5'100);
    type_pin("2468");
    ASSERT_TRUE(app_->staff_open());
    settle(91'000);
    EXPECT_FALSE(app_->staff_open());
    EXPECT_EQ(app_->session().page(), PageId::home());
}

TEST_F(StaffTest, TouchTestMarksWhereFingersLand) {
    hold_corner(5'100);
    type_pin("2468");
    press(layout::kStaffTouchTest);
    app_->pointer({T::Down, 700, 400, now_});
    app_->pointer({T::Up, 700, 400, now_ + 40});
    ASSERT_EQ(app_->staff()->view().touches.size(), 1u);
    EXPECT_EQ(app_->staff()->view().touches[0], (std::pair{700.0f, 400.0f}));
}

// The Visitors screen asks the host for today's figures, then all days', and
// draws a bar per area in the area's colour, the most viewed the longest.
TEST_F(StaffTest, VisitorsScreenShowsTheHostsFigures) {
    hold_corner(5'100);
    type_pin("2468");
    press(layout::kStaffVisitors);
    ASSERT_EQ(app_->staff()->view().screen, layout::StaffView::Screen::Visitors);
    EXPECT_EQ(app_->staff()->view().visitors.title, "Today");
    press(layout::kStaffVisitorsAll);
    EXPECT_EQ(host_.visitor_requests, (std::vector<bool>{false, true}));
    EXPECT_TRUE(app_->staff()->view().visitors_all);

    const auto& bundle = app_->bundle();
    const auto bar_width = [&](const std::string& id) {
        const auto& area = *std::find_if(bundle.areas.begin(), bundle.areas.end(),
                                         [&](const auto& a) { return a.id == id; });
        const layout::Rgba c{area.accent.r, area.accent.g, area.accent.b, 0xFF};
        float w = 0;
        for (const auto& item : app_->frame().layers.back().page->items)
            if (item.kind == layout::DrawItem::Kind::Fill && item.color == c)
                w = std::max(w, item.rect.w);
        return w;
    };
    const float finance = bar_width("finance"), aviation = bar_width("aviation");
    ASSERT_GT(aviation, 0);
    EXPECT_NEAR(finance / aviation, 3.0f, 0.05f);  // 9 views against 3
    EXPECT_EQ(bar_width("education"), 0);          // no views: no coloured bar
}

}  // namespace
}  // namespace kiosk::app
