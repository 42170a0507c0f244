// What the kiosk tells the statistics, and what they store.
//
// Each step the app hands over a Snapshot: what is on screen now and what
// kind of input (if any) came since the last step. The Tracker turns the
// sequence of snapshots into visits, page views and language switches.
// Nothing here knows about SDL, the App or SQLite, so all of it is tested with
// plain values. Nothing about a person is in here: no camera, no identifiers,
// nothing typed; only which page was shown how long.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace kiosk::stats {

// Input since the previous snapshot. A drag that did not turn the page is Scroll.
enum class Input { None, Tap, Swipe, Scroll, Key };
const char* input_name(Input i);

// Local wall-clock time as milliseconds since 1970-01-01 00:00 *local* (the
// time zone offset already added), so dates and hours need no time zone.
struct LocalTime {
    int64_t ms = 0;
    std::string day() const;   // YYYY-MM-DD
    std::string time() const;  // HH:MM:SS
    int hour() const;
};
// Days since 1970-01-01 for a YYYY-MM-DD string; -1 when malformed.
int64_t day_number(const std::string& day);
std::string day_string(int64_t day_number);
// The device's wall clock now, in local time.
LocalTime local_now();
// "YYYY-MM-DDTHH:MM[:SS]" as local time (replays on a fixed date).
std::optional<LocalTime> parse_local(const std::string& text);

struct Snapshot {
    int64_t now_ms = 0;  // monotonic (device) or virtual (replay) clock
    LocalTime local;     // wall time of now_ms
    std::string page;    // page id
    std::string lang;    // language tag
    bool large_text = false;
    float scroll = 0, max_scroll = 0;  // px; max 0: the page fits on the screen
    bool attract = false;              // the attract loop is showing
    bool staff = false;                // the staff menu is open
    Input input = Input::None;
};

// A visit: from the first touch after Home or the attract loop to the idle
// return (or the staff menu, or the app ending). Written again with growing
// figures after each page, so a power cut loses at most the page being read.
struct VisitRow {
    int64_t serial = 0;  // this process's visit number; the store maps it to a row id
    LocalTime start;
    int64_t duration_ms = 0;
    int views = 0;
    int lang_switches = 0;
    std::string ended;  // "" while open; idle, staff, attract, quit
};

struct ViewRow {
    int64_t visit = 0;  // VisitRow::serial
    LocalTime start;
    std::string page, lang;   // lang: the language when the page was left
    bool large_text = false;  // A+ was on at some point on this page
    int64_t dwell_ms = 0;
    int depth_pct = 0;  // how far down the page was scrolled, 0..100 (100: fits)
    Input entered = Input::None;
    std::string left;  // how the page was left: tap, swipe, key, idle, staff, attract, quit
};

struct SwitchRow {
    int64_t visit = 0;
    LocalTime at;
    std::string page, from, to;
};

using Record = std::variant<VisitRow, ViewRow, SwitchRow>;

}  // namespace kiosk::stats
