// Installing a bundle into the data directory. Safe to run on a background
// thread while the app draws: it touches only its arguments and the data
// directory (guarded by DataLock), and reports progress through a callback.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "update/bundle.h"
#include "update/data_dir.h"
#include "update/keys.h"
#include "update/store.h"
#include "update/unpack.h"

namespace kiosk::update {

// Supplied by the content module: errors make the import refuse the bundle.
using ContentValidator =
    std::function<kiosk::Diagnostics(const std::filesystem::path& content_dir)>;

// fraction in [0, 1]; stage is a short English word for the progress bar
// ("reading", "checking signature", "unpacking", "validating", "installing", "done").
// Called on the importing thread.
using ImportProgress = std::function<void(double fraction, std::string_view stage)>;

struct ImportOptions {
    fs::path data_dir = kDefaultDataDir;
    PublicKey trusted_key;
    bool allow_downgrade = false;  // staff confirmed going back to an older version
    int keep_versions = 3;         // installed versions kept (active + previous always)
    std::uint64_t max_bundle_bytes = kDefaultMaxBundleBytes;
    UnpackLimits limits;

    // Test seams (empty in production).
    // Called with the bytes read so far (simulate a stick pulled out mid-read).
    std::function<void(std::uint64_t)> on_read_chunk;
    // Called at named points of the commit sequence (crash-injection tests).
    std::function<void(std::string_view point)> crash_point;
};

enum class ImportOutcome { Installed, AlreadyActive };

// Part of the refusal message for a bundle older than the active version: the
// app recognises it to offer the downgrade in the staff menu.
inline constexpr std::string_view kOlderThanActive = "older than the active version";

struct ImportReport {
    ImportOutcome outcome = ImportOutcome::Installed;
    std::int64_t version = 0;
    std::string label;
    std::optional<std::int64_t> previous;  // version active before
    Diagnostics warnings;                  // from the validator
    std::string message;                   // "updated to version N" / "already ..."
    std::uint64_t bundle_bytes = 0;
    std::uint64_t content_bytes = 0;
};

// Refusals leave the active content untouched and explain themselves in the
// Diagnostic's message; they are also appended to DATA/import.log.
Result<ImportReport> import_bundle(const fs::path& bundle_file, const ImportOptions& options,
                                   const ContentValidator& validate,
                                   const ImportProgress& progress = {});

}  // namespace kiosk::update
