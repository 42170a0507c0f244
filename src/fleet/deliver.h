// A USB stick plugged into any kiosk of a fleet receives every kiosk's status
// and statistics, as found in the synced status folders:
//
//   STICK/kiosk-fleet/README.txt                  what this folder is, for staff
//   STICK/kiosk-fleet/<name>-<id>/status.txt      one folder per kiosk (this one too)
//   STICK/kiosk-fleet/<name>-<id>/stats.csv, stats.html
//
// Peers write anything into the synced folders: everything is bounded
// (DeliveryLimits), names are reduced to letters, digits, '-', '_' and '.',
// symbolic links are never followed (on the share nor on the stick), and what
// was left out is counted and said in the stick's kiosk-report.txt.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fleet/share.h"

namespace kiosk::fleet {

inline constexpr const char* kStickFleetDir = "kiosk-fleet";
inline constexpr const char* kStickReadme = "README.txt";

struct DeliveryLimits {
    std::size_t max_kiosks = 256;
    std::size_t max_files_per_kiosk = 16;
    std::uint64_t max_file_bytes = 16ull << 20;
    std::uint64_t max_total_bytes = 64ull << 20;
};

struct Delivery {
    int kiosks = 0;                    // kiosk folders written
    int with_statistics = 0;           // of which held a stats.csv
    int files = 0;                     // files copied
    std::uint64_t bytes = 0;           // bytes copied
    std::vector<std::string> skipped;  // what was left out and why, one line each
    std::optional<Diagnostic> error;   // copying stopped: stick full, read-only or pulled out
    // The section for kiosk-report.txt.
    std::string text() const;
};

// Copies every kiosk's status folder (SHARE/out/status and SHARE/in/*/status)
// to STICK/kiosk-fleet/, within `limits`. Never throws; a failed write stops
// the copy and is in `error`.
Delivery deliver_to_stick(const fs::path& share_dir, const fs::path& stick_dir,
                          const DeliveryLimits& limits = {});

// Writes delivery.text() to STICK/kiosk-report.txt (temp file + rename),
// after what this plug-in's import wrote there when `after_import_report`
// (else the report of an earlier plug-in is replaced). False when the stick refused.
bool report_delivery(const fs::path& stick_dir, const Delivery& delivery, bool after_import_report);

}  // namespace kiosk::fleet
