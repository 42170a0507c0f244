#include "update/usb_watcher.h"

#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <sys/stat.h>

#include "update/stick.h"

namespace kiosk::update {

Result<UsbWatcher> UsbWatcher::open(const UsbWatcherOptions& options) {
    UniqueFd ep(::epoll_create1(EPOLL_CLOEXEC));
    if (!ep.valid())
        return make_error(options.mount_root, "epoll: " + describe_errno(errno));
    UniqueFd in(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
    if (!in.valid())
        return make_error(options.mount_root, "inotify: " + describe_errno(errno));
    // IN_CREATE/IN_DELETE: the udev helper makes and removes the mount dirs.
    if (::inotify_add_watch(in.get(), options.mount_root.c_str(),
                            IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_ONLYDIR) < 0)
        return make_error(options.mount_root,
                          "cannot watch the USB mount folder: " + describe_errno(errno));
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = in.get();
    if (::epoll_ctl(ep.get(), EPOLL_CTL_ADD, in.get(), &ev) != 0)
        return make_error(options.mount_root, "epoll: " + describe_errno(errno));
    // The mount itself happens after mkdir; the kernel flags /proc/self/mountinfo
    // with POLLPRI whenever the mount table changes. Optional: without it we
    // still see sticks whose directory appears already mounted.
    UniqueFd mounts(::open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC));
    if (mounts.valid()) {
        ev.events = EPOLLPRI;
        ev.data.fd = mounts.get();
        if (::epoll_ctl(ep.get(), EPOLL_CTL_ADD, mounts.get(), &ev) != 0)
            mounts.reset();
    }
    return UsbWatcher(options, std::move(ep), std::move(in), std::move(mounts));
}

bool UsbWatcher::is_stick(const fs::path& dir, unsigned long root_dev) const {
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        return false;
    return !options_.require_mount_point || st.st_dev != root_dev;
}

std::set<fs::path> UsbWatcher::present(std::set<fs::path>& pending) const {
    std::set<fs::path> out;
    pending.clear();
    struct stat root {};
    if (::stat(options_.mount_root.c_str(), &root) != 0)
        return out;
    std::error_code ec;
    for (fs::directory_iterator it(options_.mount_root, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (is_stick(it->path(), root.st_dev))
            out.insert(it->path());
        else if (fs::is_directory(it->symlink_status(ec)))
            pending.insert(it->path());
    }
    return out;
}

std::vector<StickEvent> UsbWatcher::poll() {
    bool changed = first_;
    first_ = false;
    // Drain inotify first: it is level-triggered in the epoll set.
    alignas(inotify_event) char buf[4096];
    while (::read(inotify_.get(), buf, sizeof buf) > 0)
        changed = true;
    epoll_event evs[4];
    if (::epoll_wait(epoll_.get(), evs, 4, 0) > 0)
        changed = true;
    // The kernel clears the mount-table flag whenever anyone polls it, and the
    // app polling fd() does exactly that before calling us; so also look
    // directly at the few directories whose mount state we care about.
    if (!changed) {
        struct stat root {};
        if (::stat(options_.mount_root.c_str(), &root) == 0) {
            for (const auto& d : pending_)
                changed = changed || is_stick(d, root.st_dev);
            for (const auto& d : seen_)
                changed = changed || !is_stick(d, root.st_dev);
        }
    }
    std::vector<StickEvent> events;
    if (!changed)
        return events;
    const auto now = present(pending_);
    for (auto it = seen_.begin(); it != seen_.end();)
        it = now.count(*it) ? std::next(it) : seen_.erase(it);
    for (const auto& dir : now) {
        if (!seen_.insert(dir).second)
            continue;
        events.push_back({dir, find_bundles(dir)});
    }
    return events;
}

}  // namespace kiosk::update
