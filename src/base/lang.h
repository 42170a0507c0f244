// The kiosk's three languages and their BCP 47 tags.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace kiosk {

enum class Lang { ZhHK, ZhHans, En };

inline constexpr std::array<Lang, 3> kAllLangs = {Lang::ZhHK, Lang::ZhHans, Lang::En};
inline constexpr Lang kDefaultLang = Lang::ZhHK;

// "zh-HK", "zh-Hans", "en": the tags used in content files and on the command line.
std::string_view lang_tag(Lang lang);
// Accepts the tags above plus common aliases (zh-Hant-HK, zh-hk, zh-CN, zh-SC, en-GB ...).
std::optional<Lang> parse_lang(std::string_view tag);
inline bool is_chinese(Lang lang) {
    return lang != Lang::En;
}

}  // namespace kiosk
