// The staff menu: only a 5 s still press in the corner opens it, the PIN
// guards it (and locks), its commands come out as effects (App calls nothing
// back), and it never stays open for the next visitor.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/app.h"
#include "app_env.h"

namespace kiosk::app {
namespace {

using layout::Action;
using layout::PageId;
using T = input::PointerEvent::Type;

class StaffTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(test::env().fonts && test::env().bundle);
        AppConfig c = test::config();
        c.staff_pin = "2468";
        app_ = std::make_unique<App>(test::env().bundle, *test::env().fonts, c);
        app_->show(PageId::home(), Lang::ZhHK);
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
                for (const auto& fx : app_->take_effects())
                    effects_.push_back(fx);
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

    size_t count(Effect::Kind k) const {
        return static_cast<size_t>(std::count_if(effects_.begin(), effects_.end(),
                                                 [k](const Effect& e) { return e.kind == k; }));
    }

    std::vector<Effect> effects_;  // everything App asked for, in order
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
    EXPECT_EQ(count(Effect::Kind::RefreshStaffInfo), 1u);
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

TEST_F(StaffTest, RollbackNeedsASecondTapAndCommandsComeOutAsEffects) {
    hold_corner(5'100);
    type_pin("2468");
    EXPECT_EQ(count(Effect::Kind::RefreshStaffInfo), 1u);  // the menu asks for the status
    press(layout::kStaffRollback);
    EXPECT_EQ(count(Effect::Kind::Rollback), 0u);
    EXPECT_TRUE(app_->staff()->view().confirm_rollback);
    press(layout::kStaffRollbackConfirm);
    EXPECT_EQ(count(Effect::Kind::Rollback), 1u);
    press(layout::kStaffRotate);
    EXPECT_EQ(count(Effect::Kind::Rotate), 1u);
    press(layout::kStaffDimmer);
    ASSERT_EQ(effects_.back(), (Effect{Effect::Kind::Brightness, -1}));
    press(layout::kStaffRestart);
    EXPECT_EQ(count(Effect::Kind::Restart), 1u);
    EXPECT_TRUE(app_->staff_open());  // App itself did none of it
}

TEST_F(StaffTest, WhatTheLoopFeedsBackIsShown) {
    hold_corner(5'100);
    type_pin("2468");
    StaffInfo info;
    info.status = {"Showing version 7"};
    info.log = {"imported 7"};
    info.last_refusal = "the bundle's signature does not match";
    app_->set_staff_info(info);
    const auto& shown = app_->staff()->view().info;
    EXPECT_EQ(shown.front(), "Showing version 7");
    EXPECT_EQ(shown.back(), "Last stick refused: the bundle's signature does not match");
    app_->staff_message("Rolled back to version 6");
    EXPECT_EQ(app_->staff()->view().message, "Rolled back to version 6");
    press(layout::kStaffLog);
    EXPECT_EQ(app_->staff()->view().log, std::vector<std::string>{"imported 7"});
}

TEST_F(StaffTest, FleetScreenShowsTheDeviceIdAsTextAndQrAndTheKiosks) {
    hold_corner(5'100);
    type_pin("2468");
    auto has_fleet_button = [this] {
        const auto dl = app_->frame().layers.back().page;
        return std::any_of(dl->targets.begin(), dl->targets.end(), [](const auto& t) {
            return t.action == Action::staff(layout::kStaffFleet);
        });
    };
    app_->set_staff_info(StaffInfo{});
    EXPECT_FALSE(has_fleet_button());  // no fleet on this kiosk: no Fleet screen
    StaffInfo info;
    info.fleet = true;
    info.fleet_id = "6LTBX3Q-625FFQI-UG5R4JH-K3OBQA6-D7EMCCX-EHMBB56-IYTVJEP-BSNADAV";
    info.kiosks = {"hall-a  version 7  in step", "hall-b  version 6  behind"};
    app_->set_staff_info(info);
    ASSERT_TRUE(has_fleet_button());
    press(layout::kStaffFleet);
    EXPECT_EQ(effects_.back(), Effect{Effect::Kind::RefreshStaffInfo});
    app_->set_staff_info(info);
    const auto& v = app_->staff()->view();
    EXPECT_EQ(v.screen, layout::StaffView::Screen::Fleet);
    EXPECT_EQ(v.fleet_id, info.fleet_id);
    EXPECT_EQ(v.fleet, info.kiosks);
    const auto dl = app_->frame().layers.back().page;
    EXPECT_TRUE(std::any_of(dl->items.begin(), dl->items.end(),
                            [](const auto& it) { return it.kind == layout::DrawItem::Kind::Qr; }));
}

TEST_F(StaffTest, DowngradeIsOfferedOnlyWhenOneWaits) {
    hold_corner(5'100);
    type_pin("2468");
    EXPECT_FALSE(app_->staff()->view().downgrade_offer);
    StaffInfo info;
    info.downgrade_pending = true;
    app_->set_staff_info(info);
    EXPECT_TRUE(app_->staff()->view().downgrade_offer);
    press(layout::kStaffDowngrade);
    EXPECT_EQ(count(Effect::Kind::AcceptDowngrade), 1u);
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

// The Visitors screen asks the loop for today's figures, then all days' (as
// effects), and draws what comes back: a bar per area in the area's colour,
// the most viewed the longest.
TEST_F(StaffTest, VisitorsScreenShowsTheFiguresTheLoopFeedsBack) {
    hold_corner(5'100);
    type_pin("2468");
    press(layout::kStaffVisitors);
    ASSERT_EQ(app_->staff()->view().screen, layout::StaffView::Screen::Visitors);
    ASSERT_EQ(effects_.back(), (Effect{Effect::Kind::ShowVisitors, 0}));
    press(layout::kStaffVisitorsAll);
    ASSERT_EQ(effects_.back(), (Effect{Effect::Kind::ShowVisitors, 1}));
    EXPECT_TRUE(app_->staff()->view().visitors_all);
    stats::Summary s;
    s.title = "All days";
    s.visits = 3;
    s.views = 12;
    s.pages = {{"finance", 9, 20'000, 180'000}, {"aviation", 3, 5'000, 15'000}};
    s.langs = {{"en", 12}};
    s.visits_by_hour[10] = 3;
    app_->set_staff_visitors(s);
    EXPECT_EQ(app_->staff()->view().visitors.title, "All days");

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
