// Importing in a child process: the second wall behind bounded loading. The
// child (`EXE import SOURCE --data DIR --pubkey KEY --report-fd 3`) verifies,
// unpacks, validates and installs under resource limits (address space, CPU
// time, open files, no new privileges) and a wall-clock timeout, so a blow-up
// nobody foresaw costs one refused update, never the visitor's screen. The
// child reports progress and its result over a pipe (protocol: commands.h).
//
// One call, blocking: run it on a worker thread; `progress` is called on that
// thread. Shares nothing mutable with the caller.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "update/import.h"

namespace kiosk::update {

struct IsolationLimits {
    std::uint64_t address_space_bytes = 512ull << 20;  // RLIMIT_AS (virtual: maps included)
    int cpu_seconds = 30;                              // RLIMIT_CPU, then SIGKILL
    int open_files = 64;                               // RLIMIT_NOFILE
    std::chrono::milliseconds timeout{90'000};         // wall clock, then SIGKILL
};

struct IsolatedImportRequest {
    fs::path source;      // a .kiosk file or a USB stick folder (kiosk-report.txt is written)
    fs::path data_dir;    // DATA (docs/bundles.md)
    fs::path public_key;  // the trusted staff.pub
    bool allow_downgrade = false;
    fs::path executable = "/proc/self/exe";  // the kiosk executable (its `import` command)
    IsolationLimits limits;
};

enum class IsolatedOutcome {
    Installed,
    AlreadyActive,
    Refused,          // the bundle was checked and refused; message says why
    OlderThanActive,  // refused: staff may confirm the downgrade (allow_downgrade)
    OverLimit,        // the child hit its memory or CPU limit
    TimedOut,         // the child ran past the timeout and was killed
    Crashed,          // the child died without a result
    CannotStart,      // fork/exec failed
};

// CPU time from wait4()'s rusage. Peak memory is the child's own VmHWM, sent
// on the pipe: Linux carries a forked child's pre-exec resident size (that is,
// the parent's) into ru_maxrss, so rusage would report the UI's memory.
struct ChildUsage {
    std::int64_t max_rss_kib = 0;  // 0 when the child died before reporting it
    double cpu_seconds = 0;        // user + system
    double wall_seconds = 0;
};

struct IsolatedImportResult {
    IsolatedOutcome outcome = IsolatedOutcome::CannotStart;
    std::string message;  // one line for the screen: "updated to version 7 (Day 2)" or why not
    std::int64_t version = 0;
    ChildUsage usage;
    bool ok() const {
        return outcome == IsolatedOutcome::Installed || outcome == IsolatedOutcome::AlreadyActive;
    }
};

IsolatedImportResult import_isolated(const IsolatedImportRequest& request,
                                     const ImportProgress& progress = {});

// The child's side of the pipe: one line per event ("progress", "result").
std::string encode_progress_line(double fraction, std::string_view stage);
std::string encode_result_line(IsolatedOutcome outcome, std::int64_t version,
                               std::string_view message);
// "peak-kib N": this process's peak resident memory (VmHWM) so far.
std::string encode_peak_line();

}  // namespace kiosk::update
