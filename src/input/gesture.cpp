#include "input/gesture.h"

#include <cmath>

namespace kiosk::input {
namespace {
constexpr Millis kVelocityWindowMs = 100;  // recent motion decides a fling
}

void GestureRecognizer::track(float x, float y, Millis t) {
    samples_.push_back({x, y, t});
    while (samples_.size() > 2 && t - samples_.front().t > kVelocityWindowMs)
        samples_.pop_front();
}

void GestureRecognizer::velocity(float& vx, float& vy) const {
    vx = vy = 0;
    if (samples_.size() < 2)
        return;
    const Sample& a = samples_.front();
    const Sample& b = samples_.back();
    const float dt = static_cast<float>(b.t - a.t) / 1000.0f;
    if (dt <= 0)
        return;
    vx = (b.x - a.x) / dt;
    vy = (b.y - a.y) / dt;
}

std::vector<Gesture> GestureRecognizer::feed(const PointerEvent& e) {
    using K = Gesture::Kind;
    std::vector<Gesture> out;
    switch (e.type) {
        case PointerEvent::Type::Down:
            down_ = true;
            dragging_ = false;
            start_x_ = last_x_ = e.x;
            start_y_ = last_y_ = e.y;
            samples_.clear();
            track(e.x, e.y, e.t);
            out.push_back({K::Press, e.x, e.y});
            break;
        case PointerEvent::Type::Move: {
            if (!down_)
                break;
            track(e.x, e.y, e.t);
            if (!dragging_ && std::hypot(e.x - start_x_, e.y - start_y_) > cfg_.slop_px) {
                dragging_ = true;
                horizontal_ = std::fabs(e.x - start_x_) > std::fabs(e.y - start_y_);
                out.push_back({K::Release, e.x, e.y});
                Gesture g{K::DragStart, e.x, e.y};
                g.horizontal = horizontal_;
                out.push_back(g);
            }
            if (dragging_) {
                Gesture g{K::Drag, e.x, e.y, e.x - last_x_, e.y - last_y_};
                g.horizontal = horizontal_;
                out.push_back(g);
            }
            last_x_ = e.x;
            last_y_ = e.y;
            break;
        }
        case PointerEvent::Type::Up:
            if (down_)
                out = on_up(e);
            break;
        case PointerEvent::Type::Cancel:
            if (down_)
                out.push_back({dragging_ ? K::DragEnd : K::Release, e.x, e.y});
            down_ = dragging_ = false;
            break;
    }
    return out;
}

std::vector<Gesture> GestureRecognizer::on_up(const PointerEvent& e) {
    using K = Gesture::Kind;
    std::vector<Gesture> out;
    down_ = false;
    if (!dragging_) {
        out.push_back({K::Tap, e.x, e.y});
        return out;
    }
    dragging_ = false;
    track(e.x, e.y, e.t);
    Gesture end{K::DragEnd, e.x, e.y};
    velocity(end.vx, end.vy);
    end.horizontal = horizontal_;
    out.push_back(end);
    if (horizontal_) {
        const float dx = e.x - start_x_;
        const bool far = std::fabs(dx) >= cfg_.swipe_min_px;
        const bool fast = std::fabs(end.vx) >= cfg_.swipe_min_velocity &&
                          (end.vx > 0) == (dx > 0) && std::fabs(dx) >= cfg_.slop_px * 2;
        if (far || fast)
            out.push_back({dx < 0 ? K::SwipeLeft : K::SwipeRight, e.x, e.y});
    }
    return out;
}

}  // namespace kiosk::input
