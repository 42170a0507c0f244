// The content bundle as plain values: what staff author in content/*.yaml.
// See docs/content.md for the schema as people read it.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/lang.h"

namespace kiosk::content {

// A text in up to three languages. A YAML scalar means zh-HK only.
struct LocalText {
    std::array<std::optional<std::string>, 3> by_lang;  // indexed by Lang
    bool simplified_derived = false;                    // zh-Hans was made from zh-HK by OpenCC
    SourcePos where;                                    // the field as a whole
    std::array<SourcePos, 3> lang_where;                // each language's text, when given

    bool has(Lang lang) const { return by_lang[static_cast<int>(lang)].has_value(); }
    // The text to show for lang: the exact language if present, otherwise the
    // fallback chain (zh-Hans → zh-HK → en; en → zh-HK; zh-HK → en). Empty if none.
    const std::string& get(Lang lang) const;
    void set(Lang lang, std::string text) { by_lang[static_cast<int>(lang)] = std::move(text); }
    bool empty() const;
};

struct Color {
    uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Color&) const = default;
};

struct Picture {
    std::string file;  // relative to the content directory
    LocalText caption;
    SourcePos where;
};

struct Area {
    std::string id;
    LocalText title;
    // Optional: a shorter title for the footer's ‹ › buttons, used when the
    // title does not fit them on one line. Used only in the languages it has.
    LocalText short_title;
    Color accent;
    std::string icon;  // relative path to a PNG
    std::vector<Picture> pictures;
    std::vector<LocalText> paragraphs;
    std::string source_url;  // defaults to the event's
    SourcePos where;
};

struct Block {
    // AreaList: the bundle's areas, numbered, in order (no text of its own).
    // Dateline: the release's date and time, set apart at the end; a '\n' in
    // the text starts a new line.
    enum class Kind { Heading, Paragraph, Bullet, AreaList, Dateline };
    Kind kind = Kind::Paragraph;
    LocalText text;
};

struct About {
    LocalText title;
    std::vector<Block> blocks;
};

struct Event {
    LocalText title, subtitle, date, venue, headline, home_intro;
    std::string source_url;
};

// House style for the text engine (event.yaml `typography`, docs/content.md).
struct Typography {
    bool han_digit_space = false;            // false: digits set solid, as HK releases do
    std::vector<std::string> keep_together;  // as authored, then derived Simplified forms
    std::vector<SourcePos> keep_where;       // one per authored term
    // Authored term → its derived Simplified form, for the Simplified cache.
    std::vector<std::pair<std::string, std::string>> simplified_terms;
};

struct Bundle {
    std::filesystem::path dir;  // absolute; pictures and icons resolve against it
    int schema = 1;
    int64_t version = 0;
    std::string label;
    Event event;
    About about;
    std::vector<Area> areas;  // in tile order
    std::map<std::string, LocalText> strings;
    Typography typography;

    const Area* find_area(std::string_view id) const;
    int area_index(std::string_view id) const;  // -1 if absent
    // A UI string for lang, or the key itself when missing (visible, never blank).
    const std::string& ui(const std::string& key, Lang lang) const;
};

}  // namespace kiosk::content
