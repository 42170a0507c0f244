// Screen rotation: the panel is mounted turned by 0/90/180/270 degrees
// clockwise, so the picture is drawn turned and touches are turned back.
// Both directions live here, next to each other, so drawing and touch cannot
// disagree (the failure visitors notice when a kiosk's touch misses).
#pragma once

#include <utility>

namespace kiosk::input {

// Normalises any multiple of 90 to 0, 90, 180 or 270; anything else is 0.
int normal_rotation(int degrees);

// The layout's (logical) size for a physical panel of pw×ph.
std::pair<int, int> logical_size(int pw, int ph, int degrees);

// A touch at physical (x, y) on a pw×ph panel, in logical coordinates.
std::pair<float, float> to_logical(float x, float y, int pw, int ph, int degrees);
// And back: where logical (x, y) appears on the panel (for tests and tools).
std::pair<float, float> to_physical(float x, float y, int pw, int ph, int degrees);

}  // namespace kiosk::input
