// What the Visitors screen and the report show: plain figures, no SQLite.
// The layout draws this struct; src/stats fills it from the database.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::stats {

struct PageFigure {
    std::string page;  // page id: home, about, or an area id
    int64_t views = 0;
    int64_t median_dwell_ms = 0;
    int64_t total_dwell_ms = 0;
};

struct LangFigure {
    std::string lang;  // zh-HK, zh-Hans, en
    int64_t views = 0;
};

struct Summary {
    std::string title;  // "Today, 2026-12-04" or "All days, 2026-11-01 to 2026-12-04"
    int days = 0;       // days with at least one visit
    int64_t visits = 0;
    int64_t views = 0;
    int64_t median_visit_ms = 0;
    int64_t lang_switches = 0;
    int64_t large_text_views = 0;
    int64_t by_tap = 0, by_swipe = 0, by_key = 0;  // how page views were entered
    std::vector<PageFigure> pages;                 // every page seen, most viewed first
    std::vector<LangFigure> langs;                 // most viewed first
    std::array<int64_t, 24> visits_by_hour{};      // visits started in each hour of the day
};

}  // namespace kiosk::stats
