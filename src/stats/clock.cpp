#include <chrono>
#include <cstdio>
#include <ctime>

#include "stats/record.h"

namespace kiosk::stats {

LocalTime local_now() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t t = system_clock::to_time_t(now);
    std::tm tm{};
    localtime_r(&t, &tm);
    const int64_t ms = duration_cast<milliseconds>(now.time_since_epoch()).count();
    return LocalTime{ms + static_cast<int64_t>(tm.tm_gmtoff) * 1000};
}

std::optional<LocalTime> parse_local(const std::string& text) {
    int h = 0, m = 0, s = 0;
    char day[11] = {};
    const int n = std::sscanf(text.c_str(), "%10[0-9-]T%d:%d:%d", day, &h, &m, &s);
    const int64_t d = day_number(day);
    if (n < 3 || d < 0 || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59)
        return std::nullopt;
    return LocalTime{((d * 24 + h) * 60 + m) * 60'000 + int64_t{s} * 1000};
}

}  // namespace kiosk::stats
