// `kiosk stats --data DIR [--csv FILE] [--html FILE] [--name NAME] [--publish DIR]`:
// the visitor figures on a laptop (the stick export writes the same files);
// --publish writes DIR/stats.csv and stats.html as the kiosk does for its fleet.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "stats/report.h"

namespace kiosk::stats {

// Page titles and colours for the report come from the content of the data
// directory; the caller knows how to load it.
using StyleLoader = std::function<ReportStyle(const std::string& data_dir)>;

int run_stats_command(const std::vector<std::string>& args, const StyleLoader& style,
                      std::ostream& out, std::ostream& err);
// The kiosk's name in report file names: the host name.
std::string kiosk_name();
// Plain-text figures for a terminal.
std::string summary_text(const Summary& s);

}  // namespace kiosk::stats
