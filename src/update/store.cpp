#include "update/store.h"

#include <fcntl.h>

#include <sstream>

#include "base/log.h"

namespace kiosk::update {

namespace {

std::string describe(const VersionInfo& v) {
    std::string s = "version " + std::to_string(v.version);
    if (!v.label.empty())
        s += " \"" + v.label + "\"";
    return s;
}

// Newest good version below `below` if any, else the newest good one at all;
// never `avoid`.
std::optional<VersionInfo> pick_fallback(const DataDir& l, std::optional<std::int64_t> avoid,
                                         std::optional<std::int64_t> below) {
    const auto all = list_versions(l);
    for (const auto& v : all)
        if (!v.bad && v.version != avoid && (!below || v.version < *below))
            return v;
    for (const auto& v : all)
        if (!v.bad && v.version != avoid)
            return v;
    return std::nullopt;
}

}  // namespace

std::string StoreStatus::text() const {
    std::ostringstream o;
    if (active) {
        o << "Showing " << describe(*active) << ", installed " << iso_utc(active->imported_unix)
          << " (bundle made " << iso_utc(active->created_unix) << ")\n";
    } else {
        o << "Showing the built-in content (no update installed)\n";
    }
    if (kept.empty()) {
        o << "No other versions kept.\n";
    } else {
        o << "Other versions kept:\n";
        for (const auto& v : kept) {
            o << "  " << describe(v) << ", installed " << iso_utc(v.imported_unix);
            if (v.bad)
                o << " (could not be loaded)";
            if (active && active->replaced == v.version)
                o << " (previous)";
            o << "\n";
        }
    }
    o << "Data folder: " << data_dir.string() << "\n";
    return o.str();
}

StoreStatus status(const fs::path& data_dir) {
    const DataDir l{data_dir};
    StoreStatus s;
    s.data_dir = data_dir;
    const auto cur = current_version(l);
    for (auto& v : list_versions(l)) {
        if (cur && v.version == *cur && !v.bad)
            s.active = v;
        else
            s.kept.push_back(std::move(v));
    }
    return s;
}

Result<ContentStore> ContentStore::open(const fs::path& data_dir, int keep_versions) {
    DataDir l{data_dir};
    auto made = ensure_data_dir(l);
    if (!made)
        return made.error();
    ContentStore store(l);
    auto lock = DataLock::acquire(l);
    if (!lock)
        return store;  // an import is running; it owns staging, and it will set current
    clean_debris(l);
    std::error_code ec;
    const bool has_link = fs::is_symlink(fs::symlink_status(l.current(), ec));
    const auto cur = current_version(l);
    if (has_link && !cur) {
        auto r = store.fall_back(std::nullopt, "the active version is missing");
        if (!r)
            log_error(r.error().str());
    } else if (cur) {
        if (auto info = read_version(l, *cur); info && info->bad) {
            auto r = store.fall_back(*cur, describe(*info) + " could not be loaded earlier");
            if (!r)
                log_error(r.error().str());
        }
    }
    prune_versions(l, keep_versions);
    return store;
}

std::optional<VersionInfo> ContentStore::active() const {
    const auto cur = current_version(dir_);
    if (!cur)
        return std::nullopt;
    auto info = read_version(dir_, *cur);
    if (!info || info->bad)
        return std::nullopt;
    return info;
}

std::optional<fs::path> ContentStore::active_content_dir() const {
    if (auto a = active())
        return a->content_dir();
    return std::nullopt;
}

Result<std::optional<VersionInfo>> ContentStore::fall_back(std::optional<std::int64_t> avoid,
                                                           const std::string& why) {
    const auto next = pick_fallback(dir_, avoid, avoid);
    if (!next) {
        const std::string msg =
            why + "; no other good version is kept, showing the built-in content";
        log_warn(msg);
        append_log(dir_, "fallback: " + msg);
        return std::optional<VersionInfo>();
    }
    auto s = switch_current(dir_, next->version);
    if (!s)
        return s.error();
    const std::string msg = why + "; switched back to " + describe(*next);
    log_warn(msg);
    append_log(dir_, "fallback: " + msg);
    return std::optional<VersionInfo>(next);
}

Result<std::optional<VersionInfo>> ContentStore::mark_bad(std::int64_t version) {
    auto lock = DataLock::acquire(dir_);
    if (!lock)
        return lock.error();
    const fs::path dir = dir_.version_dir(version);
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return make_error(dir, "no such version is installed");
    auto w = write_file_atomic(dir / "BAD", "marked unloadable at " + iso_utc(now_unix()) + "\n");
    if (!w)
        return w.error();
    if (current_version(dir_) != version)
        return active();
    return fall_back(version, "version " + std::to_string(version) + " could not be loaded");
}

std::optional<VersionInfo> ContentStore::select_loadable(
    const std::function<bool(const fs::path&)>& loads) {
    // Each failed attempt marks one version bad, so this ends after at most
    // as many rounds as there are versions.
    for (auto cur = active(); cur; cur = active()) {
        if (loads(cur->content_dir()))
            return cur;
        auto r = mark_bad(cur->version);
        if (!r) {
            log_error(r.error().str());
            return std::nullopt;
        }
    }
    return std::nullopt;
}

Result<VersionInfo> ContentStore::rollback() {
    auto lock = DataLock::acquire(dir_);
    if (!lock)
        return lock.error();
    const auto cur = active();
    if (!cur)
        return make_error(dir_.data, "no update is active, nothing to go back from");
    std::optional<VersionInfo> target;
    if (cur->replaced)
        if (auto prev = read_version(dir_, *cur->replaced); prev && !prev->bad)
            target = prev;
    if (!target) {
        for (const auto& v : list_versions(dir_))
            if (!v.bad && v.version < cur->version) {
                target = v;
                break;
            }
    }
    if (!target)
        return make_error(dir_.data, "no earlier version is kept on this kiosk");
    auto s = switch_current(dir_, target->version);
    if (!s)
        return s.error();
    append_log(dir_,
               "rollback: from " + describe(*cur) + " to " + describe(*target) + " (staff menu)");
    return *target;
}

}  // namespace kiosk::update
