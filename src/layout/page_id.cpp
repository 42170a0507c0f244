#include "layout/page_id.h"

namespace kiosk::layout {

std::optional<PageId> parse_page(const content::Bundle& b, std::string_view id) {
    if (id == "home")
        return PageId::home();
    if (id == "about")
        return PageId::about();
    const int i = b.area_index(id);
    if (i < 0)
        return std::nullopt;
    return PageId::area_at(i);
}

std::string page_name(const content::Bundle& b, const PageId& p) {
    switch (p.kind) {
        case PageId::Kind::Home:
            return "home";
        case PageId::Kind::About:
            return "about";
        case PageId::Kind::Area:
            if (p.area >= 0 && p.area < static_cast<int>(b.areas.size()))
                return b.areas[static_cast<size_t>(p.area)].id;
    }
    return "?";
}

}  // namespace kiosk::layout
