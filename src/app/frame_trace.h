// `--trace`: one line per presented frame, `frame <µs> <cause> cpu=<µs>`, where
// cpu is the CPU time the UI thread spent on that frame (not time asleep or
// preempted), so a replay on a busy machine still shows what a frame costs.
#pragma once

#include <time.h>

#include <cstdint>
#include <ostream>
#include <string>

#include "app/app.h"

namespace kiosk::app {

// CPU time used so far by the calling thread, µs.
inline int64_t thread_cpu_us() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1'000'000 + ts.tv_nsec / 1000;
}

// One write per line: the content worker may log at the same time.
inline void trace_frame(std::ostream& out, int64_t when_us, Cause cause, int64_t cpu_us) {
    out << ("frame " + std::to_string(when_us) + " " + cause_name(cause) +
            " cpu=" + std::to_string(cpu_us) + "\n");
}

}  // namespace kiosk::app
