// Importing from a USB stick: pick the bundle, import it, and leave a
// kiosk-report.txt on the stick saying what happened (when it is writable).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "update/import.h"

namespace kiosk::update {

inline constexpr const char* kReportFileName = "kiosk-report.txt";

// Regular *.kiosk files at the top level of a stick (not following symlinks;
// hidden files such as macOS "._x.kiosk" skipped), sorted by name.
std::vector<fs::path> find_bundles(const fs::path& stick_dir);

// Why find_bundles found nothing, in words for staff: names an "x.kiosk" that
// is a symbolic link, FIFO or folder, else "no update file".
Diagnostic no_bundle_reason(const fs::path& stick_dir);

struct StickImport {
    fs::path stick_dir;
    std::optional<fs::path> bundle;      // the file tried, if any
    std::optional<ImportReport> report;  // on success (incl. "already active")
    std::optional<Diagnostic> error;     // why nothing changed
    bool report_written = false;         // kiosk-report.txt made it onto the stick

    bool ok() const { return report.has_value(); }
    // One line for the screen: "updated to version 7 (Day 2)" / "not updated: ...".
    std::string summary() const;
};

// Never fails because the stick is read-only: the report is best effort.
StickImport import_from_stick(const fs::path& stick_dir, const ImportOptions& options,
                              const ContentValidator& validate,
                              const ImportProgress& progress = {});

// The text of kiosk-report.txt.
std::string render_report(const StickImport& result, const StoreStatus& after);

// Writes kiosk-report.txt (temp file + rename); false if the stick refused.
bool write_stick_report(const fs::path& stick_dir, const std::string& text);

}  // namespace kiosk::update
