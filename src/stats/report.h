// Reading the statistics: the Summary for the Visitors screen, the CSV and
// the HTML report. Each opens its own read-only connection, so the writer
// thread keeps writing meanwhile (WAL).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "stats/db.h"
#include "stats/summary.h"

namespace kiosk::stats {

// How the report names and colours pages (from the content; ids alone work too).
struct PageStyle {
    std::string id, title;
    uint8_t r = 0x80, g = 0x80, b = 0x80;
};
struct ReportStyle {
    std::string kiosk_name = "kiosk";
    std::string today;             // YYYY-MM-DD: "Today" and the file date
    std::vector<PageStyle> pages;  // display order: Home, About, the areas
};

// `day` YYYY-MM-DD: that day only; empty: all days.
Summary summarize(sqlite3* db, const std::string& day);
// YYYY-MM-DD of the newest visit; empty when there is none.
std::string newest_day(sqlite3* db);
// From the database file; a missing database is an empty summary.
Summary summarize_file(const std::filesystem::path& db_file, const std::string& day);

// One row per day, hour, page and language (views), and one per day and hour
// with the visits (page and language empty). Columns: docs/visitor-statistics.md.
std::string csv_report(sqlite3* db);
// Self-contained: inline CSS and SVG, no script, no external reference.
std::string html_report(const Summary& today, const Summary& all, const ReportStyle& style);

// Both reports as `kiosk stats`, the stick export and the fleet publish write them.
struct ReportTexts {
    std::string csv, html;
};
ReportTexts report_texts(sqlite3* db, const ReportStyle& style);

// Writes kiosk-stats-<name>-<today>.csv and kiosk-stats-<name>.html into `dir`.
struct Exported {
    std::vector<std::filesystem::path> files;
    std::optional<Diagnostic> error;
};
Exported export_reports(const std::filesystem::path& db_file, const std::filesystem::path& dir,
                        const ReportStyle& style);
// Only letters, digits, '-' and '_' survive in a file name part.
std::string file_safe(const std::string& name);
// "1 min 05 s", "42 s": durations as staff read them.
std::string duration_text(int64_t ms);

}  // namespace kiosk::stats
