// Which page is shown: Home, About, or one of the areas (by index).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "content/model.h"

namespace kiosk::layout {

struct PageId {
    enum class Kind { Home, About, Area };
    Kind kind = Kind::Home;
    int area = -1;  // index into Bundle::areas when kind == Area

    static PageId home() { return {}; }
    static PageId about() { return {Kind::About, -1}; }
    static PageId area_at(int i) { return {Kind::Area, i}; }
    bool operator==(const PageId&) const = default;
};

// "home", "about" or an area id.
std::optional<PageId> parse_page(const content::Bundle& b, std::string_view id);
std::string page_name(const content::Bundle& b, const PageId& p);

}  // namespace kiosk::layout
