#include "update/isolated_import.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <vector>

#include "base/log.h"
#include "update/stick.h"

namespace kiosk::update {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kReportFd = 3;  // the pipe's end in the child

constexpr std::array<const char*, 8> kOutcomeWords = {
    "installed", "already", "refused", "older", "over-limit", "timed-out", "crashed", "no-start"};

std::string escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

std::string unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            out += s[i + 1] == 'n' ? '\n' : s[i + 1];
            ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

// Parses the child's lines; the last "result" line wins.
struct ChildReport {
    bool has_result = false;
    IsolatedOutcome outcome = IsolatedOutcome::Crashed;
    std::int64_t version = 0;
    std::string message;
    std::int64_t peak_kib = 0;
    std::string pending;  // a partial line

    void feed(std::string_view bytes, const ImportProgress& progress) {
        pending.append(bytes);
        for (auto nl = pending.find('\n'); nl != std::string::npos; nl = pending.find('\n')) {
            line(std::string_view(pending).substr(0, nl), progress);
            pending.erase(0, nl + 1);
        }
        if (pending.size() > (1 << 20))
            pending.clear();  // a child that never ends its line says nothing useful
    }

    void line(std::string_view l, const ImportProgress& progress) {
        if (l.starts_with("progress ")) {
            char stage[64] = {};
            double f = 0;
            if (std::sscanf(std::string(l).c_str(), "progress %lf %63s", &f, stage) == 2 &&
                progress)
                progress(std::clamp(f, 0.0, 1.0), stage);
            return;
        }
        if (l.starts_with("peak-kib ")) {
            peak_kib = std::atoll(std::string(l.substr(9)).c_str());
            return;
        }
        if (!l.starts_with("result "))
            return;
        l.remove_prefix(7);
        const auto sp1 = l.find(' '), sp2 = l.find(' ', sp1 + 1);
        if (sp1 == std::string_view::npos || sp2 == std::string_view::npos)
            return;
        const auto word = l.substr(0, sp1);
        for (std::size_t i = 0; i < kOutcomeWords.size(); ++i) {
            if (word == kOutcomeWords[i]) {
                has_result = true;
                outcome = static_cast<IsolatedOutcome>(i);
                version = std::atoll(std::string(l.substr(sp1 + 1, sp2 - sp1 - 1)).c_str());
                message = unescape(l.substr(sp2 + 1));
            }
        }
    }
};

struct Spawned {
    pid_t pid = -1;
    UniqueFd read_end;
    int error = 0;
};

// Everything the child needs is prepared before fork(): between fork and exec
// only async-signal-safe calls are allowed (the parent has other threads).
Spawned spawn(const IsolatedImportRequest& req) {
    std::vector<std::string> args = {
        req.executable.string(),  "import",   req.source.string(),     "--data",
        req.data_dir.string(),    "--pubkey", req.public_key.string(), "--report-fd",
        std::to_string(kReportFd)};
    if (req.allow_downgrade)
        args.emplace_back("--allow-downgrade");
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const rlimit as{req.limits.address_space_bytes, req.limits.address_space_bytes};
    const rlimit cpu{static_cast<rlim_t>(req.limits.cpu_seconds),
                     static_cast<rlim_t>(req.limits.cpu_seconds) + 1};
    const rlimit files{static_cast<rlim_t>(req.limits.open_files),
                       static_cast<rlim_t>(req.limits.open_files)};
    const rlimit no_core{0, 0};

    Spawned s;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        s.error = errno;
        return s;
    }
    UniqueFd read_end(fds[0]), write_end(fds[1]);
    UniqueFd devnull(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    sigset_t none;
    sigemptyset(&none);
    s.pid = ::fork();
    if (s.pid == 0) {
        // dup2 onto the same number would keep O_CLOEXEC; dup to a free slot first.
        const int w = write_end.get() == kReportFd ? ::dup(kReportFd) : write_end.get();
        if (::dup2(w, kReportFd) < 0 || (devnull.valid() && ::dup2(devnull.get(), 0) < 0))
            ::_exit(126);
        ::close_range(kReportFd + 1, ~0U, 0);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        if (::setrlimit(RLIMIT_AS, &as) != 0 || ::setrlimit(RLIMIT_CPU, &cpu) != 0 ||
            ::setrlimit(RLIMIT_NOFILE, &files) != 0 || ::setrlimit(RLIMIT_CORE, &no_core) != 0 ||
            ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
            ::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0)
            ::_exit(126);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    if (s.pid < 0)
        s.error = errno;
    else
        s.read_end = std::move(read_end);
    return s;
}

double seconds(const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

// Reads the child's lines until it closes the pipe or the deadline passes.
bool follow(int fd, Clock::time_point deadline, ChildReport& report,
            const ImportProgress& progress) {
    std::array<char, 4096> buf;
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0)
            return false;
        pollfd p{fd, POLLIN, 0};
        const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
        if (r < 0 && errno != EINTR)
            return true;
        if (r <= 0)
            continue;
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0)
            return true;  // EOF: the child is done (or dead)
        report.feed(std::string_view(buf.data(), static_cast<std::size_t>(n)), progress);
    }
}

