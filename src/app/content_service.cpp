#include "app/content_service.h"

#include <poll.h>
#include <sys/eventfd.h>

#include <chrono>
#include <ctime>

#include "base/log.h"
#include "update/keys.h"
#include "update/store.h"
#include "update/usb_watcher.h"

namespace kiosk::app {

namespace fs = std::filesystem;

namespace {

// Shown to staff when a stick carries no update file (and logged).
constexpr const char* kNoBundle = "no .kiosk file on the stick";
constexpr size_t kMaxQueued = 64;  // the UI drains every frame; a stalled UI cannot grow it

void signal(const update::UniqueFd& fd) {
    const uint64_t one = 1;
    [[maybe_unused]] const auto n = ::write(fd.get(), &one, sizeof one);
}

void drain(const update::UniqueFd& fd) {
    uint64_t count = 0;
    [[maybe_unused]] const auto n = ::read(fd.get(), &count, sizeof count);
}

}  // namespace

update::StickImport import_in_process(const fs::path& stick, const update::ImportOptions& options,
                                      const update::ContentValidator& validate,
                                      const update::ImportProgress& progress) {
    return update::import_from_stick(stick, options, validate, progress);
}

const char* event_kind_name(ContentEvent::Kind k) {
    switch (k) {
        case ContentEvent::Kind::Progress:
            return "progress";
        case ContentEvent::Kind::Installed:
            return "installed";
        case ContentEvent::Kind::RolledBack:
            return "rolled-back";
        case ContentEvent::Kind::RollbackFailed:
            return "rollback-failed";
        case ContentEvent::Kind::Refused:
            return "refused";
        case ContentEvent::Kind::StickInserted:
            return "stick-inserted";
    }
    return "?";
}

// Everything the worker thread owns. Nothing here is reachable from the UI.
class ContentService::Worker {
  public:
    Worker(ContentService& service, int64_t shown) : svc_(service), opt_(service.options_) {
        active_version_ = shown;
    }

    void start() {
        if (opt_.fleet) {
            // Validators are made per check, as for imports: no fonts held between ticks.
            update::ContentValidator validate;
            if (opt_.make_validator)
                validate = [make = opt_.make_validator](const fs::path& dir) {
                    return make()(dir);
                };
            fleet_.emplace(*opt_.fleet, std::move(validate));
        }
        if (!opt_.watch_usb)
            return;
        open_watcher();
        if (!watcher_)
            log_warn("no USB mount folder " + opt_.usb_root.string() + " yet; watching for it");
    }
    int watch_fd() const { return watcher_ ? watcher_->fd() : -1; }

    void handle(Request r) {
        if (r == Request::Rollback)
            rollback();
        else if (!pending_downgrade_.empty())
            import(std::exchange(pending_downgrade_, {}), /*allow_downgrade=*/true);
        else
            log_info("accept downgrade: no older version is waiting");
    }

    void look() {
        if (!watcher_ && opt_.watch_usb)
            open_watcher();
        if (watcher_) {
            for (auto& stick : watcher_->poll()) {
                auto seen = event(ContentEvent::Kind::StickInserted);
                seen.stick = stick.stick_dir;
                svc_.post(std::move(seen));
                // Join a .fleet file first: the stick's bundle is then shared with that fleet.
                if (fleet_)
                    fleet_->on_stick(stick.stick_dir);
                if (stick.bundles.empty()) {
                    // Staff plugged in a stick without an update: tell them, do nothing.
                    // A "*.kiosk" that is a link, FIFO or folder is named as such.
                    const Diagnostic why = update::no_bundle_reason(stick.stick_dir);
                    const std::string reason =
                        why.where.file == stick.stick_dir.string() ? kNoBundle : why.message;
                    log_info("USB stick " + stick.stick_dir.string() + ": " + reason);
                    refuse(reason, ErrorKind::NoBundle);
                    if (fleet_)
                        fleet_->after_stick(stick.stick_dir, false);
                } else {
                    import(stick.stick_dir, false);  // always writes kiosk-report.txt
                    if (fleet_)  // every kiosk's statistics, after the import's report
                        fleet_->after_stick(stick.stick_dir, true);
                }
            }
        }
        notice_outside_install();
        tick_fleet();
    }

