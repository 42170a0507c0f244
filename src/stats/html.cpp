// The HTML report: one self-contained page (inline CSS and SVG; no script, no
// fonts or pictures from elsewhere), readable in any browser and printable.
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "stats/report.h"

namespace kiosk::stats {
namespace {

std::string esc(const std::string& s) {
    std::string o;
    for (char c : s) {
        switch (c) {
            case '&':
                o += "&amp;";
                break;
            case '<':
                o += "&lt;";
                break;
            case '>':
                o += "&gt;";
                break;
            case '"':
                o += "&quot;";
                break;
            default:
                o += c;
        }
    }
    return o;
}

std::string hex(const PageStyle& p) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", p.r, p.g, p.b);
    return buf;
}

std::string lang_name(const std::string& tag) {
    if (tag == "zh-HK")
        return "繁 Traditional (HK)";
    if (tag == "zh-Hans")
        return "简 Simplified";
    if (tag == "en")
        return "EN English";
    return tag;
}

// Every page of the style in its order, then pages only the data knows.
std::vector<std::pair<PageStyle, PageFigure>> rows(const Summary& s, const ReportStyle& style) {
    std::vector<std::pair<PageStyle, PageFigure>> out;
    for (const auto& p : style.pages) {
        PageFigure f{p.id};
        for (const auto& g : s.pages)
            if (g.page == p.id)
                f = g;
        out.emplace_back(p, f);
    }
    for (const auto& g : s.pages) {
        const bool known = std::any_of(style.pages.begin(), style.pages.end(),
                                       [&](const PageStyle& p) { return p.id == g.page; });
        if (!known)
            out.emplace_back(PageStyle{g.page, g.page}, g);
    }
    return out;
}

// Horizontal bars: one per page, in its colour, the value at the bar's end.
void bars(std::ostream& o, const std::vector<std::pair<PageStyle, PageFigure>>& r, bool dwell) {
    constexpr int kLabel = 260, kBar = 380, kRow = 26;
    int64_t max = 1;
    for (const auto& [p, f] : r)
        max = std::max(max, dwell ? f.median_dwell_ms : f.views);
    const int h = static_cast<int>(r.size()) * kRow + 4;
    o << "<svg viewBox=\"0 0 " << kLabel + kBar + 90 << ' ' << h << "\" width=\""
      << kLabel + kBar + 90 << "\" height=\"" << h << "\" role=\"img\">";
    int y = 2;
    for (const auto& [p, f] : r) {
        const int64_t v = dwell ? f.median_dwell_ms : f.views;
        const int w = static_cast<int>(static_cast<double>(v) / static_cast<double>(max) * kBar);
        o << "<text x=\"" << kLabel - 8 << "\" y=\"" << y + 17
          << "\" text-anchor=\"end\" font-size=\"14\">" << esc(p.title) << "</text>";
        o << "<rect x=\"" << kLabel << "\" y=\"" << y + 3 << "\" width=\"" << std::max(w, 1)
          << "\" height=\"" << kRow - 6 << "\" rx=\"3\" fill=\"" << hex(p) << "\"/>";
        o << "<text x=\"" << kLabel + w + 6 << "\" y=\"" << y + 17 << "\" font-size=\"14\">"
          << (dwell ? (f.views ? duration_text(v) : "–") : std::to_string(v)) << "</text>";
        y += kRow;
    }
    o << "</svg>\n";
}

void lang_share(std::ostream& o, const Summary& s) {
    // Each language keeps its colour whatever the order (the most read comes first).
    const auto colour = [](const std::string& tag) {
        return tag == "zh-HK"     ? "#c0392b"
               : tag == "zh-Hans" ? "#1f6fa3"
               : tag == "en"      ? "#3a8a3a"
                                  : "#777777";
    };
    int64_t total = 0;
    for (const auto& l : s.langs)
        total += l.views;
    o << "<svg viewBox=\"0 0 730 64\" width=\"730\" height=\"64\" role=\"img\">";
    double x = 0;
    for (const auto& l : s.langs) {
        const double w =
            total ? 720.0 * static_cast<double>(l.views) / static_cast<double>(total) : 0;
        const char* c = colour(l.lang);
        o << "<rect x=\"" << x << "\" y=\"4\" width=\"" << w << "\" height=\"28\" fill=\"" << c
          << "\"/><text x=\"" << x << "\" y=\"54\" font-size=\"14\">" << esc(lang_name(l.lang))
          << " " << (total ? l.views * 100 / total : 0) << "%</text>";
        x += w;
    }
    o << "</svg>\n";
}

void hours(std::ostream& o, const Summary& s) {
    const int64_t max =
        std::max<int64_t>(1, *std::max_element(s.visits_by_hour.begin(), s.visits_by_hour.end()));
    o << "<svg viewBox=\"0 0 730 170\" width=\"730\" height=\"170\" role=\"img\">";
    for (int hr = 0; hr < 24; ++hr) {
        const int64_t v = s.visits_by_hour[static_cast<size_t>(hr)];
        const int bh = static_cast<int>(130.0 * static_cast<double>(v) / static_cast<double>(max));
        const int x = 10 + hr * 30;
        o << "<rect x=\"" << x << "\" y=\"" << 140 - bh << "\" width=\"24\" height=\"" << bh
          << "\" fill=\"#a31f34\"><title>" << hr << ":00 " << v << " visits</title></rect>";
        if (hr % 3 == 0)
            o << "<text x=\"" << x + 12 << "\" y=\"160\" text-anchor=\"middle\" font-size=\"13\">"
              << hr << ":00</text>";
    }
    o << "</svg>\n";
}

void section(std::ostream& o, const Summary& s, const ReportStyle& style) {
    o << "<section><h2>" << esc(s.title) << "</h2>\n<p class=figures><b>" << s.visits
      << "</b> visits · <b>" << s.views << "</b> page views · median visit <b>"
      << duration_text(s.median_visit_ms) << "</b> · <b>" << s.lang_switches
      << "</b> language switches · <b>" << s.large_text_views
      << "</b> pages read with larger text · pages opened by tap " << s.by_tap << ", swipe "
      << s.by_swipe << "</p>\n";
    if (s.visits == 0 && s.views == 0) {
        o << "<p>No visits recorded.</p></section>\n";
        return;
    }
    const auto r = rows(s, style);
    o << "<h3>Page views per area</h3>\n";
    bars(o, r, false);
    o << "<h3>Median time on the page</h3>\n";
    bars(o, r, true);
    o << "<h3>Language</h3>\n";
    lang_share(o, s);
    o << "<h3>Visits by hour of the day</h3>\n";
    hours(o, s);
    o << "</section>\n";
}

}  // namespace

