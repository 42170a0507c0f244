// `stats_fill DIR DAYS VISITS_PER_DAY`: writes DAYS days of a busy booth
// (visits spread over 10:00-20:00, 1-8 pages each, three languages) through
// the real store and its daily folding, then prints the database size. The
// figure in docs/visitor-statistics.md comes from this.
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>

#include "stats/store.h"

int main(int argc, char** argv) {
    using namespace kiosk::stats;
    if (argc != 4) {
        std::cerr << "usage: stats_fill DIR DAYS VISITS_PER_DAY\n";
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    const int days = std::atoi(argv[2]), per_day = std::atoi(argv[3]);
    std::filesystem::create_directories(dir);
    auto store = Store::open(dir / kDbName);
    if (!store) {
        std::cerr << store.error().str() << "\n";
        return 1;
    }
    const char* pages[] = {"home",
                           "about",
                           "finance",
                           "innovation-technology",
                           "trade-investment",
                           "aviation",
                           "education",
                           "youth-exchange",
                           "culture-tourism",
                           "talent-civil-service",
                           "healthcare-tcm",
                           "environment",
                           "hk-residents-mainland",
                           "legal-dispute-resolution"};
    const char* langs[] = {"zh-HK", "zh-Hans", "en"};
    std::mt19937 rng(7);
    const int64_t first = day_number("2026-01-01");
    int64_t serial = 0;
    for (int d = 0; d < days && d < 3660; ++d) {
        std::vector<Record> recs;
        for (int v = 0; v < per_day && v < 100'000; ++v) {
            LocalTime t{((first + d) * 24 + 10) * 3'600'000 +
                        static_cast<int64_t>(rng() % 36'000'000)};
            const std::string lang = langs[rng() % 3];
            const int n = 1 + static_cast<int>(rng() % 8);
            int64_t total = 0;
            ++serial;
            recs.push_back(VisitRow{serial, t, 0, 0, 0, ""});
            for (int p = 0; p < n; ++p) {
                const int64_t dwell = 3'000 + static_cast<int64_t>(rng() % 120'000);
                recs.push_back(ViewRow{serial, LocalTime{t.ms + total}, pages[rng() % 14], lang,
                                       rng() % 10 == 0, dwell, static_cast<int>(rng() % 101),
                                       rng() % 3 ? Input::Tap : Input::Swipe, "tap"});
                total += dwell;
            }
            recs.push_back(VisitRow{serial, t, total, n, static_cast<int>(rng() % 2), "idle"});
        }
        store.value().write(recs);
        store.value().fold_before(first + d - 7);  // the recorder folds like this once a day
    }
    exec(store.value().db(), "PRAGMA wal_checkpoint(TRUNCATE)");
    std::cout << std::filesystem::file_size(dir / kDbName) << " bytes after " << days << " days of "
              << per_day << " visits\n";
    return 0;
}
