// Entry points for the `kiosk` executable's update subcommands. `args` exclude
// the program name and the subcommand word; the return value is the exit code
// (0 ok, 1 refused/failed, 2 usage error). Messages go to out/err.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "update/import.h"

namespace kiosk::update {

inline constexpr const char* kDefaultPublicKey = "/etc/kiosk/staff.pub";

// kiosk keygen --out staff
int run_keygen(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// kiosk bundle content/ --key staff.key --out zhejiang-week.kiosk [--version N] [--label TEXT]
// Validates first and refuses to bundle invalid content.
int run_bundle(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
               const ContentValidator& validate);

// kiosk import FILE|STICK_DIR --data DIR [--pubkey KEY] [--allow-downgrade] [--keep N]
//              [--report-fd FD]
// With a directory, behaves like plugging in that stick (writes kiosk-report.txt).
// --report-fd: the child side of import_isolated() (update/isolated_import.h):
// progress, peak memory and the result as lines on FD; out of memory becomes
// an "over-limit" result instead of a crash.
int run_import(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
               const ContentValidator& validate);

// kiosk status --data DIR
int run_status(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace kiosk::update
