// The kiosk's behaviour, independent of any window: a state machine with input
// and time in, a Frame and a list of Effects out. Time is always passed in
// (real or virtual), so a replayed session and a real one behave identically.
// No SDL here, no I/O, and no callbacks: the window loop and the headless
// replay carry out take_effects() after each call and feed results back.
//
// The parts: PageCache (laid-out pages), transitions (app.cpp), the idle
// reset and attract loop (app_idle.cpp), StaffOverlay, the notice banner
// (app_frame.cpp, with the Frame).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "app/effect.h"
#include "app/page_cache.h"
#include "app/session.h"
#include "app/staff_overlay.h"
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
    // Longest a transition waits for its incoming page to be painted (wait_for_incoming).
    Millis max_wait_ms = 120;
    bool attract = true;  // the picture loop on an untouched Home
    Millis attract_delay_ms = 30'000;
    Millis attract_slide_ms = 7'000;
    Millis attract_fade_ms = 1'200;
    std::string staff_pin;  // empty: no staff menu
};

// Why a frame is drawn (for --trace): each frame has exactly one first cause.
enum class Cause { None, Input, Animation, Content, Expose, Idle };
const char* cause_name(Cause c);

// How the visitor last moved between pages (for observers such as statistics).
enum class Navigation { None, Tap, Swipe, Key, Idle };

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
    // `fonts` is the UI thread's: App runs on that thread only.
    App(std::shared_ptr<const content::Bundle> bundle, text::FontStack& fonts, AppConfig cfg);

    // --- input and time in ---
    void pointer(const input::PointerEvent& e);
    void key(std::string_view name, Millis now);
    void resize(const layout::Screen& screen);
    // New content (an import or a rollback): keeps the visitor's page when it still exists.
    void set_bundle(std::shared_ptr<const content::Bundle> bundle);
    // Shows a page directly, without a transition (tools, replay set-up).
    void show(const layout::PageId& page, Lang lang, bool large_text = false);
    // The window was exposed or the content of the screen was lost: draw again.
    void invalidate() { mark(Cause::Expose); }
    // A message over the page until `until` (e.g. "updated to version 3").
    // progress in [0,1] draws a bar; < 0 none. An empty text removes it.
    void notify(const std::string& text, float progress, Millis until);
    // Results of effects, for the staff menu.
    void set_staff_info(const StaffInfo& info);
    void staff_message(std::string text);
    void set_staff_visitors(stats::Summary summary);  // answers Effect::ShowVisitors
    // Advances animations and timers to `now`. True when the picture changed.
    bool tick(Millis now);

    // --- frame and effects out ---
    bool animating() const;
    // The next time tick() must run although nothing happens (the idle timeout); -1: none.
    Millis next_deadline() const;
    bool dirty() const { return dirty_; }
    Frame frame();  // the frame to draw now; clears dirty()
    std::vector<Effect> take_effects() { return std::exchange(effects_, {}); }

    // --- read-only state an observer may sample after each step ---
    const Session& session() const { return session_; }
    const layout::PageId& page_id() const { return session_.page(); }
    bool attract_mode() const { return attract_.on; }
    int attract_slide() const { return attract_.index; }
    bool staff_open() const { return staff_.open(); }
    const StaffMenu* staff() const { return staff_.menu(); }
    const content::Bundle& bundle() const { return pages_.bundle(); }
    // The content shown, as the immutable snapshot a worker may keep.
    std::shared_ptr<const content::Bundle> bundle_snapshot() const { return pages_.snapshot(); }
    // The screen pages are laid out for (at normal text size).
    const layout::Screen& base_screen() const { return cfg_.screen; }
    float scroll() const { return scroller_.offset(); }
    float page_height() const { return page_height_; }  // of the current page's content
    Navigation last_navigation() const { return last_nav_; }
    Millis last_navigation_at() const { return last_nav_at_; }
    std::shared_ptr<const layout::DisplayList> page() { return current(); }
    // The page a tap just opened and the background it is drawn over, for the
    // renderer to prepare off the UI thread; no page while the staff menu or the
    // attract loop covers the pages. Unlike frame(), it changes nothing.
    std::pair<std::shared_ptr<const layout::DisplayList>, layout::Rgba> upcoming();
    // The page upcoming() gave is not painted yet: the transition's clock stops
    // where that page is not visible yet (a slide before it moves, a fade at its
    // midpoint, on the background), so it never slides or fades in as an empty
    // background. At most max_wait_ms in all per transition; then it goes on with
    // what there is. True when it held.
    bool wait_for_incoming();

  private:
    enum class Transition { None, Slide, Fade };

    layout::Screen screen() const;
    std::shared_ptr<const layout::DisplayList> current();
    void perform(const layout::Action& a, Millis now, Navigation how);
    void navigate(Transition kind, int direction, Millis now);
    void end_transition();
    void relayout_keeping_place();
    void on_gesture(const input::Gesture& g, Millis now);
    void staff_pointer(const input::PointerEvent& e);
    void open_staff();
    void close_staff(Millis now);
    void emit(std::optional<Effect> fx) {
        if (fx)
            effects_.push_back(*fx);
    }
    void mark(Cause c) {
        if (!dirty_)
            cause_ = c;
        dirty_ = true;
    }
    // app_idle.cpp
    void tick_idle();
    void tick_attract();
    void wake(Millis now);
    bool attract_fading() const;
    bool untouched() const;
    // app_frame.cpp
    void compose_attract(Frame& f);
    void compose_page(Frame& f);

    PageCache pages_;
    AppConfig cfg_;
    Session session_;
    input::GestureRecognizer gestures_;
    input::Scroller scroller_;
    StaffOverlay staff_;
    std::vector<Effect> effects_;
    int pressed_ = -1;
    bool dirty_ = true;
    Cause cause_ = Cause::Content;
    Millis now_ = 0, last_input_ = 0;
    Navigation last_nav_ = Navigation::None;
    Millis last_nav_at_ = 0;
    float page_height_ = 0;
    bool swallow_ =
        false;  // the touch that woke the attract loop or opened staff does nothing else

    // Attract loop: on an untouched Home, the areas' pictures cycle until a touch.
    struct Attract {
        bool on = false;
        int index = 0;
        Millis slide_start = 0;
        Millis home_since = 0;  // when the visitor's session was last reset to Home
        bool from_home = true;  // the first slide fades in over Home
    } attract_;

    struct Notice {
        std::shared_ptr<const layout::DisplayList> page;
        Millis until = 0;
    } notice_;

    struct Move {
        Transition kind = Transition::None;
        std::shared_ptr<const layout::DisplayList> from;
        float from_scroll = 0;
        int direction = 1;
        Millis start = 0;  // moved later while waiting for the incoming page
        Millis begun = 0;  // when the visitor asked for it
    } move_;
};

}  // namespace kiosk::app
