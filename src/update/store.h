// The running app's view of the data directory: which content to show, what
// to do when it cannot be loaded, and a status summary for the staff menu.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "update/data_dir.h"

namespace kiosk::update {

inline constexpr const char* kDefaultDataDir = "/var/lib/kiosk";

struct StoreStatus {
    fs::path data_dir;
    std::optional<VersionInfo> active;  // empty: built-in content is shown
    std::vector<VersionInfo> kept;      // other installed versions, newest first
    // Multi-line text for the staff menu and `kiosk status`.
    std::string text() const;
};

// Read-only; never modifies the data directory.
StoreStatus status(const fs::path& data_dir);

class ContentStore {
  public:
    // Creates the layout if missing, deletes debris from interrupted imports
    // (unless an import holds the lock right now), and repairs `current` if it
    // points to a missing or BAD version by falling back to the newest good one.
    // Also prunes to `keep_versions`: an import killed between installing a
    // version and activating it leaves a complete but never-active version dir,
    // and repeated power cuts must not pile those up.
    static Result<ContentStore> open(const fs::path& data_dir = kDefaultDataDir,
                                     int keep_versions = 3);

    // The version to show, or nullopt: show the built-in content.
    std::optional<VersionInfo> active() const;
    std::optional<fs::path> active_content_dir() const;

    // The app could not load `version`: remember that (BAD marker), and if it
    // is active, switch to the newest good older version (or any good one).
    // Returns what is active afterwards.
    Result<std::optional<VersionInfo>> mark_bad(std::int64_t version);

    // Calls `loads(content_dir)` on the active version and marks it bad until
    // one loads; returns the version that loaded or nullopt (built-in content).
    std::optional<VersionInfo> select_loadable(const std::function<bool(const fs::path&)>& loads);

    // Staff menu "go back": activate the version the active one replaced (or
    // the newest good older one). Does not mark anything bad.
    Result<VersionInfo> rollback();

    StoreStatus status() const { return update::status(dir_.data); }
    const fs::path& data_dir() const { return dir_.data; }

  private:
    explicit ContentStore(DataDir l) : dir_(std::move(l)) {}
    // Switches to the best good version other than `avoid`; logs why.
    Result<std::optional<VersionInfo>> fall_back(std::optional<std::int64_t> avoid,
                                                 const std::string& why);
    DataDir dir_;
};

}  // namespace kiosk::update
