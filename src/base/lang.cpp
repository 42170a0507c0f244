#include "base/lang.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace kiosk {

std::string_view lang_tag(Lang lang) {
    switch (lang) {
        case Lang::ZhHK:
            return "zh-HK";
        case Lang::ZhHans:
            return "zh-Hans";
        case Lang::En:
            return "en";
    }
    return "zh-HK";
}

std::optional<Lang> parse_lang(std::string_view tag) {
    std::string t(tag);
    std::transform(t.begin(), t.end(), t.begin(),
                   [](unsigned char c) { return c == '_' ? '-' : std::tolower(c); });
    if (t == "zh-hk" || t == "zh-hant-hk" || t == "zh-hant" || t == "zh-tw" || t == "hk" ||
        t == "zh" || t == "tc")
        return Lang::ZhHK;
    if (t == "zh-hans" || t == "zh-cn" || t == "zh-sg" || t == "zh-hans-cn" || t == "sc")
        return Lang::ZhHans;
    if (t == "en" || t.rfind("en-", 0) == 0)
        return Lang::En;
    return std::nullopt;
}

}  // namespace kiosk
