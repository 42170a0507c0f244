// The UI thread's side of everything App cannot do itself: it applies the
// ContentService's events to App (new content, notices) and carries out App's
// effects that concern content and the device (staff info, rollback,
// downgrade, brightness). The window loop and the headless replay both use
// it; rotation and restart belong to the window loop.
#pragma once

#include <string>

#include "app/app.h"
#include "app/content_service.h"
#include "app/effect.h"
#include "app/staff_device.h"

namespace kiosk::app {

// The one short line a visitor reads when a stick is refused, in their
// language. Staff find the full reason in the staff menu and on the stick.
const char* refusal_line(Lang lang);

class Host {
  public:
    // `service` may be null (content given with --content: nothing to update).
    Host(ContentService* service, StaffDevice device)
        : service_(service), device_(std::move(device)) {}

    void apply(App& app, const ContentEvent& ev, Millis now);
    // True when handled; Rotate and Restart are left to the caller.
    bool run(App& app, const Effect& fx);
    StaffInfo staff_info() const;

  private:
    ContentService* service_;
    StaffDevice device_;
    bool downgrade_pending_ = false;
    std::string last_refusal_;
};

}  // namespace kiosk::app
