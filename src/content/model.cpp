#include "content/model.h"

namespace kiosk::content {

const std::string& LocalText::get(Lang lang) const {
    static const std::string kEmpty;
    const auto at = [&](Lang l) -> const std::optional<std::string>& {
        return by_lang[static_cast<int>(l)];
    };
    if (at(lang))
        return *at(lang);
    const Lang chain[] = {Lang::ZhHK, Lang::En, Lang::ZhHans};
    for (Lang l : chain) {
        if (at(l))
            return *at(l);
    }
    return kEmpty;
}

bool LocalText::empty() const {
    for (const auto& t : by_lang) {
        if (t && !t->empty())
            return false;
    }
    return true;
}

const Area* Bundle::find_area(std::string_view id) const {
    int i = area_index(id);
    return i < 0 ? nullptr : &areas[static_cast<size_t>(i)];
}

int Bundle::area_index(std::string_view id) const {
    for (size_t i = 0; i < areas.size(); ++i) {
        if (areas[i].id == id)
            return static_cast<int>(i);
    }
    return -1;
}

const std::string& Bundle::ui(const std::string& key, Lang lang) const {
    auto it = strings.find(key);
    return it == strings.end() ? key : it->second.get(lang);
}

}  // namespace kiosk::content
