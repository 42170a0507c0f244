// A process that records visits as fast as a frantic booth never would, until
// it is killed: `stats_kill_writer DB RUN BATCH_MS`. Writes "ready\n" to
// stdout once the database is open. Each view carries its run number (page),
// its sequence number (depth_pct) and the monotonic time it was enqueued
// (dwell_ms), so the test can tell exactly what a kill lost.
#include <time.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "stats/recorder.h"

namespace {

int64_t monotonic_ms() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t{ts.tv_sec} * 1000 + ts.tv_nsec / 1'000'000;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace kiosk::stats;
    if (argc != 4)
        return 2;
    RecorderOptions o;
    o.db_file = argv[1];
    const std::string page = std::string("run") + argv[2];
    o.batch_ms = std::atoi(argv[3]);
    auto rec = Recorder::open(o);
    if (!rec)
        return 1;
    if (write(1, "ready\n", 6) != 6)
        return 1;
    const LocalTime day = *parse_local("2024-10-04T10:00");
    for (int64_t seq = 0;; ++seq) {
        std::vector<Record> r;
        r.push_back(VisitRow{seq + 1, day, 0, 0, 0, ""});
        r.push_back(ViewRow{seq + 1, day, page, "en", false, monotonic_ms(), static_cast<int>(seq),
                            Input::Tap, "quit"});
        r.push_back(VisitRow{seq + 1, day, 1, 1, 0, "quit"});
        rec.value()->add(std::move(r));
        usleep(1000);
    }
}
