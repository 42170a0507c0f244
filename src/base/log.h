// Minimal logging to stderr (journald adds timestamps on the device).
#pragma once

#include <string_view>

namespace kiosk {

enum class LogLevel { Debug, Info, Warn, Error };

void log(LogLevel level, std::string_view message);
inline void log_info(std::string_view m) {
    log(LogLevel::Info, m);
}
inline void log_warn(std::string_view m) {
    log(LogLevel::Warn, m);
}
inline void log_error(std::string_view m) {
    log(LogLevel::Error, m);
}

}  // namespace kiosk
