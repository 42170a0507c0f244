#include "layout/display_list.h"

#include <cstdio>

namespace kiosk::layout {
namespace {

std::string fmt_rect(const Rect& r) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.0f,%.0f %.0fx%.0f", r.x, r.y, r.w, r.h);
    return buf;
}

const char* kind_name(DrawItem::Kind k) {
    switch (k) {
        case DrawItem::Kind::Fill:
            return "fill";
        case DrawItem::Kind::Text:
            return "text";
        case DrawItem::Kind::Image:
            return "image";
        case DrawItem::Kind::Qr:
            return "qr";
    }
    return "?";
}

}  // namespace

bool DisplayList::more_below(float scroll) const {
    return content_height - viewport.h - scroll > 1.0f;
}

int DisplayList::hit(float x, float y, float scroll) const {
    // Later targets are painted on top: search from the end.
    for (int i = static_cast<int>(targets.size()) - 1; i >= 0; --i) {
        const HitTarget& t = targets[static_cast<size_t>(i)];
        if (t.layer == Layer::Chrome) {
            if (t.rect.contains(x, y))
                return i;
        } else if (viewport.contains(x, y) &&
                   t.rect.contains(x - viewport.x, y - viewport.y + scroll)) {
            return i;
        }
    }
    return -1;
}

std::string DisplayList::dump() const {
    std::string out = "viewport " + fmt_rect(viewport) + " content_height " +
                      std::to_string(static_cast<int>(content_height)) + "\n";
    for (const auto& it : items) {
        out += it.layer == Layer::Chrome ? "chrome " : "content ";
        out += kind_name(it.kind);
        out += " " + fmt_rect(it.rect);
        if (it.text) {
            for (const auto& line : it.text->lines)
                out += "\n  | " + it.text->source.substr(line.begin, line.end - line.begin);
        }
        if (!it.source.empty())
            out += " " + it.source;
        if (it.while_more_below)
            out += " while_more_below";
        out += "\n";
    }
    for (const auto& t : targets)
        out += "target " + fmt_rect(t.rect) +
               (t.layer == Layer::Chrome ? " chrome " : " content ") + t.label + "\n";
    return out;
}

}  // namespace kiosk::layout
