#include "stats/tracker.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk::stats {
namespace {

constexpr int64_t kDayMs = 86'400'000;

int64_t floor_div(int64_t a, int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = floor_div(y, 400);
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

}  // namespace

const char* input_name(Input i) {
    switch (i) {
        case Input::None:
            return "none";
        case Input::Tap:
            return "tap";
        case Input::Swipe:
            return "swipe";
        case Input::Scroll:
            return "scroll";
        case Input::Key:
            return "key";
    }
    return "?";
}

std::string day_string(int64_t z) {
    z += 719468;
    const int64_t era = floor_div(z, 146097);
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
    return buf;
}

int64_t day_number(const std::string& day) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (std::sscanf(day.c_str(), "%d-%u-%u", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    return days_from_civil(y, m, d);
}

std::string LocalTime::day() const {
    return day_string(floor_div(ms, kDayMs));
}

std::string LocalTime::time() const {
    const int64_t in_day = ms - floor_div(ms, kDayMs) * kDayMs;
    const int64_t s = in_day / 1000;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", static_cast<int>(s / 3600),
                  static_cast<int>(s / 60 % 60), static_cast<int>(s % 60));
    return buf;
}

int LocalTime::hour() const {
    return static_cast<int>((ms - floor_div(ms, kDayMs) * kDayMs) / 3'600'000);
}

int depth_pct(float scroll, float max_scroll) {
    if (!(max_scroll > 0))
        return 100;  // the whole page is on the screen
    const float f = std::clamp(scroll / max_scroll, 0.0f, 1.0f);
    return static_cast<int>(std::lround(f * 100));
}

void Tracker::open_view(const Snapshot& s, Input entered) {
    OpenView& v = visit_->view;
    v = OpenView{};
    v.since = s.now_ms;
    v.row.visit = visit_->row.serial;
    v.row.start = s.local;
    v.row.page = s.page;
    v.row.lang = s.lang;
    v.row.large_text = s.large_text;
    v.row.entered = entered;
    v.row.depth_pct = depth_pct(s.scroll, s.max_scroll);
}

void Tracker::close_view(int64_t now, const std::string& left, std::vector<Record>& out) {
    OpenView& v = visit_->view;
    v.row.dwell_ms = std::max<int64_t>(0, now - v.since);
    v.row.left = left;
    out.emplace_back(v.row);
    ++visit_->row.views;
    visit_->row.duration_ms = std::max<int64_t>(0, now - visit_->since);
}

void Tracker::close_visit(int64_t now, const std::string& why, std::vector<Record>& out) {
    close_view(now, why, out);
    visit_->row.ended = why;
    out.emplace_back(visit_->row);
    visit_.reset();
}

// Within a visit: page changes, language switches, A+, scrolling, the idle return.
void Tracker::follow(const Snapshot& s, std::vector<Record>& out) {
    OpenView& v = visit_->view;
    const bool reset = s.page != v.row.page || s.lang != v.row.lang ||
                       (prev_ && s.large_text != prev_->large_text);
    if (s.input == Input::None && reset) {
        close_visit(s.now_ms, "idle", out);  // the kiosk went back to Home by itself
        return;
    }
    if (s.page != v.row.page) {
        close_view(s.now_ms, input_name(s.input), out);
        out.emplace_back(visit_->row);
        open_view(s, s.input);
        return;
    }
    if (s.lang != v.row.lang) {
        out.emplace_back(SwitchRow{visit_->row.serial, s.local, s.page, v.row.lang, s.lang});
        ++visit_->row.lang_switches;
        v.row.lang = s.lang;
    }
    v.row.large_text = v.row.large_text || s.large_text;
    v.row.depth_pct = std::max(v.row.depth_pct, depth_pct(s.scroll, s.max_scroll));
}

std::vector<Record> Tracker::step(const Snapshot& s) {
    std::vector<Record> out;
    const bool active = !s.attract && !s.staff;
    // The tap that closes the staff menu is staff time, not a visitor's first touch.
    const bool visitor_input = s.input != Input::None && !(prev_ && prev_->staff);
    if (visit_) {
        if (!active)
            close_visit(s.now_ms, s.staff ? "staff" : "attract", out);
        else
            follow(s, out);
    } else if (active && visitor_input) {
        visit_ = OpenVisit{};  // not emplace(): clang 14 rejects it for a nested aggregate with
                               // member initialisers
        visit_->row.serial = ++serial_;
        visit_->row.start = s.local;
        visit_->since = s.now_ms;
        open_view(s, s.input);
        out.emplace_back(visit_->row);
        // The first touch was a language button on the page already shown.
        if (prev_ && prev_->page == s.page && prev_->lang != s.lang) {
            out.emplace_back(SwitchRow{visit_->row.serial, s.local, s.page, prev_->lang, s.lang});
            ++visit_->row.lang_switches;
        }
    }
    prev_ = s;
    return out;
}

std::vector<Record> Tracker::finish(const Snapshot& s) {
    std::vector<Record> out;
    if (visit_)
        close_visit(s.now_ms, "quit", out);
    prev_ = s;
    return out;
}

}  // namespace kiosk::stats
