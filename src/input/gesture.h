// Turns raw pointer events (a finger or the mouse, already mapped to screen
// coordinates) into what the app acts on: press, tap, drag, swipe.
//
// The one rule visitors notice: a drag never becomes a tap. Once the pointer
// has moved more than the slop distance, the gesture is a drag until release.
// Pure logic on timestamps; no SDL, so it is tested on a virtual clock.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

namespace kiosk::input {

using Millis = int64_t;  // a monotonic clock in milliseconds (real or virtual)

struct PointerEvent {
    enum class Type { Down, Move, Up, Cancel };
    Type type = Type::Down;
    float x = 0, y = 0;  // px, screen (logical, already rotated) coordinates
    Millis t = 0;
};

struct Gesture {
    enum class Kind {
        Press,       // finger down: highlight what is under it at once
        Release,     // the press ended without a tap (moved away, or cancelled)
        Tap,         // down and up close together, without moving past the slop
        DragStart,   // moved past the slop; axis decided
        Drag,        // dx/dy since the previous Drag event
        DragEnd,     // vx/vy: release velocity in px/s (for inertia)
        SwipeLeft,   // a quick horizontal fling: next item
        SwipeRight,  // previous item
    };
    Kind kind;
    float x = 0, y = 0;       // where the pointer is
    float dx = 0, dy = 0;     // Drag: movement since the last event
    float vx = 0, vy = 0;     // DragEnd: velocity px/s
    bool horizontal = false;  // DragStart/Drag/DragEnd: the locked axis
};

struct GestureConfig {
    float slop_px = 16;              // movement that turns a press into a drag
    float swipe_min_px = 120;        // horizontal travel for a swipe...
    float swipe_min_velocity = 600;  // ...or a fling at least this fast (px/s)
};

class GestureRecognizer {
  public:
    explicit GestureRecognizer(GestureConfig cfg = {}) : cfg_(cfg) {}
    void set_config(const GestureConfig& cfg) { cfg_ = cfg; }

    std::vector<Gesture> feed(const PointerEvent& e);
    bool active() const { return down_; }

  private:
    void track(float x, float y, Millis t);
    void velocity(float& vx, float& vy) const;
    std::vector<Gesture> on_up(const PointerEvent& e);

    struct Sample {
        float x, y;
        Millis t;
    };
    GestureConfig cfg_;
    bool down_ = false;
    bool dragging_ = false;
    bool horizontal_ = false;
    float start_x_ = 0, start_y_ = 0, last_x_ = 0, last_y_ = 0;
    std::deque<Sample> samples_;  // the last ~100 ms, for release velocity
};

}  // namespace kiosk::input
