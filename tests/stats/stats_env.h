// Shared helpers of the statistics tests: a fresh temporary directory and
// records of a known visit.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "stats/db.h"
#include "stats/record.h"

namespace kiosk::stats::test {

inline std::filesystem::path temp_dir(const std::string& name) {
    auto d = std::filesystem::temp_directory_path() /
             ("kiosk-stats-" + name + "-" + std::to_string(getpid()));
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    return d;
}

inline LocalTime at(const std::string& day, int h, int m, int s = 0) {
    return LocalTime{((day_number(day) * 24 + h) * 60 + m) * 60'000 + s * 1000LL};
}

// One closed visit: finance 20 s (tap) then aviation 40 s (swipe, EN), idle.
inline std::vector<Record> known_visit(int64_t serial, LocalTime start) {
    std::vector<Record> r;
    r.push_back(VisitRow{serial, start, 0, 0, 0, ""});
    r.push_back(
        ViewRow{serial, start, "finance", "zh-HK", false, 20'000, 100, Input::Tap, "swipe"});
    r.push_back(SwitchRow{serial, LocalTime{start.ms + 30'000}, "aviation", "zh-HK", "en"});
    r.push_back(ViewRow{serial, LocalTime{start.ms + 20'000}, "aviation", "en", true, 40'000, 60,
                        Input::Swipe, "idle"});
    r.push_back(VisitRow{serial, start, 60'000, 2, 1, "idle"});
    return r;
}

inline int64_t count(sqlite3* db, const std::string& sql) {
    Stmt q(db, sql.c_str());
    return q.row() ? q.num(0) : -1;
}

}  // namespace kiosk::stats::test
