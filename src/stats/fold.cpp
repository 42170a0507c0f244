// Hourly aggregation: a day's minute-level rows become one row per hour, page
// and language (views) and one per hour (visits), so a year stays small.
#include <map>
#include <tuple>

#include "stats/store.h"

namespace kiosk::stats {
namespace {

struct ViewAgg {
    int64_t views = 0, dwell = 0, large = 0, depth = 0, tap = 0, swipe = 0, key = 0;
    std::vector<int64_t> hist = std::vector<int64_t>(kBuckets, 0);
};
struct VisitAgg {
    int64_t visits = 0, duration = 0, views = 0, switches = 0;
    std::vector<int64_t> hist = std::vector<int64_t>(kBuckets, 0);
};
using ViewKey = std::tuple<int64_t, std::string, std::string>;

void add_hist(std::vector<int64_t>& into, const std::vector<int64_t>& h) {
    for (size_t i = 0; i < into.size() && i < h.size(); ++i)
        into[i] += h[i];
}

std::map<ViewKey, ViewAgg> view_aggregates(sqlite3* db, const std::string& day) {
    std::map<ViewKey, ViewAgg> out;
    Stmt old(db,
             "SELECT hour,page,lang,views,dwell_ms,large_text,depth_pct_sum,by_tap,by_swipe,"
             "by_key,dwell_hist FROM hourly_views WHERE day=?");
    old.bind(1, day);
    while (old.row()) {
        ViewAgg& a = out[{old.num(0), old.text(1), old.text(2)}];
        a.views += old.num(3), a.dwell += old.num(4), a.large += old.num(5);
        a.depth += old.num(6), a.tap += old.num(7), a.swipe += old.num(8), a.key += old.num(9);
        add_hist(a.hist, parse_hist(old.text(10)));
    }
    Stmt s(db,
           "SELECT hour,page,lang,large_text,dwell_ms,depth_pct,entered FROM views WHERE day=?");
    s.bind(1, day);
    while (s.row()) {
        ViewAgg& a = out[{s.num(0), s.text(1), s.text(2)}];
        const std::string entered = s.text(6);
        ++a.views, a.large += s.num(3), a.dwell += s.num(4), a.depth += s.num(5);
        a.tap += entered == "tap", a.swipe += entered == "swipe", a.key += entered == "key";
        ++a.hist[static_cast<size_t>(bucket_of(s.num(4)))];
    }
    return out;
}

std::map<int64_t, VisitAgg> visit_aggregates(sqlite3* db, const std::string& day) {
    std::map<int64_t, VisitAgg> out;
    Stmt old(db,
             "SELECT hour,visits,duration_ms,views,lang_switches,duration_hist FROM hourly_visits "
             "WHERE day=?");
    old.bind(1, day);
    while (old.row()) {
        VisitAgg& a = out[old.num(0)];
        a.visits += old.num(1), a.duration += old.num(2), a.views += old.num(3);
        a.switches += old.num(4);
        add_hist(a.hist, parse_hist(old.text(5)));
    }
    Stmt s(db, "SELECT hour,duration_ms,views,lang_switches FROM visits WHERE day=?");
    s.bind(1, day);
    while (s.row()) {
        VisitAgg& a = out[s.num(0)];
        ++a.visits, a.duration += s.num(1), a.views += s.num(2), a.switches += s.num(3);
        ++a.hist[static_cast<size_t>(bucket_of(s.num(1)))];
    }
    return out;
}

}  // namespace

bool Store::fold_day(const std::string& day) {
    sqlite3* d = db_.get();
    if (!exec(d, "BEGIN IMMEDIATE"))
        return false;
    Stmt put_view(d, "INSERT OR REPLACE INTO hourly_views VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    bool ok = true;
    for (const auto& [k, a] : view_aggregates(d, day)) {
        put_view.bind(1, day).bind(2, std::get<0>(k)).bind(3, std::get<1>(k));
        put_view.bind(4, std::get<2>(k)).bind(5, a.views).bind(6, a.dwell).bind(7, a.large);
        put_view.bind(8, a.depth).bind(9, a.tap).bind(10, a.swipe).bind(11, a.key);
        ok = put_view.bind(12, format_hist(a.hist)).done() && ok;
    }
    Stmt put_visit(d, "INSERT OR REPLACE INTO hourly_visits VALUES(?,?,?,?,?,?,?)");
    for (const auto& [hour, a] : visit_aggregates(d, day)) {
        put_visit.bind(1, day).bind(2, hour).bind(3, a.visits).bind(4, a.duration);
        put_visit.bind(5, a.views).bind(6, a.switches);
        ok = put_visit.bind(7, format_hist(a.hist)).done() && ok;
    }
    for (const char* sql : {"DELETE FROM views WHERE day=?", "DELETE FROM visits WHERE day=?",
                            "DELETE FROM lang_switches WHERE day=?"}) {
        Stmt del(d, sql);
        ok = del.bind(1, day).done() && ok;
    }
    if (!ok) {
        exec(d, "ROLLBACK");
        return false;
    }
    return exec(d, "COMMIT");
}

}  // namespace kiosk::stats
