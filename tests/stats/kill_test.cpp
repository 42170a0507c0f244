// Power cuts: SIGKILL a process writing continuously at random moments. Every
// time the database opens, passes PRAGMA integrity_check, and holds every
// record enqueued before the last batch interval (plus a margin for the
// commit itself); nothing in between is missing.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <random>

#include "stats/db.h"
#include "stats/store.h"
#include "stats_env.h"

namespace kiosk::stats {
namespace {

constexpr int kRuns = 50;
constexpr int64_t kBatchMs = 100;
constexpr int64_t kMarginMs = 500;  // one commit with fsync on a loaded machine, under ASan too

int64_t monotonic_ms() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t{ts.tv_sec} * 1000 + ts.tv_nsec / 1'000'000;
}

// Starts the writer; returns its pid once it says it is ready, -1 on failure.
pid_t start_writer(const std::string& db, int run) {
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        const std::string r = std::to_string(run), b = std::to_string(kBatchMs);
        execl(KILL_WRITER, KILL_WRITER, db.c_str(), r.c_str(), b.c_str(), nullptr);
        _exit(127);
    }
    close(fds[1]);
    char buf[8] = {};
    const bool ready = read(fds[0], buf, 6) == 6;
    close(fds[0]);
    return ready ? pid : -1;
}

TEST(KillTest, FiftyPowerCuts) {
    const auto dir = test::temp_dir("kill");
    const std::string db = (dir / kDbName).string();
    std::mt19937 rng(20231);  // fixed seed: a failure can be replayed
    // Wider than one batch interval, so kills land at every phase of a commit.
    std::uniform_int_distribution<int> delay(kBatchMs + kMarginMs + 50, 850);
    int passed = 0;
    for (int run = 0; run < kRuns; ++run) {
        const pid_t pid = start_writer(db, run);
        ASSERT_GT(pid, 0) << "run " << run;
        const int64_t started = monotonic_ms();
        usleep(static_cast<useconds_t>(delay(rng)) * 1000);
        const int64_t killed = monotonic_ms();
        ASSERT_EQ(kill(pid, SIGKILL), 0);
        int status = 0;
        waitpid(pid, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status)) << "run " << run << " ended by itself";

        auto opened = open_db(db, false);
        ASSERT_TRUE(opened) << "run " << run;
        sqlite3* d = opened.value().get();
        Stmt check(d, "PRAGMA integrity_check");
        ASSERT_TRUE(check.row());
        ASSERT_EQ(check.text(0), "ok") << "run " << run;
        const std::string page = "'run" + std::to_string(run) + "'";
        const int64_t n = test::count(d, "SELECT count(*) FROM views WHERE page=" + page);
        const int64_t last_seq =
            test::count(d, "SELECT ifnull(max(depth_pct),-1) FROM views WHERE page=" + page);
        const int64_t newest =
            test::count(d, "SELECT ifnull(max(dwell_ms),0) FROM views WHERE page=" + page);
        EXPECT_EQ(n, last_seq + 1) << "run " << run << ": a record in the middle is missing";
        EXPECT_GE(newest, killed - kBatchMs - kMarginMs)
            << "run " << run << ": lost " << killed - newest << " ms (ran " << killed - started
            << " ms)";
        EXPECT_EQ(test::count(d,
                              "SELECT count(*) FROM visits WHERE ended='quit' AND id NOT IN "
                              "(SELECT visit FROM views)"),
                  0);
        passed += !::testing::Test::HasFailure();
    }
    EXPECT_EQ(passed, kRuns);
}

}  // namespace
}  // namespace kiosk::stats
