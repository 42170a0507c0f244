// The result of laying out one page: what to draw and what can be touched.
// A plain value; the renderer draws it, the app hit-tests it, golden tests dump it.
//
// Two layers: Chrome is fixed to the screen (header, footer), Content scrolls
// inside `viewport` by the app's scroll offset. Coordinates of Content items
// are relative to the top of the scrolled content, not the screen.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/lang.h"
#include "layout/geometry.h"
#include "layout/page_id.h"
#include "text/text.h"

namespace kiosk::layout {

enum class Layer : uint8_t { Content, Chrome };

struct Action {
    enum class Kind { None, Open, Back, SetLang, ToggleLargeText, Previous, Next, Staff };
    Kind kind = Kind::None;
    PageId page;               // Open
    Lang lang = kDefaultLang;  // SetLang
    int value = 0;             // Staff: which staff-menu command (app/staff.h)
    bool operator==(const Action&) const = default;

    static Action of(Kind k) {
        Action a;
        a.kind = k;
        return a;
    }
    static Action open(PageId p) {
        Action a = of(Kind::Open);
        a.page = p;
        return a;
    }
    static Action staff(int command) {
        Action a = of(Kind::Staff);
        a.value = command;
        return a;
    }
    static Action set_lang(Lang l) {
        Action a = of(Kind::SetLang);
        a.lang = l;
        return a;
    }
};

struct DrawItem {
    enum class Kind : uint8_t { Fill, Text, Image, Qr };
    Kind kind = Kind::Fill;
    Layer layer = Layer::Content;
    Rect rect;
    Rgba color;                                    // Fill colour, Text colour, Qr dark modules
    float radius = 0;                              // Fill: rounded corners, px
    std::shared_ptr<const text::TextLayout> text;  // Text: drawn with its top-left at rect.x/y
    std::string source;  // Image: absolute file path; Qr: the encoded text
    // Chrome only: drawn while the content continues below the viewport (the
    // scroll cue), hidden once the visitor has scrolled to the end.
    bool while_more_below = false;
};

struct HitTarget {
    Rect rect;
    Layer layer = Layer::Content;
    float radius = 0;  // for the pressed highlight
    Action action;
    std::string label;  // for dumps and logs
};

// How a DisplayList is shown on one frame: scroll position, pressed control,
// and the transition state (slide offset, fade opacity).
struct ViewState {
    float scroll = 0;   // px the Content layer is scrolled up
    int pressed = -1;   // hit target drawn highlighted
    float dx = 0;       // horizontal offset of the whole page (slide transitions)
    float opacity = 1;  // 0..1 (fade transitions)
};

struct DisplayList {
    Rgba background;
    Rect viewport;                // screen area where the Content layer shows
    float content_height = 0;     // scroll range = content_height - viewport.h
    std::vector<DrawItem> items;  // in paint order
    std::vector<HitTarget> targets;
    // Paragraph starts in content coordinates, for keeping the reader's place.
    std::vector<float> anchors;

    // True when, scrolled by `scroll`, some content lies below the viewport.
    bool more_below(float scroll) const;
    // Target under a screen point given the scroll offset; -1 if none.
    int hit(float x, float y, float scroll) const;
    // Human-readable listing for golden tests: one item per line.
    std::string dump() const;
};

}  // namespace kiosk::layout
