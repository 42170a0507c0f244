#include "input/scroller.h"

#include <gtest/gtest.h>

namespace kiosk::input {
namespace {

TEST(Scroller, DragMovesContentWithTheFingerAndClamps) {
    Scroller s;
    s.set_range(1000);
    s.drag(-300);  // finger up by 300: content scrolls down 300
    EXPECT_FLOAT_EQ(s.offset(), 300);
    s.drag(500);
    EXPECT_FLOAT_EQ(s.offset(), 0);
    s.drag(-5000);
    EXPECT_FLOAT_EQ(s.offset(), 1000);
}

TEST(Scroller, FlingGlidesThenStopsAndIsFrameRateIndependent) {
    Scroller a, b;
    a.set_range(100000);
    b.set_range(100000);
    a.fling(-2000, 0);
    b.fling(-2000, 0);
    for (Millis t = 16; t <= 3000; t += 16)
        a.step(t);
    for (Millis t = 50; t <= 3000; t += 50)
        b.step(t);
    EXPECT_GT(a.offset(), 500);  // 2000 px/s * 0.325 s ≈ 650 px total
    EXPECT_LT(a.offset(), 660);
    EXPECT_NEAR(a.offset(), b.offset(), 1.0f);
    EXPECT_FALSE(a.moving());
}

TEST(Scroller, GlideStopsAtTheEnd) {
    Scroller s;
    s.set_range(100);
    s.fling(-5000, 0);
    bool moving = true;
    for (Millis t = 16; moving && t < 5000; t += 16)
        moving = s.step(t);
    EXPECT_FLOAT_EQ(s.offset(), 100);
    EXPECT_FALSE(s.moving());
}

TEST(Scroller, SlowReleaseDoesNotGlide) {
    Scroller s;
    s.set_range(1000);
    s.fling(-5, 0);
    EXPECT_FALSE(s.moving());
}

}  // namespace
}  // namespace kiosk::input
