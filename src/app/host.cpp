#include "app/host.h"

namespace kiosk::app {

namespace {

constexpr Millis kResultMs = 8000;  // how long a result stays on screen

std::string fill_in(std::string text, const std::string& key, const std::string& value) {
    if (auto at = text.find(key); at != std::string::npos)
        text.replace(at, key.size(), value);
    return text;
}

}  // namespace

const char* refusal_line(Lang lang) {
    switch (lang) {
        case Lang::ZhHK:
            return "未能更新內容。";
        case Lang::ZhHans:
            return "未能更新内容。";
        case Lang::En:
            return "The content was not updated.";
    }
    return "";
}

void Host::apply(App& app, const ContentEvent& ev, Millis now) {
    using K = ContentEvent::Kind;
    if (ev.kind == K::StickInserted)
        return;  // nothing to show; the loop writes the statistics to it
    const Lang lang = app.session().lang();
    downgrade_pending_ = ev.downgrade_pending;
    switch (ev.kind) {
        case K::Progress:
            app.notify(app.bundle().ui("update_in_progress", lang), static_cast<float>(ev.fraction),
                       now + 60'000);
            break;
        case K::Installed:
            app.set_bundle(ev.bundle);
            app.notify(fill_in(app.bundle().ui("update_done", lang), "{version}",
                               std::to_string(ev.version)),
                       -1, now + kResultMs);
            app.staff_message("Content updated to version " + std::to_string(ev.version));
            break;
        case K::RolledBack:
            app.set_bundle(ev.bundle);
            app.staff_message("Rolled back to version " + std::to_string(ev.version));
            break;
        case K::RollbackFailed:
            app.staff_message(ev.reason);
            break;
        case K::Refused:
            last_refusal_ = ev.reason;
            app.notify(refusal_line(lang), -1, now + kResultMs * 2);
            app.staff_message("Stick refused: " + ev.reason);
            break;
        case K::StickInserted:
            break;
    }
    if (ev.kind != K::Progress && app.staff_open())
        app.set_staff_info(staff_info());
}

StaffInfo Host::staff_info() const {
    StaffInfo info;
    info.status = device_.status_lines();
    info.log = device_.import_log();
    info.downgrade_pending = downgrade_pending_;
    info.last_refusal = last_refusal_;
    device_.add_fleet(info);
    return info;
}

bool Host::run(App& app, const Effect& fx) {
    switch (fx.kind) {
        case Effect::Kind::RefreshStaffInfo:
            app.set_staff_info(staff_info());
            return true;
        case Effect::Kind::Rollback:
            if (service_)
                service_->rollback();
            else
                app.staff_message("Not rolled back: this kiosk shows fixed content (--content)");
            return true;
        case Effect::Kind::AcceptDowngrade:
            if (service_)
                service_->accept_downgrade();
            return true;
        case Effect::Kind::Brightness:
            app.staff_message(device_.brightness(fx.value));
            return true;
        case Effect::Kind::Rotate:
        case Effect::Kind::Restart:
        case Effect::Kind::ShowVisitors:
            return false;
    }
    return false;
}

}  // namespace kiosk::app
