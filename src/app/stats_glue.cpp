#include "app/stats_glue.h"

#include <cmath>

#include "base/log.h"
#include "layout/page_id.h"
#include "stats/command.h"
#include "stats/publish.h"
#include "stats/store.h"

namespace kiosk::app {
namespace {

// A finger that moved less than this between down and up tapped.
constexpr float kTapSlopPx = 24;

}  // namespace

std::unique_ptr<StatsGlue> StatsGlue::open(const std::filesystem::path& data_dir,
                                           LocalClock clock) {
    stats::RecorderOptions o;
    o.db_file = data_dir / stats::kDbName;
    auto r = stats::Recorder::open(o);
    if (!r) {
        log_warn("visitor statistics off: " + r.error().str());
        return nullptr;
    }
    return std::unique_ptr<StatsGlue>(
        new StatsGlue(std::move(r.value()), std::move(clock), data_dir / stats::kPublishDir));
}

StatsGlue::~StatsGlue() {
    recorder_->add(tracker_.finish(last_));
}

void StatsGlue::pointer(const input::PointerEvent& e) {
    using T = input::PointerEvent::Type;
    if (e.type == T::Down) {
        down_x_ = e.x, down_y_ = e.y;
    } else if (e.type == T::Up) {
        const float dx = e.x - down_x_, dy = e.y - down_y_;
        if (std::hypot(dx, dy) < kTapSlopPx)
            pending_ = stats::Input::Tap;
        else
            pending_ = std::abs(dx) > std::abs(dy) ? stats::Input::Swipe : stats::Input::Scroll;
    }
}

void StatsGlue::key() {
    pending_ = stats::Input::Key;
}

void StatsGlue::observe(App& app, Millis now) {
    stats::Snapshot s;
    s.now_ms = now;
    s.local = clock_(now);
    s.page = layout::page_name(app.bundle(), app.session().page());
    s.lang = std::string(lang_tag(app.session().lang()));
    s.large_text = app.session().large_text();
    const auto page = app.page();
    s.scroll = app.scroll();
    s.max_scroll = page->content_height - page->viewport.h;
    s.attract = app.attract_mode();
    s.staff = app.staff_open();
    s.input = pending_;
    pending_ = stats::Input::None;
    recorder_->add(tracker_.step(s));
    last_ = std::move(s);
}

void StatsGlue::export_to(const std::filesystem::path& dir, const content::Bundle& bundle) {
    recorder_->export_to(dir, style_for(bundle));
}

void StatsGlue::publish_if_due(const content::Bundle& bundle, std::int64_t now_unix) {
    if (!stats::publish_due(last_publish_, now_unix))
        return;
    last_publish_ = now_unix;
    recorder_->publish_to(publish_dir_, style_for(bundle));
}

stats::ReportStyle StatsGlue::style_for(const content::Bundle& bundle) const {
    stats::ReportStyle style = report_style(bundle);
    style.kiosk_name = stats::kiosk_name();
    style.today = today();
    return style;
}

stats::Summary StatsGlue::summary(bool all_days) const {
    recorder_->flush();  // what the staff just saw happen is in the figures
    return stats::summarize_file(recorder_->file(), all_days ? "" : today());
}

// The day of the clock the visits were recorded on (a replay's may be a fixed date).
std::string StatsGlue::today() const {
    return last_.local.ms ? last_.local.day() : stats::local_now().day();
}

stats::ReportStyle report_style(const content::Bundle& bundle) {
    stats::ReportStyle st;
    st.pages.push_back({"home", bundle.ui("home", Lang::En), 0x5C, 0x58, 0x52});
    st.pages.push_back({"about", bundle.ui("about", Lang::En), 0xA3, 0x1F, 0x34});
    for (const auto& a : bundle.areas)
        st.pages.push_back({a.id, a.title.get(Lang::En), a.accent.r, a.accent.g, a.accent.b});
    return st;
}

}  // namespace kiosk::app
