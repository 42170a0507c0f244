// Notices USB sticks mounted under a root directory (the udev rule in the
// image mounts each stick read-only, nosuid, nodev, noexec at ROOT/<name>).
// No threads: the app adds fd() to its event loop (or simply calls poll()
// once per frame); poll() never blocks.
#pragma once

#include <set>
#include <vector>

#include "base/result.h"
#include "update/fsutil.h"

namespace kiosk::update {

struct UsbWatcherOptions {
    fs::path mount_root = "/media/kiosk-usb";
    // Only directories that are mount points count as sticks (tests turn this
    // off to use plain directories).
    bool require_mount_point = true;
};

struct StickEvent {
    fs::path stick_dir;
    std::vector<fs::path> bundles;  // find_bundles(stick_dir)
};

class UsbWatcher {
  public:
    static Result<UsbWatcher> open(const UsbWatcherOptions& options = {});

    // Becomes readable when poll() may have news (inotify on the root plus
    // mount-table changes, combined in one epoll fd).
    int fd() const { return epoll_.get(); }

    // Sticks that appeared since the last call (including ones already present
    // at open, on the first call). A stick counts again after it was removed.
    // Cost when nothing happens: one read() on inotify, one epoll_wait(0), and
    // one lstat() per known or pending stick directory.
    std::vector<StickEvent> poll();

  private:
    UsbWatcher(UsbWatcherOptions o, UniqueFd ep, UniqueFd in, UniqueFd mounts)
        : options_(std::move(o)),
          epoll_(std::move(ep)),
          inotify_(std::move(in)),
          mounts_(std::move(mounts)) {}
    // Sticks present now; directories that are not (yet) mount points go to `pending`.
    std::set<fs::path> present(std::set<fs::path>& pending) const;
    bool is_stick(const fs::path& dir, unsigned long root_dev) const;

    UsbWatcherOptions options_;
    UniqueFd epoll_, inotify_, mounts_;
    std::set<fs::path> seen_;
    std::set<fs::path> pending_;  // mount dirs created but not mounted yet
    bool first_ = true;
};

}  // namespace kiosk::update
