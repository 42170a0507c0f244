#include "stats/command.h"

#include <unistd.h>

#include <fstream>
#include <sstream>

#include "stats/publish.h"
#include "stats/store.h"

namespace kiosk::stats {
namespace {

constexpr const char* kUsage =
    "usage: kiosk stats --data DIR [--csv FILE] [--html FILE] [--name NAME] [--publish DIR]\n";

struct Args {
    std::string data, csv, html, name, publish;
};

bool parse(const std::vector<std::string>& args, Args& a, std::ostream& err) {
    for (size_t i = 0; i < args.size(); ++i) {
        std::string* into = nullptr;
        if (args[i] == "--data")
            into = &a.data;
        else if (args[i] == "--csv")
            into = &a.csv;
        else if (args[i] == "--html")
            into = &a.html;
        else if (args[i] == "--name")
            into = &a.name;
        else if (args[i] == "--publish")
            into = &a.publish;
        if (!into || i + 1 >= args.size()) {
            err << "kiosk stats: unknown or incomplete option '" << args[i] << "'\n" << kUsage;
            return false;
        }
        *into = args[++i];
    }
    if (a.data.empty()) {
        err << kUsage;
        return false;
    }
    return true;
}

bool write_file(const std::string& path, const std::string& text, std::ostream& err) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f << text;
    f.close();
    if (!f)
        err << path << ": error: cannot write\n";
    return static_cast<bool>(f);
}

}  // namespace

std::string kiosk_name() {
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0 || !host[0])
        return "kiosk";
    return host;
}

std::string summary_text(const Summary& s) {
    std::ostringstream o;
    o << s.title << ": " << s.visits << " visits, " << s.views << " page views, median visit "
      << duration_text(s.median_visit_ms) << ", " << s.lang_switches << " language switches\n";
    for (const auto& p : s.pages)
        o << "  " << p.page << ": " << p.views << " views, median "
          << duration_text(p.median_dwell_ms) << "\n";
    for (const auto& l : s.langs)
        o << "  " << l.lang << ": " << l.views << " views\n";
    return o.str();
}

int run_stats_command(const std::vector<std::string>& args, const StyleLoader& style_for,
                      std::ostream& out, std::ostream& err) {
    Args a;
    if (!parse(args, a, err))
        return 1;
    const auto file = std::filesystem::path(a.data) / kDbName;
    auto db = open_db(file, true);
    std::error_code ec;
    if (!std::filesystem::exists(file, ec) || !db) {
        err << file.string() << ": error: no statistics database\n";
        return 1;
    }
    ReportStyle style = style_for ? style_for(a.data) : ReportStyle{};
    style.kiosk_name = a.name.empty() ? kiosk_name() : a.name;
    // The last day with visits: the database may come from a kiosk in another week.
    style.today = newest_day(db.value().get());
    if (style.today.empty())
        style.today = local_now().day();
    const Summary today = summarize(db.value().get(), style.today);
    const Summary all = summarize(db.value().get(), "");
    out << summary_text(today) << summary_text(all);
    bool ok = true;
    if (!a.csv.empty())
        ok = write_file(a.csv, csv_report(db.value().get()), err) && ok;
    if (!a.html.empty())
        ok = write_file(a.html, html_report(today, all, style), err) && ok;
    if (!a.publish.empty()) {
        // What the kiosk publishes to its fleet every hour (DIR/stats.csv, stats.html).
        auto p = publish_reports(file, a.publish, style);
        if (!p)
            err << p.error().str() << "\n";
        ok = p.ok() && ok;
    }
    return ok ? 0 : 1;
}

}  // namespace kiosk::stats
