// USB content updates inside the running kiosk: notices sticks (UsbWatcher),
// imports the signed bundle on a worker thread while the screen keeps drawing,
// and hands the new content to the app. Also notices a version installed from
// outside (e.g. `kiosk import` run by the image's USB service).
//
// Threading: poll() runs on the main thread only; the worker touches only the
// data directory and the shared Progress (under a mutex).
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "content/model.h"
#include "input/gesture.h"
#include "update/import.h"
#include "update/stick.h"
#include "update/usb_watcher.h"

namespace kiosk::app {

struct UpdaterOptions {
    std::filesystem::path data_dir;
    std::filesystem::path public_key;
    std::filesystem::path usb_root = "/media/kiosk-usb";
    bool require_mount_point = true;
    update::ContentValidator validate;
    // A stick was plugged in (statistics reports are written to it).
    std::function<void(const std::filesystem::path& stick)> on_stick;
};

// What the screen should say, and new content to show, after a poll().
struct UpdateEvent {
    enum class Kind { Progress, Installed, Refused };
    Kind kind = Kind::Progress;
    double fraction = 0;
    std::string stage;
    int64_t version = 0;
    std::string reason;                             // Refused: why, in words staff understand
    std::shared_ptr<const content::Bundle> bundle;  // Installed
};

// The data directory's active content, falling back past damaged versions
// (and marking them bad, logged). nullptr when nothing installed loads.
std::shared_ptr<const content::Bundle> load_installed_content(const std::filesystem::path& data_dir,
                                                              int64_t* version = nullptr);

class Updater {
  public:
    explicit Updater(UpdaterOptions options);
    ~Updater();
    Updater(const Updater&) = delete;
    Updater& operator=(const Updater&) = delete;

    bool busy() const { return worker_.joinable(); }
    // Non-blocking; call from the main loop (about once a second when idle,
    // every frame while busy).
    std::optional<UpdateEvent> poll();
    int64_t active_version() const { return active_version_; }
    // A stick offered an older version than the one shown: staff may accept it.
    bool downgrade_pending() const { return !pending_downgrade_.empty() && !busy(); }
    void accept_downgrade();

    // Loads the store's active content (falling back past damaged versions).
    // nullptr when nothing is installed or nothing installed loads.
    std::shared_ptr<const content::Bundle> load_active();

  private:
    void start(const std::filesystem::path& stick, bool allow_downgrade = false);
    std::optional<UpdateEvent> finish();
    void open_watcher();

    UpdaterOptions options_;
    std::optional<update::UsbWatcher> watcher_;
    std::thread worker_;
    std::mutex mutex_;
    double fraction_ = 0;
    std::string stage_;
    std::optional<update::StickImport> result_;  // set by the worker when done
    std::atomic<bool> done_{false};
    int64_t active_version_ = 0;
    std::filesystem::path pending_downgrade_;  // the stick holding an older version
};

}  // namespace kiosk::app
