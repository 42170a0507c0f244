// The data directory and the few atomic operations on it. Its layout and the
// crash-safety argument: docs/bundles.md, "Data directory".
//
//   DATA/versions/<version>/content/...   complete, fsync'ed content
//   DATA/versions/<version>/info.txt      label, dates, the version it replaced
//   DATA/versions/<version>/BAD           present if the app could not load it
//   DATA/current -> versions/<version>    the active version (atomic symlink)
//   DATA/staging/...                      work in progress; deleted on sight
//   DATA/import.log                       one line per import attempt / fallback
//   DATA/.lock                            flock: one writer at a time
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "update/fsutil.h"

namespace kiosk::update {

struct VersionInfo {
    std::int64_t version = 0;
    std::string label;
    std::int64_t created_unix = 0;         // when the bundle was made
    std::int64_t imported_unix = 0;        // when this kiosk installed it
    std::optional<std::int64_t> replaced;  // version active before this import
    std::string source;                    // bundle file name
    bool bad = false;                      // marked unloadable by the app
    fs::path dir;                          // DATA/versions/<version>
    fs::path content_dir() const { return dir / "content"; }
};

struct DataDir {
    fs::path data;
    fs::path versions() const { return data / "versions"; }
    fs::path staging() const { return data / "staging"; }
    fs::path current() const { return data / "current"; }
    fs::path current_tmp() const { return data / "current.tmp"; }
    fs::path log() const { return data / "import.log"; }
    fs::path lock() const { return data / ".lock"; }
    fs::path version_dir(std::int64_t v) const { return versions() / std::to_string(v); }
};

// Creates DATA, versions/ and staging/ if missing.
Result<Ok> ensure_data_dir(const DataDir& l);

// Exclusive, non-blocking writer lock on DATA/.lock (released on destruction).
class DataLock {
  public:
    static Result<DataLock> acquire(const DataDir& l);
    bool held() const { return fd_.valid(); }

  private:
    explicit DataLock(UniqueFd fd) : fd_(std::move(fd)) {}
    UniqueFd fd_;
};

std::string encode_info(const VersionInfo& info);
std::optional<VersionInfo> read_version(const DataDir& l, std::int64_t version);
// All installed versions, newest (highest number) first.
std::vector<VersionInfo> list_versions(const DataDir& l);
// The version `current` points to, if it points to an installed version dir.
std::optional<std::int64_t> current_version(const DataDir& l);

// Atomically points `current` at versions/<v>: symlink current.tmp, rename()
// it over current, fsync DATA. A crash leaves either the old or the new link.
Result<Ok> switch_current(const DataDir& l, std::int64_t version);

// Moves a directory into staging (atomic, so it vanishes from versions/ at
// once) and deletes it there; a crash mid-delete leaves only staging debris.
Result<Ok> discard_dir(const DataDir& l, const fs::path& dir);

// Deletes everything in staging/ and a stale current.tmp. Caller holds the lock.
void clean_debris(const DataDir& l);

// Keeps `keep` versions: always the active one and the one it replaced, then
// the newest good ones, then (if room) the newest bad ones. Returns the versions removed.
std::vector<std::int64_t> prune_versions(const DataDir& l, int keep);

// Appends "<UTC time> <line>" to import.log and fsyncs it (best effort).
void append_log(const DataDir& l, const std::string& line);

}  // namespace kiosk::update
