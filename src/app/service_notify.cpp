#include "app/service_notify.h"

#include <systemd/sd-daemon.h>

#include <cinttypes>

namespace kiosk::app {

ServiceNotifier::ServiceNotifier() {
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0)
        return;
    watchdog_usec_ = usec;
    // Ping at half the watchdog period: one late frame must not get us killed.
    max_sleep_ms_ = static_cast<int>(usec / 2000);
    if (usec < kStartupWatchdogUsec)
        sd_notifyf(0, "WATCHDOG_USEC=%" PRIu64, kStartupWatchdogUsec);
}

void ServiceNotifier::ready() {
    if (ready_sent_)
        return;
    ready_sent_ = true;
    if (watchdog_usec_ > 0)
        sd_notifyf(0, "READY=1\nSTATUS=showing content\nWATCHDOG_USEC=%" PRIu64 "\nWATCHDOG=1",
                   watchdog_usec_);
    else
        sd_notify(0, "READY=1\nSTATUS=showing content");
}

void ServiceNotifier::alive() {
    if (max_sleep_ms_ >= 0)
        sd_notify(0, "WATCHDOG=1");
}

void ServiceNotifier::status(const char* text) {
    sd_notifyf(0, "STATUS=%s", text);
}

}  // namespace kiosk::app
