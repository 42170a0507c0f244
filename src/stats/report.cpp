#include "stats/report.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>

#include "stats/store.h"

namespace kiosk::stats {
namespace {

// Values with counts; the median is the lower middle value.
class Dist {
  public:
    void add(int64_t value, int64_t n = 1) {
        if (n > 0)
            counts_[value] += n, total_ += n;
    }
    void add_hist(const std::string& hist) {
        const auto h = parse_hist(hist);
        for (int i = 0; i < kBuckets; ++i)
            add(bucket_value(i), h[static_cast<size_t>(i)]);
    }
    int64_t median() const {
        int64_t seen = 0;
        for (const auto& [v, n] : counts_) {
            seen += n;
            if (2 * seen > total_ - 1)
                return v;
        }
        return 0;
    }

  private:
    std::map<int64_t, int64_t> counts_;
    int64_t total_ = 0;
};

struct PageAgg {
    int64_t views = 0, dwell = 0;
    Dist dist;
};

template <class Map>
auto sorted_desc(const Map& m) {
    std::vector<std::pair<typename Map::key_type, typename Map::mapped_type>> v(m.begin(), m.end());
    std::stable_sort(v.begin(), v.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return v;
}

void add_views(sqlite3* db, const std::string& day, Summary& s,
               std::map<std::string, PageAgg>& pages, std::map<std::string, int64_t>& langs) {
    Stmt d(db, "SELECT page,lang,dwell_ms,large_text,entered FROM views WHERE ?1='' OR day=?1");
    d.bind(1, day);
    while (d.row()) {
        PageAgg& p = pages[d.text(0)];
        ++p.views, p.dwell += d.num(2), p.dist.add(d.num(2));
        ++langs[d.text(1)], ++s.views, s.large_text_views += d.num(3);
        const std::string e = d.text(4);
        s.by_tap += e == "tap", s.by_swipe += e == "swipe", s.by_key += e == "key";
    }
    Stmt h(db,
           "SELECT page,lang,views,dwell_ms,large_text,by_tap,by_swipe,by_key,dwell_hist "
           "FROM hourly_views WHERE ?1='' OR day=?1");
    h.bind(1, day);
    while (h.row()) {
        PageAgg& p = pages[h.text(0)];
        p.views += h.num(2), p.dwell += h.num(3), p.dist.add_hist(h.text(8));
        langs[h.text(1)] += h.num(2), s.views += h.num(2), s.large_text_views += h.num(4);
        s.by_tap += h.num(5), s.by_swipe += h.num(6), s.by_key += h.num(7);
    }
}

void add_visits(sqlite3* db, const std::string& day, Summary& s, std::set<std::string>& days) {
    Dist visit_ms;
    Stmt d(db, "SELECT day,hour,duration_ms,lang_switches FROM visits WHERE ?1='' OR day=?1");
    d.bind(1, day);
    while (d.row()) {
        days.insert(d.text(0));
        ++s.visits, visit_ms.add(d.num(2)), s.lang_switches += d.num(3);
        ++s.visits_by_hour[static_cast<size_t>(std::clamp<int64_t>(d.num(1), 0, 23))];
    }
    Stmt h(db,
           "SELECT day,hour,visits,lang_switches,duration_hist FROM hourly_visits "
           "WHERE ?1='' OR day=?1");
    h.bind(1, day);
    while (h.row()) {
        days.insert(h.text(0));
        s.visits += h.num(2), s.lang_switches += h.num(3), visit_ms.add_hist(h.text(4));
        s.visits_by_hour[static_cast<size_t>(std::clamp<int64_t>(h.num(1), 0, 23))] += h.num(2);
    }
    s.median_visit_ms = visit_ms.median();
}

Summary summarize_empty(const std::string& day) {
    Summary s;
    s.title = day.empty() ? "All days" : "Today, " + day;
    return s;
}

}  // namespace

Summary summarize(sqlite3* db, const std::string& day) {
    Summary s;
    std::map<std::string, PageAgg> pages;
    std::map<std::string, int64_t> langs;
    std::set<std::string> days;
    add_views(db, day, s, pages, langs);
    add_visits(db, day, s, days);
    for (const auto& [id, p] : pages)
        s.pages.push_back({id, p.views, p.dist.median(), p.dwell});
    std::stable_sort(s.pages.begin(), s.pages.end(),
                     [](const auto& a, const auto& b) { return a.views > b.views; });
    for (const auto& [lang, n] : sorted_desc(langs))
        s.langs.push_back({lang, n});
    s.days = static_cast<int>(days.size());
    if (!day.empty())
        s.title = "Today, " + day;
    else if (days.empty())
        s.title = "All days";
    else
        s.title = "All days, " + *days.begin() + " to " + *days.rbegin() + " (" +
                  std::to_string(days.size()) + (days.size() == 1 ? " day)" : " days)");
    return s;
}

std::string newest_day(sqlite3* db) {
    Stmt q(db, "SELECT max(day) FROM (SELECT day FROM visits UNION SELECT day FROM hourly_visits)");
    return q.row() ? q.text(0) : std::string();
}

Summary summarize_file(const std::filesystem::path& db_file, const std::string& day) {
    std::error_code ec;
    if (!std::filesystem::exists(db_file, ec))
        return summarize_empty(day);
    auto db = open_db(db_file, true);
    if (!db)
        return summarize_empty(day);
    return summarize(db.value().get(), day);
}

std::string file_safe(const std::string& name) {
    std::string out;
    for (char c : name)
        out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    return out.empty() ? "kiosk" : out;
}

std::string duration_text(int64_t ms) {
    const int64_t s = (ms + 500) / 1000;
    if (s < 60)
        return std::to_string(s) + " s";
    const int64_t sec = s % 60;
    return std::to_string(s / 60) + " min " + (sec < 10 ? "0" : "") + std::to_string(sec) + " s";
}

ReportTexts report_texts(sqlite3* db, const ReportStyle& style) {
    return {csv_report(db), html_report(summarize(db, style.today), summarize(db, ""), style)};
}

Exported export_reports(const std::filesystem::path& db_file, const std::filesystem::path& dir,
                        const ReportStyle& style) {
    Exported out;
    auto db = open_db(db_file, true);
    if (!db) {
        out.error = db.error();
        return out;
    }
    const std::string name = file_safe(style.kiosk_name);
    const auto csv = dir / ("kiosk-stats-" + name + "-" + style.today + ".csv");
    const auto html = dir / ("kiosk-stats-" + name + ".html");
    ReportTexts texts = report_texts(db.value().get(), style);
    const std::pair<std::filesystem::path, std::string> files[] = {{csv, std::move(texts.csv)},
                                                                   {html, std::move(texts.html)}};
    for (const auto& [path, text] : files) {
        std::ofstream f(path, std::ios::binary | std::ios::trunc);
        f << text;
        f.close();
        if (!f) {
            out.error = Diagnostic{Severity::Error, {path.string()}, "cannot write the report"};
            return out;
        }
        out.files.push_back(path);
    }
    return out;
}

}  // namespace kiosk::stats
