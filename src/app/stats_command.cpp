// `kiosk stats`: the report on a laptop, titled and coloured by the content
// the data directory shows (else the built-in content).
#include <iostream>

#include "app/runtime.h"
#include "app/stats_glue.h"
#include "content/loader.h"
#include "stats/command.h"

namespace kiosk::app {

int run_stats(const Options& o) {
    const auto style = [&o](const std::string& data_dir) {
        Options d = o;
        d.data_dir = data_dir;
        d.given.insert("--data");
        const ContentChoice chosen = choose_content(d, settings(d));
        return chosen.bundle ? report_style(*chosen.bundle) : stats::ReportStyle{};
    };
    return stats::run_stats_command(o.rest, style, std::cout, std::cerr);
}

}  // namespace kiosk::app
