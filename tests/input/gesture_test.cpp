#include "input/gesture.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kiosk::input {
namespace {

using K = Gesture::Kind;
using T = PointerEvent::Type;

std::vector<K> kinds(const std::vector<Gesture>& gs) {
    std::vector<K> out;
    for (const auto& g : gs)
        out.push_back(g.kind);
    return out;
}

bool contains(const std::vector<Gesture>& gs, K k) {
    return std::any_of(gs.begin(), gs.end(), [k](const Gesture& g) { return g.kind == k; });
}

TEST(Gesture, PressHighlightsAtOnceAndTapOnRelease) {
    GestureRecognizer r;
    EXPECT_EQ(kinds(r.feed({T::Down, 100, 100, 0})), std::vector<K>{K::Press});
    EXPECT_TRUE(r.feed({T::Move, 105, 103, 30}).empty());  // within slop: still a press
    EXPECT_EQ(kinds(r.feed({T::Up, 105, 103, 80})), std::vector<K>{K::Tap});
}

TEST(Gesture, DragNeverBecomesTapEvenIfItReturnsToStart) {
    GestureRecognizer r;
    r.feed({T::Down, 100, 100, 0});
    auto moved = r.feed({T::Move, 100, 160, 50});
    EXPECT_TRUE(contains(moved, K::Release));  // un-highlight
    EXPECT_TRUE(contains(moved, K::DragStart));
    r.feed({T::Move, 100, 100, 100});  // back where it started
    auto up = r.feed({T::Up, 100, 100, 150});
    EXPECT_FALSE(contains(up, K::Tap));
    EXPECT_TRUE(contains(up, K::DragEnd));
}

TEST(Gesture, VerticalDragReportsDeltasAndReleaseVelocity) {
    GestureRecognizer r;
    r.feed({T::Down, 500, 800, 0});
    r.feed({T::Move, 500, 780, 16});
    auto d = r.feed({T::Move, 500, 700, 32});
    ASSERT_TRUE(contains(d, K::Drag));
    EXPECT_FLOAT_EQ(d.back().dy, -80);
    EXPECT_FALSE(d.back().horizontal);
    auto up = r.feed({T::Up, 500, 620, 48});
    ASSERT_EQ(up.front().kind, K::DragEnd);
    EXPECT_NEAR(up.front().vy, -180.0f / 0.048f, 1.0f);
    EXPECT_FALSE(contains(up, K::SwipeLeft));
}

TEST(Gesture, HorizontalFlingIsASwipe) {
    GestureRecognizer r;
    r.feed({T::Down, 900, 500, 0});
    r.feed({T::Move, 850, 505, 20});
    r.feed({T::Move, 700, 510, 60});
    auto up = r.feed({T::Up, 650, 510, 80});
    EXPECT_TRUE(contains(up, K::SwipeLeft));
    r.feed({T::Down, 100, 500, 1000});
    r.feed({T::Move, 300, 500, 1100});
    EXPECT_TRUE(contains(r.feed({T::Up, 300, 500, 1200}), K::SwipeRight));
}

TEST(Gesture, SlowShortHorizontalDragIsNotASwipe) {
    GestureRecognizer r;
    r.feed({T::Down, 500, 500, 0});
    r.feed({T::Move, 540, 500, 400});
    r.feed({T::Move, 560, 500, 800});
    auto up = r.feed({T::Up, 560, 500, 1200});
    EXPECT_FALSE(contains(up, K::SwipeRight));
    EXPECT_FALSE(contains(up, K::Tap));
}

TEST(Gesture, CancelEndsPressWithoutTap) {
    GestureRecognizer r;
    r.feed({T::Down, 10, 10, 0});
    EXPECT_EQ(kinds(r.feed({T::Cancel, 10, 10, 5})), std::vector<K>{K::Release});
    EXPECT_TRUE(r.feed({T::Up, 10, 10, 10}).empty());
}

}  // namespace
}  // namespace kiosk::input
