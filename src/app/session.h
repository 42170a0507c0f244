// Where the visitor is: page, history, language, text size, and when they last
// touched the screen. Pure state with no clock of its own and no SDL.
#pragma once

#include <vector>

#include "base/lang.h"
#include "input/gesture.h"
#include "layout/page_id.h"

namespace kiosk::app {

using input::Millis;

class Session {
  public:
    Session(int area_count, Lang default_lang)
        : areas_(area_count), default_lang_(default_lang), lang_(default_lang) {}

    const layout::PageId& page() const { return page_; }
    Lang lang() const { return lang_; }
    bool large_text() const { return large_text_; }

    void open(const layout::PageId& p);
    bool back();                // false when there is nowhere to go back to
    void step_area(int delta);  // next/previous area, wrapping; from Home opens the first
    void set_lang(Lang l) { lang_ = l; }
    void toggle_large_text() { large_text_ = !large_text_; }
    void set_area_count(int n);

    // The state a new visitor should find: Home, default language, normal text.
    bool is_pristine() const;
    void reset();

  private:
    int areas_;
    Lang default_lang_;
    layout::PageId page_;
    std::vector<layout::PageId> history_;
    Lang lang_;
    bool large_text_ = false;
};

}  // namespace kiosk::app
