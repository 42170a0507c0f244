#include "app/replay.h"

#include <gtest/gtest.h>

#include "app_env.h"

namespace kiosk::app {
namespace {

TEST(Replay, ParsesEveryCommand) {
    auto r = parse_replay("# tour\nwait 100\ntap 10 20\ndrag 1 2 3 4 250\nkey Escape\nshot a.png\n",
                          "t.events");
    ASSERT_TRUE(r) << r.error().str();
    ASSERT_EQ(r.value().size(), 5u);
    EXPECT_EQ(r.value()[2].kind, ReplayCommand::Kind::Drag);
    EXPECT_EQ(r.value()[2].ms, 250);
    EXPECT_EQ(r.value()[4].arg, "a.png");
}

TEST(Replay, ErrorsNameFileAndLine) {
    auto r = parse_replay("wait 10\ntap 10\n", "t.events");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().str(), "t.events:2:1: error: bad arguments for 'tap'");
    auto u = parse_replay("\n\nfly 1 2\n", "t.events");
    ASSERT_FALSE(u);
    EXPECT_EQ(u.error().where.line, 3);
}

TEST(Replay, TourIntoAreaScrollSwipeHomeAndIdle) {
    auto& e = test::env();
    ASSERT_TRUE(e.fonts && e.bundle);
    App app(e.bundle, *e.fonts, test::config(480, 800));
    // The first area whose page is long enough to scroll on this screen.
    int area = -1;
    for (int i = 0; i < 12 && area < 0; ++i) {
        app.show(layout::PageId::area_at(i), Lang::ZhHK);
        if (app.page()->content_height > app.page()->viewport.h + 200)
            area = i;
    }
    ASSERT_GE(area, 0);
    app.show(layout::PageId::home(), Lang::ZhHK);
    auto [x, y] = test::centre_of(app, layout::Action::open(layout::PageId::area_at(area)));
    std::string script = "tap " + std::to_string(x) + " " + std::to_string(y) + "\nwait 500\n";
    script += "shot area\ndrag 240 650 240 350 120\nwait 2000\nshot scrolled\n";
    script += "drag 420 400 80 400 150\nwait 500\nshot swiped\nkey Home\nwait 500\nshot home\n";
    script += "tap 240 500\nwait 95000\nshot idle\n";
    auto cmds = parse_replay(script, "tour");
    ASSERT_TRUE(cmds) << cmds.error().str();
    Millis clock = 0;
    std::vector<std::pair<std::string, layout::PageId>> shots;
    float scroll_at_scrolled = 0;
    ReplayHooks hooks;
    hooks.shot = [&](const std::string& s) {
        shots.push_back({s, app.session().page()});
        if (s == "scrolled")
            scroll_at_scrolled = app.scroll();
    };
    run_replay(app, cmds.value(), clock, hooks);
    ASSERT_EQ(shots.size(), 5u);
    EXPECT_EQ(shots[0].second, layout::PageId::area_at(area));
    EXPECT_EQ(shots[1].second, layout::PageId::area_at(area));
    EXPECT_GT(scroll_at_scrolled, 0);
    EXPECT_EQ(shots[2].second, layout::PageId::area_at((area + 1) % 12));
    EXPECT_EQ(shots[3].second, layout::PageId::home());
    EXPECT_EQ(shots[4].second, layout::PageId::home());  // the tap opened a tile; idle came back
    EXPECT_EQ(app.scroll(), 0);
}

}  // namespace
}  // namespace kiosk::app
