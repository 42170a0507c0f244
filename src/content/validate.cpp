#include "content/validate.h"

#include <cstdio>
#include <set>

#include "base/limits.h"
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

// Checks each distinct file once, however often the content names it, and
// decodes at most limits::kMaxDecodedPixels in total: the header (probed
// first) says how many pixels a decode would cost, so the budget is spent
// before any pixel is decoded.
class PictureChecker {
  public:
    PictureChecker(const Bundle& b, bool decode, Diagnostics& diags)
        : b_(b), decode_(decode), diags_(diags) {}

    void check(const std::string& file, const SourcePos& where) {
        const auto path = b_.dir / file;
        std::error_code ec;
        if (file.empty() || !std::filesystem::exists(path, ec))
            return;  // the loader said so already
        if (!seen_.insert(std::filesystem::path(file).lexically_normal().generic_string()).second)
            return;
        auto info = probe_picture(path, file);
        if (!info) {
            diags_.error(where, info.error().message + " ('" + file + "')");
            return;
        }
        if (!decode_)
            return;
        budget_ -= int64_t{info.value().width} * info.value().height;
        if (budget_ < 0) {
            if (!over_budget_reported_)
                diags_.error(where, "the pictures together have more than " +
                                        std::to_string(limits::kMaxDecodedPixels >> 20) +
                                        " million pixels; make them smaller ('" + file + "')");
            over_budget_reported_ = true;
            return;
        }
        if (auto img = verify_picture(path, file); !img)
            diags_.error(where, img.error().message + " ('" + file + "')");
    }

  private:
    const Bundle& b_;
    bool decode_;
    Diagnostics& diags_;
    std::set<std::string> seen_;
    int64_t budget_ = limits::kMaxDecodedPixels;
    bool over_budget_reported_ = false;
};

void check_pictures(const Bundle& b, bool decode, Diagnostics& diags) {
    PictureChecker checker(b, decode, diags);
    for (const auto& a : b.areas) {
        checker.check(a.icon, a.where);
        for (const auto& p : a.pictures)
            checker.check(p.file, p.where);
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

// The footer's ‹ › buttons show an area's title on one line, or its short_title
// when the title does not fit: a short title that does not fit either is an
// error; a long title without one a warning (it would be cut with "…").
void check_footer_labels(const Bundle& b, const ValidateOptions& opt, Diagnostics& diags) {
    for (const auto& a : b.areas) {
        for (Lang lang : kAllLangs) {
            const std::string& title = a.title.get(lang);
            if (title.empty() || opt.footer_fits(title, lang))
                continue;
            const bool has_short =
                a.short_title.has(lang) || (lang == Lang::ZhHans && a.short_title.has(Lang::ZhHK));
            const std::string tag(lang_tag(lang));
            if (!has_short) {
                diags.warning(a.title.where, "the " + tag + " title '" + title +
                                                 "' does not fit the footer's ‹ › buttons; add a "
                                                 "short_title (else it is cut with …)");
            } else if (const std::string& s = a.short_title.get(lang); !opt.footer_fits(s, lang)) {
                const int i = static_cast<int>(
                    lang == Lang::ZhHans && !a.short_title.has(lang) ? Lang::ZhHK : lang);
                const SourcePos& where = a.short_title.lang_where[static_cast<size_t>(i)].line > 0
                                             ? a.short_title.lang_where[static_cast<size_t>(i)]
                                             : a.short_title.where;
                diags.error(where, "the " + tag + " short_title '" + s +
                                       "' does not fit the footer's ‹ › buttons at every "
                                       "supported screen size");
            }
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
    // Content already known to be broken gets the cheap header check only:
    // decoding its pictures would cost time and say nothing new.
    check_pictures(b, opt.decode_pictures && !loaded.diagnostics.has_errors(), diags);
    for_each_text(b, [&](const LocalText& t, std::string_view what) {
        if (opt.covers)
            check_coverage(t, opt, diags);
        check_ascii_punctuation(t, diags);
        if (what != "area short title")  // each language's own; no fallback to check
            check_translations(t, what, diags);
    });
    if (opt.title_fits)
        check_titles(b, opt, diags);
    if (opt.footer_fits)
        check_footer_labels(b, opt, diags);
    check_typography(b, diags);
    return diags;
}

}  // namespace kiosk::content
