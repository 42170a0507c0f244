// The one owner of "what content is active": imports from USB sticks,
// rollback, accepting a downgrade, and noticing a version installed from
// outside (the image's USB service runs `kiosk import`). The start-up choice
// is content_choice.h, which this service also uses to load what it switches to.
//
// Threads: all work runs on the service's own worker thread, which owns the
// USB watcher, the import and its validator (made on the worker by
// make_validator for each import, e.g. with a FontStack of its own), and the
// fleet sync hooks (FleetGlue) when options.fleet is set. The UI thread talks
// to it only through two queues: requests in (rollback(), accept_downgrade())
// and events out (poll()), whose payload is immutable
// (shared_ptr<const content::Bundle>). event_fd() becomes readable when poll()
// has news, and `wake` is called on the worker for loops that sleep elsewhere.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/content_choice.h"
#include "app/fleet_glue.h"
#include "base/device_paths.h"
#include "content/model.h"
#include "update/handles.h"
#include "update/stick.h"

namespace kiosk::app {

// The import step, pluggable: in-process (update::import_from_stick) by
// default; an isolated child process can take its place.
using StickImporter = std::function<update::StickImport(
    const std::filesystem::path& stick, const update::ImportOptions& options,
    const update::ContentValidator& validate, const update::ImportProgress& progress)>;
update::StickImport import_in_process(const std::filesystem::path& stick,
                                      const update::ImportOptions& options,
                                      const update::ContentValidator& validate,
                                      const update::ImportProgress& progress);

struct ContentServiceOptions {
    std::filesystem::path data_dir = paths::kDataDir;
    std::filesystem::path public_key = paths::kPublicKey;
    std::filesystem::path usb_root = paths::kUsbRoot;
    bool require_mount_point = true;
    // Runs on the worker for each import: the validator. It must own what it
    // uses (its own FontStack, freed after the import); nothing of the UI thread's.
    std::function<update::ContentValidator()> make_validator;
    StickImporter import = import_in_process;
    ContentLoader load = load_content;
    std::function<void()> wake;  // on the worker, after an event was queued
    bool watch_usb = true;       // false: rollback only (headless previews)
    int recheck_ms = 1000;       // how often the worker looks at the store and the mount folder
    // Fleet sync (docs/integrator.md, section 11): set on the device. The
    // worker alone makes and uses its FleetGlue; installs from peers arrive
    // as Installed events, like a USB import.
    std::optional<FleetPaths> fleet;
    int fleet_tick_ms = 2000;  // how often the worker looks at the peers' share folders
};

// What the screen should say, and content to show, after poll().
struct ContentEvent {
    // StickInserted: a stick was mounted (the UI writes the visitor statistics to it).
    enum class Kind { Progress, Installed, RolledBack, RollbackFailed, Refused, StickInserted };
    Kind kind = Kind::Progress;
    double fraction = 0;  // Progress
    std::string stage;    // Progress
    int64_t version = 0;  // Installed, RolledBack: now active
    // Refused, RollbackFailed: the full reason, for staff (never for visitors).
    std::string reason;
    ErrorKind error = ErrorKind::Unspecified;
    std::shared_ptr<const content::Bundle> bundle;  // Installed, RolledBack
    bool downgrade_pending = false;  // after this event: an older version waits for staff
    std::filesystem::path stick;     // StickInserted: its mount folder
};
const char* event_kind_name(ContentEvent::Kind k);

class ContentService {
  public:
    // `shown_version`: the installed version the UI shows now (0: built-in),
    // so the first look at the store does not report it as new.
    ContentService(ContentServiceOptions options, int64_t shown_version);
    ~ContentService();  // stops the worker; an import in progress finishes first
    ContentService(const ContentService&) = delete;
    ContentService& operator=(const ContentService&) = delete;

    // UI thread. Non-blocking: the next event, if any.
    std::optional<ContentEvent> poll();
    // UI thread: poll() until a result (not Progress, not StickInserted), or `timeout_ms`.
    std::optional<ContentEvent> wait_result(int timeout_ms);
    int event_fd() const { return events_fd_.get(); }

    // Requests, answered by events (RolledBack / RollbackFailed, Installed / Refused).
    void rollback();
    void accept_downgrade();

  private:
    enum class Request { Rollback, AcceptDowngrade };
    class Worker;

    void post(ContentEvent ev);  // worker thread
    std::optional<Request> next_request();
    void run();

    ContentServiceOptions options_;
    update::UniqueFd events_fd_, requests_fd_;  // eventfds: worker → UI, UI → worker
    std::mutex mutex_;                          // guards the two queues and stop_
    std::deque<ContentEvent> events_;
    std::deque<Request> requests_;
    bool stop_ = false;
    std::unique_ptr<Worker> state_;  // touched by the worker thread only
    std::thread thread_;             // last: starts after everything above exists
};

}  // namespace kiosk::app
