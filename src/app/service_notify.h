// Tells systemd (Type=notify) that the kiosk is up and still drawing.
// Outside systemd every call is a no-op.
#pragma once

#include <cstdint>

namespace kiosk::app {

class ServiceNotifier {
  public:
    // Start-up may take longer than the running watchdog period (a cold SD
    // card, a software GL compiling its shaders): until ready() the watchdog
    // is widened to this; a start-up that hangs is still ended, by the
    // unit's TimeoutStartSec.
    static constexpr uint64_t kStartupWatchdogUsec = 90'000'000;

    ServiceNotifier();
    void ready();  // after the first frame is on screen: the unit's watchdog again
    void alive();  // from the main loop: feeds WatchdogSec=
    void status(const char* text);
    // How long the main loop may sleep before it must call alive(); -1: no watchdog.
    int max_sleep_ms() const { return max_sleep_ms_; }

  private:
    uint64_t watchdog_usec_ = 0;  // the unit's WatchdogSec=, 0: none
    int max_sleep_ms_ = -1;
    bool ready_sent_ = false;
};

}  // namespace kiosk::app
