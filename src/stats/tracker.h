// Snapshots in, records out: where visits start and end, how long each page
// was on screen, how far it was scrolled. Pure; one owner (the UI thread).
#pragma once

#include <optional>
#include <vector>

#include "stats/record.h"

namespace kiosk::stats {

class Tracker {
  public:
    // Records to store after this step (usually none).
    std::vector<Record> step(const Snapshot& s);
    // The app ends: closes an open visit as "quit".
    std::vector<Record> finish(const Snapshot& s);
    bool in_visit() const { return visit_.has_value(); }

  private:
    struct OpenView {
        ViewRow row;
        int64_t since = 0;  // now_ms when it appeared
    };
    struct OpenVisit {
        VisitRow row;
        int64_t since = 0;
        OpenView view;
    };
    void close_view(int64_t now, const std::string& left, std::vector<Record>& out);
    void close_visit(int64_t now, const std::string& why, std::vector<Record>& out);
    void open_view(const Snapshot& s, Input entered);
    void follow(const Snapshot& s, std::vector<Record>& out);

    std::optional<OpenVisit> visit_;
    std::optional<Snapshot> prev_;
    int64_t serial_ = 0;
};

int depth_pct(float scroll, float max_scroll);

}  // namespace kiosk::stats