  private:
    // Every fleet_tick_ms (the worker wakes every recheck_ms anyway). A peer's
    // bundle installed: switch exactly as after a USB import.
    void tick_fleet() {
        using Clock = std::chrono::steady_clock;
        if (!fleet_ || Clock::now() < next_fleet_tick_)
            return;
        next_fleet_tick_ = Clock::now() + std::chrono::milliseconds(opt_.fleet_tick_ms);
        if (fleet_->tick(static_cast<int64_t>(std::time(nullptr))))
            switch_to_active(ContentEvent::Kind::Installed);
    }

    void open_watcher() {
        update::UsbWatcherOptions w;
        w.mount_root = opt_.usb_root;
        w.require_mount_point = opt_.require_mount_point;
        if (auto watcher = update::UsbWatcher::open(w))
            watcher_.emplace(std::move(watcher.value()));
    }

    ContentEvent event(ContentEvent::Kind kind) const {
        ContentEvent ev;
        ev.kind = kind;
        ev.downgrade_pending = !pending_downgrade_.empty();
        return ev;
    }

    void refuse(std::string reason, ErrorKind kind) {
        auto ev = event(ContentEvent::Kind::Refused);
        ev.reason = std::move(reason);
        ev.error = kind;
        svc_.post(std::move(ev));
    }

    // Loads what the store says is active (falling back past damaged versions)
    // and announces it; the one place the worker switches content.
    bool switch_to_active(ContentEvent::Kind kind) {
        auto loaded = load_installed_content(opt_.data_dir, opt_.load);
        const auto st = update::status(opt_.data_dir);
        active_version_ = st.active ? st.active->version : 0;
        if (!loaded.bundle)
            return false;
        auto ev = event(kind);
        ev.version = loaded.version;
        ev.bundle = std::move(loaded.bundle);
        svc_.post(std::move(ev));
        return true;
    }

    void import(const fs::path& stick, bool allow_downgrade) {
        auto progress = event(ContentEvent::Kind::Progress);
        progress.stage = "reading";
        svc_.post(progress);
        update::StickImport r;
        auto key = update::load_public_key(opt_.public_key);
        if (!key) {
            // No trusted key on this kiosk: nothing can be imported; say so (and on the stick).
            r.stick_dir = stick;
            r.error = key.error();
            r.error->kind = ErrorKind::Signature;
            r.report_written = update::write_stick_report(
                stick, update::render_report(r, update::status(opt_.data_dir)));
        } else {
            // Made for this import and dropped after it: the worker's fonts
            // cost memory only while an import runs.
            const auto validate =
                opt_.make_validator ? opt_.make_validator() : update::ContentValidator{};
            update::ImportOptions io;
            io.data_dir = opt_.data_dir;
            io.allow_downgrade = allow_downgrade;
            io.trusted_key = key.value();
            r = opt_.import(stick, io, validate, [this](double f, std::string_view stage) {
                auto ev = event(ContentEvent::Kind::Progress);
                ev.fraction = f;
                ev.stage = stage;
                svc_.post(std::move(ev));
            });
        }
        log_info(r.summary());
        if (!r.ok()) {
            const ErrorKind kind = r.error ? r.error->kind : ErrorKind::NoBundle;
            if (kind == ErrorKind::Downgrade)
                pending_downgrade_ = r.stick_dir;
            refuse(r.error ? r.error->message : kNoBundle, kind);
            return;
        }
        if (fleet_ && r.bundle)
            fleet_->after_import(*r.bundle);  // offer the verified bundle to the peers
        if (!switch_to_active(ContentEvent::Kind::Installed))
            refuse("the new content could not be loaded; the previous content stays",
                   ErrorKind::Content);
    }

