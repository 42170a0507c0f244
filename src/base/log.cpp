#include "base/log.h"

#include <cstdio>

namespace kiosk {

void log(LogLevel level, std::string_view message) {
    static constexpr const char* kNames[] = {"debug", "info", "warning", "error"};
    std::fprintf(stderr, "kiosk: %s: %.*s\n", kNames[static_cast<int>(level)],
                 static_cast<int>(message.size()), message.data());
}

}  // namespace kiosk