std::string html_report(const Summary& today, const Summary& all, const ReportStyle& style) {
    std::ostringstream o;
    o << "<!doctype html>\n<html lang=en><meta charset=utf-8>\n<title>Visitors – "
      << esc(style.kiosk_name) << "</title>\n"
      << "<style>body{font-family:'Noto Sans','Noto Sans CJK TC',sans-serif;margin:24px auto;"
         "max-width:760px;color:#1e1e1e;background:#f6f4ef}h1{font-size:26px;margin:0}"
         "h2{font-size:21px;border-bottom:2px solid #a31f34;padding-bottom:4px;margin-top:32px}"
         "h3{font-size:16px;margin:18px 0 6px}.figures{font-size:15px;line-height:1.6}"
         "svg{display:block;max-width:100%;height:auto}svg text{fill:#1e1e1e;"
         "font-family:inherit}footer{font-size:13px;color:#5c5852;margin-top:32px}</style>\n"
      << "<h1>Visitors at kiosk " << esc(style.kiosk_name) << "</h1>\n<p>Report of "
      << esc(style.today) << ".</p>\n";
    section(o, today, style);
    section(o, all, style);
    o << "<footer>Counted by the kiosk itself, offline. Nothing about a person is recorded: no "
         "camera, no identifiers, nothing typed; only which page was on the screen, in which "
         "language, for how long. A visit runs from the first touch to the return to Home "
         "after the idle timeout (90 s unless set otherwise), so the last page of a visit "
         "includes that wait. Days "
         "older than a week are kept per hour; their medians are rounded to the nearest "
         "bucket (docs/visitor-statistics.md).</footer>\n</html>\n";
    return o.str();
}

}  // namespace kiosk::stats
