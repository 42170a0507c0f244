#include "stats/store.h"

#include <sstream>

#include "base/log.h"

namespace kiosk::stats {
namespace {

constexpr const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS visits(
  id INTEGER PRIMARY KEY, day TEXT NOT NULL, time TEXT NOT NULL, hour INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL, views INTEGER NOT NULL, lang_switches INTEGER NOT NULL,
  ended TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS views(
  id INTEGER PRIMARY KEY, visit INTEGER NOT NULL, day TEXT NOT NULL, time TEXT NOT NULL,
  hour INTEGER NOT NULL, page TEXT NOT NULL, lang TEXT NOT NULL, large_text INTEGER NOT NULL,
  dwell_ms INTEGER NOT NULL, depth_pct INTEGER NOT NULL, entered TEXT NOT NULL,
  left_by TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS lang_switches(
  id INTEGER PRIMARY KEY, visit INTEGER NOT NULL, day TEXT NOT NULL, time TEXT NOT NULL,
  hour INTEGER NOT NULL, page TEXT NOT NULL, from_lang TEXT NOT NULL, to_lang TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS hourly_views(
  day TEXT NOT NULL, hour INTEGER NOT NULL, page TEXT NOT NULL, lang TEXT NOT NULL,
  views INTEGER NOT NULL, dwell_ms INTEGER NOT NULL, large_text INTEGER NOT NULL,
  depth_pct_sum INTEGER NOT NULL, by_tap INTEGER NOT NULL, by_swipe INTEGER NOT NULL,
  by_key INTEGER NOT NULL, dwell_hist TEXT NOT NULL,
  PRIMARY KEY(day, hour, page, lang)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS hourly_visits(
  day TEXT NOT NULL, hour INTEGER NOT NULL, visits INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL, views INTEGER NOT NULL, lang_switches INTEGER NOT NULL,
  duration_hist TEXT NOT NULL, PRIMARY KEY(day, hour)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS visits_day ON visits(day);
CREATE INDEX IF NOT EXISTS views_day ON views(day);
CREATE INDEX IF NOT EXISTS switches_day ON lang_switches(day);
PRAGMA user_version = 1;
)";

}  // namespace

int bucket_of(int64_t ms) {
    for (int i = 0; i + 1 < kBuckets; ++i)
        if (ms < kBucketMs[i])
            return i;
    return kBuckets - 1;
}

int64_t bucket_value(int bucket) {
    const int64_t lo = bucket == 0 ? 0 : kBucketMs[bucket - 1];
    const int64_t hi = bucket + 1 < kBuckets ? kBucketMs[bucket] : lo * 2;
    return (lo + hi) / 2;
}

// "bucket:count" pairs without the empty buckets: most hourly rows hold a few
// views, and this column is most of a year's database.
std::vector<int64_t> parse_hist(const std::string& s) {
    std::vector<int64_t> h(kBuckets, 0);
    std::istringstream in(s);
    std::string pair;
    while (std::getline(in, pair, ',')) {
        const auto colon = pair.find(':');
        const int i = std::atoi(pair.substr(0, colon).c_str());
        if (colon != std::string::npos && i >= 0 && i < kBuckets)
            h[static_cast<size_t>(i)] += std::atoll(pair.c_str() + colon + 1);
    }
    return h;
}

std::string format_hist(const std::vector<int64_t>& h) {
    std::string s;
    for (size_t i = 0; i < h.size(); ++i)
        if (h[i] != 0)
            s += (s.empty() ? "" : ",") + std::to_string(i) + ":" + std::to_string(h[i]);
    return s;
}

Result<Store> Store::open(const std::filesystem::path& file) {
    auto db = open_db(file, false);
    if (!db)
        return db.error();
    sqlite3* d = db.value().get();
    // WAL: a commit is one append; a power cut rolls back to the last commit.
    // FULL: each commit (one every few seconds) is on the medium when it returns.
    if (!exec(d, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;") || !exec(d, kSchema))
        return db_error(d, file, "cannot set up the statistics database");
    return Store(std::move(db.value()));
}

bool Store::write_one(const Record& rec) {
    sqlite3* d = db_.get();
    if (const auto* v = std::get_if<VisitRow>(&rec)) {
        auto it = visit_ids_.find(v->serial);
        if (it == visit_ids_.end()) {
            Stmt s(d,
                   "INSERT INTO visits(day,time,hour,duration_ms,views,lang_switches,ended) "
                   "VALUES(?,?,?,?,?,?,?)");
            s.bind(1, v->start.day()).bind(2, v->start.time()).bind(3, v->start.hour());
            s.bind(4, v->duration_ms).bind(5, v->views).bind(6, v->lang_switches).bind(7, v->ended);
            if (!s.done())
                return false;
            it = visit_ids_.emplace(v->serial, sqlite3_last_insert_rowid(d)).first;
        } else {
            Stmt s(d,
                   "UPDATE visits SET duration_ms=?, views=?, lang_switches=?, ended=? WHERE id=?");
            s.bind(1, v->duration_ms).bind(2, v->views).bind(3, v->lang_switches);
            s.bind(4, v->ended).bind(5, it->second);
            if (!s.done())
                return false;
        }
        if (!v->ended.empty())
            visit_ids_.erase(it);
        return true;
    }
    const auto visit_id = [this](int64_t serial) -> int64_t {
        auto it = visit_ids_.find(serial);
        return it == visit_ids_.end() ? 0 : it->second;
    };
    if (const auto* v = std::get_if<ViewRow>(&rec)) {
        Stmt s(d,
               "INSERT INTO views(visit,day,time,hour,page,lang,large_text,dwell_ms,depth_pct,"
               "entered,left_by) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
        s.bind(1, visit_id(v->visit)).bind(2, v->start.day()).bind(3, v->start.time());
        s.bind(4, v->start.hour()).bind(5, v->page).bind(6, v->lang);
        s.bind(7, v->large_text ? 1 : 0).bind(8, v->dwell_ms).bind(9, v->depth_pct);
        s.bind(10, std::string(input_name(v->entered))).bind(11, v->left);
        return s.done();
    }
    const auto& w = std::get<SwitchRow>(rec);
    Stmt s(d,
           "INSERT INTO lang_switches(visit,day,time,hour,page,from_lang,to_lang) "
           "VALUES(?,?,?,?,?,?,?)");
    s.bind(1, visit_id(w.visit)).bind(2, w.at.day()).bind(3, w.at.time()).bind(4, w.at.hour());
    s.bind(5, w.page).bind(6, w.from).bind(7, w.to);
    return s.done();
}

bool Store::write(const std::vector<Record>& records) {
    if (records.empty())
        return true;
    if (!exec(db_.get(), "BEGIN IMMEDIATE"))
        return false;
    for (const auto& r : records) {
        if (!write_one(r)) {
            log_error(std::string("statistics: cannot store a record: ") +
                      sqlite3_errmsg(db_.get()));
            exec(db_.get(), "ROLLBACK");
            return false;
        }
    }
    return exec(db_.get(), "COMMIT");
}

int Store::fold_before(int64_t day, int max_days) {
    Stmt q(db_.get(),
           "SELECT day FROM visits WHERE day < ?1 UNION SELECT day FROM views WHERE day < ?1 "
           "UNION SELECT day FROM lang_switches WHERE day < ?1 ORDER BY 1 LIMIT ?2");
    q.bind(1, day_string(day)).bind(2, max_days);
    std::vector<std::string> days;
    while (q.row())
        days.push_back(q.text(0));
    int folded = 0;
    for (const auto& d : days)
        folded += fold_day(d) ? 1 : 0;
    return folded;
}

}  // namespace kiosk::stats
