#include "content/validate.h"

#include <cstdio>
#include <set>

#include "base/utf8.h"
#include "content/loader.h"
#include "content/picture.h"
#include "content/typography.h"

namespace kiosk::content {
namespace {

std::string describe(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    std::string s = "'";
    append_utf8(s, cp);
    return s + "' (" + buf + ")";
}

void check_picture(const Bundle& b, const std::string& file, const SourcePos& where, bool decode,
                   Diagnostics& diags) {
    const auto path = b.dir / file;
    std::error_code ec;
    if (file.empty() || !std::filesystem::exists(path, ec))
        return;  // the loader said so already
    if (decode) {
        if (auto img = decode_picture(path, file); !img)
            diags.error(where, img.error().message + " ('" + file + "')");
    } else if (auto info = probe_picture(path, file); !info) {
        diags.error(where, info.error().message + " ('" + file + "')");
    }
}

void check_pictures(const Bundle& b, bool decode, Diagnostics& diags) {
    for (const auto& a : b.areas) {
        check_picture(b, a.icon, a.where, decode, diags);
        for (const auto& p : a.pictures)
            check_picture(b, p.file, p.where, decode, diags);
    }
}

void check_coverage(const LocalText& t, const ValidateOptions& opt, Diagnostics& diags) {
    for (Lang lang : kAllLangs) {
        if (!t.has(lang))
            continue;
        std::set<char32_t> reported;
        for (const auto& c : decode_utf8(t.get(lang))) {
            if (c.cp < 0x20 || opt.covers(c.cp, lang) || !reported.insert(c.cp).second)
                continue;
            diags.error(t.lang_where[static_cast<int>(lang)],
                        "character " + describe(c.cp) + " in " + std::string(lang_tag(lang)) +
                            " text cannot be drawn by the kiosk's fonts");
        }
    }
}

// The published release uses full-width ，；：（） in Chinese; ASCII ones sit
// low and narrow in a CJK line and look like typos.
void check_ascii_punctuation(const LocalText& t, Diagnostics& diags) {
    for (Lang lang : {Lang::ZhHK, Lang::ZhHans}) {
        if (!t.has(lang) || (lang == Lang::ZhHans && t.simplified_derived))
            continue;
        const auto cps = decode_utf8(t.get(lang));
        for (size_t i = 0; i < cps.size(); ++i) {
            const char32_t c = cps[i].cp;
            if (c != ',' && c != ';' && c != ':' && c != '(' && c != ')')
                continue;
            // "HK$1,234" and "12:30" are fine: ASCII between digits or Latin letters.
            const auto latin = [](char32_t x) { return x < 0x80 && x > ' '; };
            const bool before = i > 0 && latin(cps[i - 1].cp);
            const bool after = i + 1 < cps.size() && latin(cps[i + 1].cp);
            if ((c == ',' || c == ':') && before && after)
                continue;
            diags.warning(t.lang_where[static_cast<int>(lang)],
                          "ASCII '" + std::string(1, static_cast<char>(c)) + "' in " +
                              std::string(lang_tag(lang)) +
                              " text; Chinese text uses the full-width form");
            break;
        }
    }
}

void check_translations(const LocalText& t, std::string_view what, Diagnostics& diags) {
    if (t.empty())
        return;
    if (!t.has(Lang::En))
        diags.warning(t.where, "no English (en) " + std::string(what) +
                                   "; English visitors see the Chinese text");
    if (!t.has(Lang::ZhHK))
        diags.warning(t.where, "no Traditional Chinese (zh-HK) " + std::string(what) +
                                   "; zh-HK visitors see the English text");
}

void check_titles(const Bundle& b, const ValidateOptions& opt, Diagnostics& diags) {
    for (const auto& a : b.areas) {
        for (Lang lang : kAllLangs) {
            const std::string& title = a.title.get(lang);
            if (!title.empty() && !opt.title_fits(title, lang))
                diags.warning(a.title.where, "the " + std::string(lang_tag(lang)) + " title '" +
                                                 title +
                                                 "' is too long for its tile on an 800×480 screen");
        }
    }
}

}  // namespace

Diagnostics validate_content(const std::filesystem::path& dir, const ValidateOptions& opt) {
    LoadResult loaded = load_bundle(dir);
    Diagnostics diags = loaded.diagnostics;
    // With load errors, check what could be read anyway: staff fix everything in one round.
    const std::optional<Bundle>& read = loaded.bundle ? loaded.bundle : loaded.partial;
    if (!read)
        return diags;
    const Bundle& b = *read;
    check_pictures(b, opt.decode_pictures, diags);
    for_each_text(b, [&](const LocalText& t, std::string_view what) {
        if (opt.covers)
            check_coverage(t, opt, diags);
        check_ascii_punctuation(t, diags);
        check_translations(t, what, diags);
    });
    if (opt.title_fits)
        check_titles(b, opt, diags);
    check_typography(b, diags);
    return diags;
}

}  // namespace kiosk::content
