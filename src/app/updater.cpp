#include "app/updater.h"

#include "base/log.h"
#include "content/loader.h"
#include "update/keys.h"
#include "update/stick.h"
#include "update/store.h"

namespace kiosk::app {

// Shown to staff when a stick carries no update file (and logged).
constexpr const char* kNoBundle = "no .kiosk file on the stick";

Updater::Updater(UpdaterOptions options) : options_(std::move(options)) {
    open_watcher();
    if (!watcher_)
        log_warn("no USB mount folder " + options_.usb_root.string() + " yet; watching for it");
    if (auto store = update::ContentStore::open(options_.data_dir))
        if (auto v = store.value().active())
            active_version_ = v->version;
}

Updater::~Updater() {
    if (worker_.joinable())
        worker_.join();  // an import is short; never leave it half-done
}

std::shared_ptr<const content::Bundle> load_installed_content(const std::filesystem::path& data_dir,
                                                              int64_t* version) {
    auto store = update::ContentStore::open(data_dir);
    if (!store) {
        log_warn(store.error().str());
        return nullptr;
    }
    std::shared_ptr<const content::Bundle> loaded;
    auto active = store.value().select_loadable([&](const std::filesystem::path& dir) {
        auto r = content::load_bundle(dir);
        if (!r.bundle) {
            log_error("installed content in " + dir.string() + " does not load; falling back:\n" +
                      r.diagnostics.str());
            return false;
        }
        loaded = std::make_shared<const content::Bundle>(std::move(*r.bundle));
        return true;
    });
    if (version)
        *version = active ? active->version : 0;
    return active ? loaded : nullptr;
}

std::shared_ptr<const content::Bundle> Updater::load_active() {
    return load_installed_content(options_.data_dir, &active_version_);
}

void Updater::accept_downgrade() {
    if (!downgrade_pending())
        return;
    const auto stick = pending_downgrade_;
    pending_downgrade_.clear();
    start(stick, /*allow_downgrade=*/true);
}

void Updater::start(const std::filesystem::path& stick, bool allow_downgrade) {
    update::ImportOptions opt;
    opt.data_dir = options_.data_dir;
    opt.allow_downgrade = allow_downgrade;
    auto key = update::load_public_key(options_.public_key);
    done_ = false;
    fraction_ = 0;
    stage_ = "reading";
    if (!key) {
        // No trusted key on this kiosk: nothing can be imported; say so on screen.
        update::StickImport r;
        r.stick_dir = stick;
        r.error = key.error();
        result_ = std::move(r);
        done_ = true;
        worker_ = std::thread([] {});
        return;
    }
    opt.trusted_key = key.value();
    worker_ = std::thread([this, stick, opt] {
        auto r = update::import_from_stick(stick, opt, options_.validate,
                                           [this](double f, std::string_view stage) {
                                               std::lock_guard lock(mutex_);
                                               fraction_ = f;
                                               stage_ = stage;
                                           });
        std::lock_guard lock(mutex_);
        result_ = std::move(r);
        done_ = true;
    });
}

std::optional<UpdateEvent> Updater::finish() {
    worker_.join();
    update::StickImport r = std::move(*result_);
    result_.reset();
    log_info(r.summary());
    UpdateEvent ev;
    if (!r.ok()) {
        ev.kind = UpdateEvent::Kind::Refused;
        ev.reason = r.error ? r.error->message : kNoBundle;
        if (ev.reason.find(update::kOlderThanActive) != std::string::npos)
            pending_downgrade_ = r.stick_dir;
        return ev;
    }
    ev.kind = UpdateEvent::Kind::Installed;
    ev.version = r.report->version;
    ev.bundle = load_active();
    if (!ev.bundle) {
        ev.kind = UpdateEvent::Kind::Refused;
        ev.reason = "the new content could not be loaded; the previous content stays";
    }
    return ev;
}

// The mount folder may appear only with the first stick: keep trying (once a poll).
void Updater::open_watcher() {
    update::UsbWatcherOptions w;
    w.mount_root = options_.usb_root;
    w.require_mount_point = options_.require_mount_point;
    if (auto watcher = update::UsbWatcher::open(w))
        watcher_.emplace(std::move(watcher.value()));
}

std::optional<UpdateEvent> Updater::poll() {
    if (busy()) {
        if (done_)
            return finish();
        std::lock_guard lock(mutex_);
        return UpdateEvent{UpdateEvent::Kind::Progress, fraction_, stage_, 0, {}, nullptr};
    }
    if (!watcher_)
        open_watcher();
    if (watcher_) {
        for (auto& stick : watcher_->poll()) {
            if (options_.on_stick)
                options_.on_stick(stick.stick_dir);
            if (stick.bundles.empty()) {
                // Staff plugged in a stick without an update: tell them, do nothing.
                log_info("USB stick " + stick.stick_dir.string() + ": " + kNoBundle);
                UpdateEvent ev;
                ev.kind = UpdateEvent::Kind::Refused;
                ev.reason = kNoBundle;
                return ev;
            }
            start(stick.stick_dir);
            return UpdateEvent{UpdateEvent::Kind::Progress, 0, "reading", 0, {}, nullptr};
        }
    }
    // Installed from outside the app (the image's USB service runs `kiosk import`).
    const auto st = update::status(options_.data_dir);
    const int64_t now_active = st.active ? st.active->version : 0;
    if (now_active != active_version_ && now_active != 0) {
        UpdateEvent ev;
        ev.kind = UpdateEvent::Kind::Installed;
        ev.bundle = load_active();
        ev.version = active_version_;
        if (ev.bundle)
            return ev;
        active_version_ = now_active;  // unloadable: do not retry every second
    }
    return std::nullopt;
}

}  // namespace kiosk::app
