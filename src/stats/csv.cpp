// The CSV report: one line per day, hour, page and language, plus one line per
// day and hour with the visits; opens in any spreadsheet as a pivot source.
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "stats/report.h"
#include "stats/store.h"

namespace kiosk::stats {
namespace {

constexpr const char* kHeader =
    "day,hour,page,language,visits,views,total_dwell_s,median_dwell_s,large_text_views,"
    "entered_by_tap,entered_by_swipe,entered_by_key,mean_depth_pct,lang_switches,"
    "median_visit_s\n";

std::string secs(int64_t ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(ms) / 1000.0);
    return buf;
}

// Lower median of comma-separated milliseconds (SQLite's group_concat).
int64_t median_of_list(const std::string& list) {
    std::vector<int64_t> v;
    std::istringstream in(list);
    std::string n;
    while (std::getline(in, n, ','))
        v.push_back(std::atoll(n.c_str()));
    if (v.empty())
        return 0;
    const size_t mid = (v.size() - 1) / 2;
    std::nth_element(v.begin(), v.begin() + static_cast<long>(mid), v.end());
    return v[mid];
}

int64_t median_of_hist(const std::string& hist) {
    const auto h = parse_hist(hist);
    int64_t total = 0;
    for (auto n : h)
        total += n;
    int64_t seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
        seen += h[static_cast<size_t>(i)];
        if (2 * seen > total - 1 && total > 0)
            return bucket_value(i);
    }
    return 0;
}

std::string hour_key(const std::string& day, int64_t hour) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", static_cast<int>(hour));
    return day + " " + buf;
}

using Line = std::pair<std::string, std::string>;  // sort key, text

// views rows: day,hour,page,lang,count,dwell,median_ms,large,tap,swipe,key,depth_sum
void view_lines(Stmt& q, bool hist, std::vector<Line>& out) {
    while (q.row()) {
        const int64_t views = q.num(4);
        const int64_t median = hist ? median_of_hist(q.text(6)) : median_of_list(q.text(6));
        std::ostringstream l;
        l << q.text(0) << ',' << q.num(1) << ',' << q.text(2) << ',' << q.text(3) << ",," << views
          << ',' << secs(q.num(5)) << ',' << secs(median) << ',' << q.num(7) << ',' << q.num(8)
          << ',' << q.num(9) << ',' << q.num(10) << ',' << (views ? q.num(11) / views : 0)
          << ",,\n";
        out.emplace_back(hour_key(q.text(0), q.num(1)) + " 1 " + q.text(2) + " " + q.text(3),
                         l.str());
    }
}

// visit rows: day,hour,visits,views,switches,median_ms
void visit_lines(Stmt& q, bool hist, std::vector<Line>& out) {
    while (q.row()) {
        const int64_t median = hist ? median_of_hist(q.text(5)) : median_of_list(q.text(5));
        std::ostringstream l;
        l << q.text(0) << ',' << q.num(1) << ",,," << q.num(2) << ',' << q.num(3) << ",,,,,,,,"
          << q.num(4) << ',' << secs(median) << '\n';
        out.emplace_back(hour_key(q.text(0), q.num(1)) + " 0", l.str());
    }
}

}  // namespace

std::string csv_report(sqlite3* db) {
    std::vector<Line> lines;
    Stmt hv(db,
            "SELECT day,hour,page,lang,views,dwell_ms,dwell_hist,large_text,by_tap,by_swipe,"
            "by_key,depth_pct_sum FROM hourly_views");
    view_lines(hv, true, lines);
    Stmt dv(db,
            "SELECT day,hour,page,lang,count(*),sum(dwell_ms),group_concat(dwell_ms),"
            "sum(large_text),sum(entered='tap'),sum(entered='swipe'),sum(entered='key'),"
            "sum(depth_pct) FROM views GROUP BY day,hour,page,lang");
    view_lines(dv, false, lines);
    Stmt hs(db, "SELECT day,hour,visits,views,lang_switches,duration_hist FROM hourly_visits");
    visit_lines(hs, true, lines);
    Stmt ds(db,
            "SELECT day,hour,count(*),sum(views),sum(lang_switches),group_concat(duration_ms) "
            "FROM visits GROUP BY day,hour");
    visit_lines(ds, false, lines);
    std::stable_sort(lines.begin(), lines.end(),
                     [](const Line& a, const Line& b) { return a.first < b.first; });
    std::string out = kHeader;
    for (const auto& l : lines)
        out += l.second;
    return out;
}

}  // namespace kiosk::stats
