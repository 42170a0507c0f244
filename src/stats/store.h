// The statistics database (one SQLite file in the data directory, WAL mode).
// Schema: docs/visitor-statistics.md. Only the writer thread holds a
// read-write Store; reports open their own read-only connection.
#pragma once

#include <filesystem>
#include <map>
#include <vector>

#include "stats/db.h"
#include "stats/record.h"

namespace kiosk::stats {

inline constexpr const char* kDbName = "stats.db";

class Store {
  public:
    // Creates the file and schema when missing; WAL, synchronous=FULL.
    static Result<Store> open(const std::filesystem::path& file);

    // All records in one transaction: all of them are stored or none.
    bool write(const std::vector<Record>& records);
    // Folds minute-level rows of days before `day` (days since 1970) into the
    // hourly tables and deletes them. At most `max_days` days per call (each
    // in its own transaction), so a call is short. Returns the days folded.
    int fold_before(int64_t day, int max_days = 7);
    sqlite3* db() const { return db_.get(); }

  private:
    explicit Store(DbPtr db) : db_(std::move(db)) {}
    bool write_one(const Record& r);
    bool fold_day(const std::string& day);

    DbPtr db_;
    std::map<int64_t, int64_t> visit_ids_;  // open visits: serial -> row id
};

// Dwell and visit-length histogram buckets of the hourly tables (upper bounds, ms).
inline constexpr int64_t kBucketMs[] = {2'000,   5'000,   10'000,  15'000,   20'000,
                                        30'000,  45'000,  60'000,  90'000,   120'000,
                                        180'000, 300'000, 600'000, 1'200'000};
inline constexpr int kBuckets = static_cast<int>(std::size(kBucketMs)) + 1;
int bucket_of(int64_t ms);
// A bucket's stand-in value for medians of folded days.
int64_t bucket_value(int bucket);
std::vector<int64_t> parse_hist(const std::string& s);
std::string format_hist(const std::vector<int64_t>& h);

}  // namespace kiosk::stats
