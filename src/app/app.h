// The kiosk's behaviour, independent of any window: input in, frames out.
// Time is always passed in (real or virtual), so a replayed session and a real
// one behave identically. No SDL here; the window loop and the headless
// renderer both drive this class.
#pragma once

#include <map>
#include <memory>
#include <string_view>
#include <tuple>
#include <vector>

#include "app/session.h"
#include "app/staff.h"
#include "content/model.h"
#include "input/gesture.h"
#include "input/scroller.h"
#include "layout/display_list.h"
#include "layout/metrics.h"
#include "text/text.h"

namespace kiosk::app {

struct AppConfig {
    layout::Screen screen;
    Lang default_lang = kDefaultLang;
    Millis idle_timeout_ms = 90'000;
    Millis slide_ms = 320;
    Millis fade_ms = 240;
    bool attract = true;  // the picture loop on an untouched Home
    Millis attract_delay_ms = 30'000;
    Millis attract_slide_ms = 7'000;
    Millis attract_fade_ms = 1'200;
};

// Why a frame is drawn (for --trace): each frame has exactly one first cause.
enum class Cause { None, Input, Animation, Content, Expose, Idle };
const char* cause_name(Cause c);

// What to draw on one frame: one page, or two during a transition.
struct Frame {
    Cause cause = Cause::None;
    layout::Rgba background;
    struct Layer {
        std::shared_ptr<const layout::DisplayList> page;
        layout::ViewState view;
    };
    std::vector<Layer> layers;
};

class App {
  public:
    App(std::shared_ptr<const content::Bundle> bundle, text::FontStack& fonts, AppConfig cfg);

    void pointer(const input::PointerEvent& e);
    void key(std::string_view name, Millis now);
    void resize(const layout::Screen& screen);
    // New content (e.g. after a USB import): keeps the visitor's page when it still exists.
    void set_bundle(std::shared_ptr<const content::Bundle> bundle);

    // Shows a page directly, without a transition (tools, replay set-up).
    void show(const layout::PageId& page, Lang lang, bool large_text = false);
    // The window was exposed or the content of the screen was lost: draw again.
    void invalidate() { mark(Cause::Expose); }

    // A message over the page until `until` (e.g. "updated to version 3").
    // progress in [0,1] draws a bar; < 0 none. An empty text removes it.
    void notify(const std::string& text, float progress, Millis until);

    // Advances animations and timers to `now`. True when the picture changed.
    bool tick(Millis now);
    bool animating() const;
    // The next time tick() must run although nothing happens (the idle timeout); -1: none.
    Millis next_deadline() const;
    bool dirty() const { return dirty_; }
    // The frame to draw now; clears dirty().
    Frame frame();

    // The staff menu (hold the top-left corner 5 s, then the PIN). `host` must
    // outlive the App; without a host or with an empty PIN there is no menu.
    void set_staff(StaffHost* host, std::string pin);
    bool staff_open() const { return staff_ && !staff_->closed(); }
    const StaffMenu* staff() const { return staff_.get(); }

    const Session& session() const { return session_; }
    bool attract_mode() const { return attract_; }
    int attract_slide() const { return attract_index_; }
    const content::Bundle& bundle() const { return *bundle_; }
    std::shared_ptr<const layout::DisplayList> page() { return current(); }
    float scroll() const { return scroller_.offset(); }

  private:
    enum class Transition { None, Slide, Fade };
    using CacheKey = std::tuple<int, int, int, bool, int, int>;

    std::shared_ptr<const layout::DisplayList> current();
    std::shared_ptr<const layout::DisplayList> build(const layout::PageId& p);
    void perform(const layout::Action& a, Millis now);
    void navigate(Transition kind, int direction, Millis now);
    void relayout_keeping_place();
    void on_gesture(const input::Gesture& g, Millis now);
    void mark(Cause c) {
        if (!dirty_)
            cause_ = c;
        dirty_ = true;
    }

    std::shared_ptr<const content::Bundle> bundle_;
    text::FontStack& fonts_;
    AppConfig cfg_;
    Session session_;
    input::GestureRecognizer gestures_;
    input::Scroller scroller_;
    std::map<CacheKey, std::shared_ptr<const layout::DisplayList>> cache_;
    int pressed_ = -1;
    bool dirty_ = true;
    Cause cause_ = Cause::Content;
    Millis now_ = 0, last_input_ = 0;

    std::shared_ptr<const layout::DisplayList> attract_page(int index);
    void open_staff();
    void staff_pointer(const input::PointerEvent& e);
    void rebuild_staff();
    void close_staff(Millis now);
    bool in_staff_corner(float x, float y) const;
    void wake(Millis now);
    void tick_attract();
    bool attract_fading() const;

    // Attract loop: on an untouched Home, the areas' pictures cycle until a touch.
    bool attract_ = false;
    int attract_index_ = 0;
    Millis attract_slide_start_ = 0;
    Millis home_since_ = 0;  // when the visitor's session was last reset to Home
    bool swallow_ = false;   // the touch that woke the loop does nothing else
    bool from_home_ = true;  // the first slide fades in over Home

    StaffHost* staff_host_ = nullptr;
    std::string staff_pin_;
    std::unique_ptr<StaffMenu> staff_;
    std::shared_ptr<const layout::DisplayList> staff_dl_;
    Millis corner_down_ = -1;  // a press in the staff corner started then; -1: none

    std::shared_ptr<const layout::DisplayList> notice_;
    Millis notice_until_ = 0;

    Transition transition_ = Transition::None;
    std::shared_ptr<const layout::DisplayList> from_;
    float from_scroll_ = 0;
    int direction_ = 1;
    Millis transition_start_ = 0;
};

}  // namespace kiosk::app
