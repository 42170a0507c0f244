// Vertical scrolling with inertia, stepped by an explicit clock so replay tests
// and the real screen behave identically.
#pragma once

#include "input/gesture.h"

namespace kiosk::input {

class Scroller {
  public:
    // The scrollable range is [0, max_offset] px.
    void set_range(float max_offset);
    float offset() const { return offset_; }
    float max_offset() const { return max_; }
    void reset() { offset_ = velocity_ = 0; }
    void set_offset(float y);

    // Finger moved by dy (px, positive = content follows the finger down).
    void drag(float dy);
    // Finger lifted with vy px/s: start gliding.
    void fling(float vy, Millis now);
    void stop() { velocity_ = 0; }
    // Advances the glide to `now`; returns true while still moving.
    bool step(Millis now);
    bool moving() const { return velocity_ != 0; }

  private:
    float clamp(float y) const;

    float offset_ = 0, max_ = 0;
    float velocity_ = 0;  // px/s, of the offset
    Millis last_ = 0;
};

}  // namespace kiosk::input
