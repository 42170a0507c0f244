// Visitor statistics wired to today's App: turns what the App shows into
// stats::Snapshots (one per drawn frame) and classifies touches as tap,
// swipe or scroll. The recording itself lives in src/stats; this file is the
// only place that knows both. Hook points (window loop, replay, stick,
// staff menu): docs/visitor-statistics.md, "Wiring".
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "app/app.h"
#include "app/options.h"
#include "stats/recorder.h"
#include "stats/tracker.h"

namespace kiosk::app {

class StatsGlue {
  public:
    // Wall-clock local time for an App time (real clock, or a replay's virtual one).
    using LocalClock = std::function<stats::LocalTime(Millis now)>;

    // Records into data_dir/stats.db; nullptr (logged) when it cannot be opened.
    static std::unique_ptr<StatsGlue> open(const std::filesystem::path& data_dir, LocalClock clock);
    ~StatsGlue();  // a visit still open ends as "quit"; everything queued is written

    void pointer(const input::PointerEvent& e);  // before the App sees it
    void key();
    // After the App advanced (each drawn frame is enough: every change draws).
    void observe(App& app, Millis now);
    // Writes the reports to a stick (on the writer thread).
    void export_to(const std::filesystem::path& dir, const content::Bundle& bundle);
    // At start-up and hourly (stats::publish_due): DATA/fleet-stats/stats.csv
    // and stats.html for the fleet, written on the writer thread. Cheap to
    // call every loop turn: the UI thread only compares two times.
    void publish_if_due(const content::Bundle& bundle, std::int64_t now_unix);
    stats::Summary summary(bool all_days) const;
    void flush() { recorder_->flush(); }

  private:
    std::string today() const;
    stats::ReportStyle style_for(const content::Bundle& bundle) const;
    StatsGlue(std::unique_ptr<stats::Recorder> r, LocalClock clock, std::filesystem::path publish)
        : recorder_(std::move(r)), clock_(std::move(clock)), publish_dir_(std::move(publish)) {}

    std::unique_ptr<stats::Recorder> recorder_;
    LocalClock clock_;
    std::filesystem::path publish_dir_;
    std::optional<std::int64_t> last_publish_;
    stats::Tracker tracker_;
    stats::Snapshot last_;
    stats::Input pending_ = stats::Input::None;
    float down_x_ = 0, down_y_ = 0;
};

// Page titles and area colours for the reports.
stats::ReportStyle report_style(const content::Bundle& bundle);
// `kiosk stats`: figures on the terminal, --csv and --html files.
int run_stats(const Options& o);

}  // namespace kiosk::app