    void rollback() {
        auto store = update::ContentStore::open(opt_.data_dir);
        auto fail = [this](const std::string& why) {
            log_warn("staff rollback: " + why);
            auto ev = event(ContentEvent::Kind::RollbackFailed);
            ev.reason = why;
            svc_.post(std::move(ev));
        };
        if (!store)
            return fail("Cannot open the data folder: " + store.error().message);
        auto v = store.value().rollback();
        if (!v)
            return fail("Not rolled back: " + v.error().message);
        if (!switch_to_active(ContentEvent::Kind::RolledBack))
            return fail("Rolled back, but no installed version loads");
        log_info("staff rollback: showing version " + std::to_string(active_version_));
    }

    // Installed from outside the app (the image's USB service runs `kiosk import`).
    void notice_outside_install() {
        const auto st = update::status(opt_.data_dir);
        const int64_t now_active = st.active ? st.active->version : 0;
        if (now_active != active_version_ && now_active != 0)
            switch_to_active(ContentEvent::Kind::Installed);  // unloadable: not retried
    }

    ContentService& svc_;
    const ContentServiceOptions& opt_;
    std::optional<update::UsbWatcher> watcher_;
    int64_t active_version_ = 0;
    fs::path pending_downgrade_;  // the stick holding a refused older version
    std::optional<FleetGlue> fleet_;
    std::chrono::steady_clock::time_point next_fleet_tick_{};
};

ContentService::ContentService(ContentServiceOptions options, int64_t shown_version)
    : options_(std::move(options)),
      events_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)),
      requests_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)),
      state_(std::make_unique<Worker>(*this, shown_version)),
      thread_([this] { run(); }) {}

ContentService::~ContentService() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    signal(requests_fd_);
    thread_.join();
}

void ContentService::post(ContentEvent ev) {
    {
        std::lock_guard lock(mutex_);
        // Progress is only ever the latest: replace a waiting one.
        if (ev.kind == ContentEvent::Kind::Progress && !events_.empty() &&
            events_.back().kind == ContentEvent::Kind::Progress)
            events_.back() = std::move(ev);
        else if (events_.size() < kMaxQueued)
            events_.push_back(std::move(ev));
    }
    signal(events_fd_);
    if (options_.wake)
        options_.wake();
}

std::optional<ContentEvent> ContentService::poll() {
    std::lock_guard lock(mutex_);
    if (events_.empty()) {
        drain(events_fd_);
        return std::nullopt;
    }
    auto ev = std::move(events_.front());
    events_.pop_front();
    return ev;
}

std::optional<ContentEvent> ContentService::wait_result(int timeout_ms) {
    using Clock = std::chrono::steady_clock;
    const auto end = Clock::now() + std::chrono::milliseconds(timeout_ms);
    while (Clock::now() < end) {
        while (auto ev = poll())
            if (ev->kind != ContentEvent::Kind::Progress &&
                ev->kind != ContentEvent::Kind::StickInserted)
                return ev;
        pollfd p{event_fd(), POLLIN, 0};
        ::poll(&p, 1, 50);
    }
    return std::nullopt;
}

void ContentService::rollback() {
    {
        std::lock_guard lock(mutex_);
        requests_.push_back(Request::Rollback);
    }
    signal(requests_fd_);
}

void ContentService::accept_downgrade() {
    {
        std::lock_guard lock(mutex_);
        requests_.push_back(Request::AcceptDowngrade);
    }
    signal(requests_fd_);
}

std::optional<ContentService::Request> ContentService::next_request() {
    std::lock_guard lock(mutex_);
    if (stop_ || requests_.empty())
        return std::nullopt;
    auto r = requests_.front();
    requests_.pop_front();
    return r;
}

// The worker: sleeps on the stick watcher and the request fd, looks at the
// store every recheck_ms for versions installed from outside.
void ContentService::run() {
    state_->start();
    state_->look();
    for (;;) {
        pollfd fds[2] = {{requests_fd_.get(), POLLIN, 0}, {state_->watch_fd(), POLLIN, 0}};
        ::poll(fds, fds[1].fd >= 0 ? 2 : 1, options_.recheck_ms);
        drain(requests_fd_);
        {
            std::lock_guard lock(mutex_);
            if (stop_)
                return;
        }
        while (auto r = next_request())
            state_->handle(*r);
        state_->look();
    }
}

}  // namespace kiosk::app
