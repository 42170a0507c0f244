#include "input/scroller.h"

#include <algorithm>
#include <cmath>

namespace kiosk::input {
namespace {
// Exponential decay with a 325 ms time constant: the glide most touch users know.
constexpr float kTimeConstantS = 0.325f;
constexpr float kStopVelocity = 20.0f;  // px/s: below this the eye sees no motion
constexpr float kMaxVelocity = 8000.0f;
}  // namespace

float Scroller::clamp(float y) const {
    return std::clamp(y, 0.0f, max_);
}

void Scroller::set_range(float max_offset) {
    max_ = std::max(0.0f, max_offset);
    offset_ = clamp(offset_);
}

void Scroller::set_offset(float y) {
    offset_ = clamp(y);
    velocity_ = 0;
}

void Scroller::drag(float dy) {
    velocity_ = 0;
    offset_ = clamp(offset_ - dy);
}

void Scroller::fling(float vy, Millis now) {
    velocity_ = std::clamp(-vy, -kMaxVelocity, kMaxVelocity);
    if (std::fabs(velocity_) < kStopVelocity)
        velocity_ = 0;
    last_ = now;
}

bool Scroller::step(Millis now) {
    if (velocity_ == 0)
        return false;
    const float dt = static_cast<float>(now - last_) / 1000.0f;
    last_ = now;
    if (dt <= 0)
        return true;
    // Integrate the exponential decay exactly, so frame rate does not change the glide.
    const float decay = std::exp(-dt / kTimeConstantS);
    offset_ += velocity_ * kTimeConstantS * (1 - decay);
    velocity_ *= decay;
    const float clamped = clamp(offset_);
    if (clamped != offset_ || std::fabs(velocity_) < kStopVelocity)
        velocity_ = 0;
    offset_ = clamped;
    return velocity_ != 0;
}

}  // namespace kiosk::input