std::string death_message(const IsolatedImportRequest& req, IsolatedOutcome outcome, int status) {
    const std::string keep = "; the kiosk keeps showing what it showed before";
    switch (outcome) {
        case IsolatedOutcome::TimedOut:
            return "checking the update took longer than " +
                   std::to_string(req.limits.timeout.count() / 1000) + " seconds and was stopped" +
                   keep;
        case IsolatedOutcome::OverLimit:
            return "checking the update needed more memory or processor time than any real "
                   "update does (limits " +
                   std::to_string(req.limits.address_space_bytes >> 20) + " MiB, " +
                   std::to_string(req.limits.cpu_seconds) + " s) and was stopped" + keep;
        default:
            return "the update checker stopped unexpectedly (" +
                   (WIFSIGNALED(status) ? "signal " + std::to_string(WTERMSIG(status))
                                        : "exit code " + std::to_string(WEXITSTATUS(status))) +
                   ")" + keep;
    }
}

// A child that died without a result: say why, in the log and on the stick.
void record_death(const IsolatedImportRequest& req, const IsolatedImportResult& r) {
    const std::string line = "import " + req.source.filename().string() + " refused: " + r.message;
    append_log(DataDir{req.data_dir}, line);
    log_warn(line);
    std::error_code ec;
    if (!fs::is_directory(req.source, ec))
        return;
    StickImport s;
    s.stick_dir = req.source;
    s.error = make_error(req.source, r.message);
    write_stick_report(req.source, render_report(s, update::status(req.data_dir)));
}

}  // namespace

std::string encode_progress_line(double fraction, std::string_view stage) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", fraction);
    std::string s(stage);
    std::replace(s.begin(), s.end(), ' ', '-');
    return "progress " + std::string(buf) + " " + s + "\n";
}

std::string encode_peak_line() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.starts_with("VmHWM:"))
            return "peak-kib " + std::to_string(std::atoll(line.c_str() + 6)) + "\n";
    }
    return {};
}

std::string encode_result_line(IsolatedOutcome outcome, std::int64_t version,
                               std::string_view message) {
    return "result " + std::string(kOutcomeWords[static_cast<std::size_t>(outcome)]) + " " +
           std::to_string(version) + " " + escape(message) + "\n";
}

IsolatedImportResult import_isolated(const IsolatedImportRequest& req,
                                     const ImportProgress& progress) {
    IsolatedImportResult r;
    const auto start = Clock::now();
    Spawned child = spawn(req);
    if (child.pid < 0) {
        r.message = "cannot start the update checker: " + describe_errno(child.error);
        return r;
    }
    ChildReport report;
    const bool in_time = follow(child.read_end.get(), start + req.limits.timeout, report, progress);
    if (!in_time)
        ::kill(child.pid, SIGKILL);
    int status = 0;
    rusage ru{};
    while (::wait4(child.pid, &status, 0, &ru) < 0 && errno == EINTR) {
    }
    r.usage.max_rss_kib = report.peak_kib;
    r.usage.cpu_seconds = seconds(ru.ru_utime) + seconds(ru.ru_stime);
    r.usage.wall_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (report.has_result && in_time) {
        r.outcome = report.outcome;
        r.version = report.version;
        r.message = report.message;
        return r;
    }
    const bool cpu_limit =
        WIFSIGNALED(status) &&
        (WTERMSIG(status) == SIGXCPU ||
         (WTERMSIG(status) == SIGKILL && in_time && r.usage.cpu_seconds >= req.limits.cpu_seconds));
    r.outcome = !in_time    ? IsolatedOutcome::TimedOut
                : cpu_limit ? IsolatedOutcome::OverLimit
                            : IsolatedOutcome::Crashed;
    r.message = death_message(req, r.outcome, status);
    record_death(req, r);
    return r;
}

}  // namespace kiosk::update
