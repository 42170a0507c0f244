// The tracker: visits start at a visitor's first touch and end at the idle
// return; page views carry exact dwell times; the attract loop and staff time
// are never visits.
#include <gtest/gtest.h>

#include "stats/tracker.h"

namespace kiosk::stats {
namespace {

constexpr int64_t kBase = 20'000LL * 86'400'000 + 10LL * 3'600'000;  // 2024-10-04 10:00 local

class TrackerTest : public ::testing::Test {
  protected:
    // One step at time t (ms) with the screen in this state.
    void at(int64_t t, std::string page, Input in = Input::None, std::string lang = "zh-HK") {
        s_.now_ms = t;
        s_.local = LocalTime{kBase + t};
        s_.page = std::move(page);
        s_.lang = std::move(lang);
        s_.input = in;
        for (auto& r : tracker_.step(s_))
            out_.push_back(std::move(r));
    }
    template <class T>
    std::vector<T> rows() const {
        std::vector<T> v;
        for (const auto& r : out_)
            if (const auto* x = std::get_if<T>(&r))
                v.push_back(*x);
        return v;
    }
    VisitRow last_visit() const { return rows<VisitRow>().back(); }

    Tracker tracker_;
    Snapshot s_;
    std::vector<Record> out_;
};

TEST(LocalTimeTest, DatesAndHours) {
    EXPECT_EQ(LocalTime{kBase}.day(), "2024-10-04");
    EXPECT_EQ(LocalTime{kBase + 3'723'000}.time(), "11:02:03");
    EXPECT_EQ(LocalTime{kBase}.hour(), 10);
    EXPECT_EQ(day_number("2024-10-04"), 20'000);
    EXPECT_EQ(day_string(20'000), "2024-10-04");
    EXPECT_EQ(day_string(0), "1970-01-01");
    EXPECT_EQ(day_string(day_number("2024-02-29")), "2024-02-29");
    EXPECT_EQ(day_number("nonsense"), -1);
    ASSERT_TRUE(parse_local("2024-10-04T10:00"));
    EXPECT_EQ(parse_local("2024-10-04T10:00")->ms, kBase);
    EXPECT_FALSE(parse_local("2024-10-04T25:00"));
}

TEST(DepthTest, FractionOfTheScrollRange) {
    EXPECT_EQ(depth_pct(0, 0), 100);  // fits on the screen
    EXPECT_EQ(depth_pct(0, 1000), 0);
    EXPECT_EQ(depth_pct(500, 1000), 50);
    EXPECT_EQ(depth_pct(1200, 1000), 100);
}

TEST_F(TrackerTest, AVisitFromFirstTouchToIdleReturn) {
    at(0, "home");  // the kiosk shows Home; nobody there
    EXPECT_TRUE(out_.empty());
    at(1'000, "finance", Input::Tap);  // first touch opens an area
    EXPECT_TRUE(tracker_.in_visit());
    at(21'000, "aviation", Input::Swipe);
    at(51'000, "aviation", Input::Tap, "en");  // language switch
    at(141'000, "home");                       // idle return: no input, page reset
    EXPECT_FALSE(tracker_.in_visit());

    const auto views = rows<ViewRow>();
    ASSERT_EQ(views.size(), 2u);
    EXPECT_EQ(views[0].page, "finance");
    EXPECT_EQ(views[0].dwell_ms, 20'000);
    EXPECT_EQ(views[0].entered, Input::Tap);
    EXPECT_EQ(views[0].left, "swipe");
    EXPECT_EQ(views[0].start.time(), "10:00:01");
    EXPECT_EQ(views[1].page, "aviation");
    EXPECT_EQ(views[1].dwell_ms, 120'000);
    EXPECT_EQ(views[1].lang, "en");
    EXPECT_EQ(views[1].entered, Input::Swipe);
    EXPECT_EQ(views[1].left, "idle");

    const auto switches = rows<SwitchRow>();
    ASSERT_EQ(switches.size(), 1u);
    EXPECT_EQ(switches[0].from, "zh-HK");
    EXPECT_EQ(switches[0].to, "en");
    EXPECT_EQ(switches[0].page, "aviation");

    const VisitRow v = last_visit();
    EXPECT_EQ(v.serial, 1);
    EXPECT_EQ(v.duration_ms, 140'000);
    EXPECT_EQ(v.views, 2);
    EXPECT_EQ(v.lang_switches, 1);
    EXPECT_EQ(v.ended, "idle");
    EXPECT_EQ(v.start.time(), "10:00:01");
}

TEST_F(TrackerTest, VisitRowIsWrittenAsItGrows) {
    at(0, "home", Input::Tap);
    ASSERT_EQ(rows<VisitRow>().size(), 1u);  // on the first touch already
    EXPECT_EQ(last_visit().ended, "");
    at(5'000, "finance", Input::Tap);
    EXPECT_EQ(rows<VisitRow>().size(), 2u);
    EXPECT_EQ(last_visit().views, 1);
    EXPECT_EQ(last_visit().duration_ms, 5'000);
    EXPECT_EQ(last_visit().ended, "");
}

TEST_F(TrackerTest, AttractLoopIsNoVisit) {
    s_.attract = true;
    at(0, "home");
    at(7'000, "home");
    s_.attract = false;
    at(30'000, "home");  // woken, but the wake step itself carries the touch below
    EXPECT_FALSE(tracker_.in_visit());
    EXPECT_TRUE(out_.empty());
}

TEST_F(TrackerTest, WakeTouchStartsAVisitThatAttractEnds) {
    s_.attract = true;
    at(0, "home");
    s_.attract = false;
    at(100, "home", Input::Tap);  // the touch that woke the loop
    EXPECT_TRUE(tracker_.in_visit());
    s_.attract = true;
    at(30'100, "home");  // nobody touched again: the loop restarts
    EXPECT_FALSE(tracker_.in_visit());
    EXPECT_EQ(last_visit().ended, "attract");
    EXPECT_EQ(last_visit().duration_ms, 30'000);
    EXPECT_EQ(rows<ViewRow>().at(0).page, "home");
}

TEST_F(TrackerTest, StaffTimeIsNoVisit) {
    at(0, "finance", Input::Tap);
    s_.staff = true;
    at(10'000, "finance");  // staff opened the menu over a visitor's page
    EXPECT_FALSE(tracker_.in_visit());
    EXPECT_EQ(last_visit().ended, "staff");
    EXPECT_EQ(last_visit().duration_ms, 10'000);
    at(20'000, "finance", Input::Tap);  // PIN taps
    s_.staff = false;
    at(30'000, "home", Input::Tap);  // "Close": staff leave the kiosk at Home
    EXPECT_FALSE(tracker_.in_visit());
    at(40'000, "about", Input::Tap);  // the next visitor
    EXPECT_TRUE(tracker_.in_visit());
    EXPECT_EQ(rows<VisitRow>().back().serial, 2);
}

TEST_F(TrackerTest, FirstTouchOnALanguageButtonIsASwitch) {
    at(0, "home");
    at(1'000, "home", Input::Tap, "en");
    ASSERT_EQ(rows<SwitchRow>().size(), 1u);
    EXPECT_EQ(rows<SwitchRow>()[0].to, "en");
}

TEST_F(TrackerTest, ScrollDepthAndLargeText) {
    s_.max_scroll = 2000;
    at(0, "finance", Input::Tap);
    s_.scroll = 1500;
    at(1'000, "finance", Input::Scroll);
    s_.scroll = 200;  // scrolled back up: the deepest point counts
    s_.large_text = true;
    at(2'000, "finance", Input::Tap);
    s_.scroll = 0;
    s_.large_text = false;
    at(3'000, "aviation", Input::Tap);
    const auto v = rows<ViewRow>().at(0);
    EXPECT_EQ(v.depth_pct, 75);
    EXPECT_TRUE(v.large_text);
    EXPECT_EQ(v.dwell_ms, 3'000);
}

TEST_F(TrackerTest, FinishClosesAnOpenVisit) {
    at(0, "finance", Input::Tap);
    s_.now_ms = 4'000;
    for (auto& r : tracker_.finish(s_))
        out_.push_back(std::move(r));
    EXPECT_EQ(last_visit().ended, "quit");
    EXPECT_EQ(rows<ViewRow>().at(0).dwell_ms, 4'000);
}

}  // namespace
}  // namespace kiosk::stats
