// Tells systemd (Type=notify) that the kiosk is up and still drawing.
// Outside systemd every call is a no-op.
#pragma once

#include <cstdint>

namespace kiosk::app {

class ServiceNotifier {
  public:
    ServiceNotifier();
    void ready();  // after the first frame is on screen
    void alive();  // from the main loop: feeds WatchdogSec=
    void status(const char* text);
    // How long the main loop may sleep before it must call alive(); -1: no watchdog.
    int max_sleep_ms() const { return max_sleep_ms_; }

  private:
    int max_sleep_ms_ = -1;
    bool ready_sent_ = false;
};

}  // namespace kiosk::app
