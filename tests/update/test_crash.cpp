// Power cuts and full disks: whatever happens, the active content is the
// complete old or the complete new version, never a mix.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <random>
#include <thread>

#include "test_util.h"
#include "update/store.h"

namespace kiosk::update::test {
namespace {

// Imports in a child process that is SIGKILLed either at a named commit point
// or after `delay`; returns after the child is gone.
void import_in_child_and_kill(const fs::path& bundle, const ImportOptions& base,
                              const std::string& crash_at, std::chrono::microseconds delay) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        ImportOptions o = base;
        if (!crash_at.empty())
            o.crash_point = [&](std::string_view p) {
                if (p == crash_at)
                    ::raise(SIGKILL);
            };
        auto r = import_bundle(bundle, o, test_validator);
        ::_exit(r ? 0 : 1);
    }
    if (crash_at.empty()) {
        std::this_thread::sleep_for(delay);
        ::kill(pid, SIGKILL);
    }
    int st = 0;
    ASSERT_EQ(::waitpid(pid, &st, 0), pid);
    if (!crash_at.empty()) {
        EXPECT_TRUE(WIFSIGNALED(st)) << "crash point " << crash_at << " never reached";
    }
}

TEST(Crash, KilledImportLeavesOldOrNewNeverAMix) {
    TempDir tmp;
    const SecretKey key = new_key();
    const fs::path data = tmp / "data";
    constexpr int kRuns = 60;
    std::vector<Manifest> manifests(kRuns + 2);
    for (int v = 1; v <= kRuns + 1; ++v) {
        const fs::path c = tmp / ("c" + std::to_string(v));
        make_content(c, v, 256 << 10);
        manifests[v] = manifest(c);
        bundle_file(c, key, v, tmp / (std::to_string(v) + ".kiosk"));
    }
    const auto opt = options_for(data, key);
    auto t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(import_bundle(tmp / "1.kiosk", opt, test_validator));
    const auto import_time = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - t0);

    // Named points first (deterministic, with known outcomes), then random kills.
    const std::vector<std::pair<std::string, bool>> points = {
        {"after-read", false},   {"after-unpack", false}, {"after-validate", false},
        {"after-rename", false}, {"after-switch", true},  {"after-prune", true}};
    std::mt19937 rng(12345);
    std::uniform_int_distribution<long> delay_us(0,
                                                 std::max<long>(2000, import_time.count() * 3 / 2));
    std::int64_t active = 1;
    int saw_old = 0, saw_new = 0;
    for (int run = 0; run < kRuns; ++run) {
        const std::int64_t next = run + 2;
        const bool named = run < static_cast<int>(points.size()) * 2;
        const std::string point = named ? points[run % points.size()].first : "";
        SCOPED_TRACE("run " + std::to_string(run) +
                     (named ? " crash at " + point : " random kill"));
        import_in_child_and_kill(tmp / (std::to_string(next) + ".kiosk"), opt, point,
                                 std::chrono::microseconds(delay_us(rng)));

        auto store = ContentStore::open(data);
        ASSERT_TRUE(store);
        auto now = store.value().active();
        ASSERT_TRUE(now) << "nothing active after a crash";
        const Manifest m = manifest(now->content_dir());
        if (now->version == next) {
            EXPECT_EQ(m, manifests[next]);
            ++saw_new;
        } else {
            ASSERT_EQ(now->version, active) << "active version is neither old nor new";
            EXPECT_EQ(m, manifests[active]);
            ++saw_old;
        }
        if (named) {
            EXPECT_EQ(now->version == next, points[run % points.size()].second);
        }
        active = now->version;
        EXPECT_TRUE(fs::is_empty(data / "staging")) << "debris survived open()";
        EXPECT_FALSE(fs::exists(fs::symlink_status(data / "current.tmp")));
        EXPECT_LE(
            std::distance(fs::directory_iterator(data / "versions"), fs::directory_iterator{}),
            opt.keep_versions)
            << "versions pile up after crashes";
    }
    // Both outcomes must actually occur, or the random delays test nothing.
    EXPECT_GT(saw_old, 0);
    EXPECT_GT(saw_new, 0);
    RecordProperty("import_us", static_cast<int>(import_time.count()));
}

// A tmpfs small enough to fill during unpack (needs root and mount rights).
class SmallFs {
  public:
    explicit SmallFs(const fs::path& dir) : dir_(dir) {
        fs::create_directories(dir);
        mounted_ = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=2m") == 0;
    }
    ~SmallFs() {
        if (mounted_)
            ::umount2(dir_.c_str(), MNT_DETACH);
    }
    bool mounted() const { return mounted_; }

  private:
    fs::path dir_;
    bool mounted_ = false;
};

TEST(Crash, DiskFullDuringUnpack) {
    TempDir tmp;
    if (::geteuid() != 0)
        GTEST_SKIP() << "needs root to mount a 2 MiB tmpfs";
    SmallFs small(tmp / "small");
    if (!small.mounted())
        GTEST_SKIP() << "mount -t tmpfs not permitted here: " << std::strerror(errno);
    const SecretKey key = new_key();
    const fs::path data = tmp / "small/data";
    make_content(tmp / "c1", 1, 100 << 10);
    make_content(tmp / "c2", 2, 3 << 20);  // incompressible 3 MiB: cannot fit
    bundle_file(tmp / "c1", key, 1, tmp / "1.kiosk");
    bundle_file(tmp / "c2", key, 2, tmp / "2.kiosk");
    ASSERT_TRUE(import_bundle(tmp / "1.kiosk", options_for(data, key), test_validator));
    auto r = import_bundle(tmp / "2.kiosk", options_for(data, key), test_validator);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("storage is full"), std::string::npos) << r.error().message;
    EXPECT_TRUE(fs::is_empty(data / "staging"));
    EXPECT_EQ(active_manifest(data), manifest(tmp / "c1"));
    // And the kiosk can still take a bundle that fits.
    make_content(tmp / "c3", 3, 50 << 10);
    bundle_file(tmp / "c3", key, 3, tmp / "3.kiosk");
    auto ok = import_bundle(tmp / "3.kiosk", options_for(data, key), test_validator);
    EXPECT_TRUE(ok) << ok.error().str();
}

TEST(Crash, ConcurrentImportIsRefusedNotInterleaved) {
    TempDir tmp;
    const SecretKey key = new_key();
    make_content(tmp / "c1", 1);
    bundle_file(tmp / "c1", key, 1, tmp / "1.kiosk");
    auto opt = options_for(tmp / "data", key);
    std::optional<Result<ImportReport>> inner;
    opt.crash_point = [&](std::string_view p) {
        if (p == "after-unpack" && !inner) {
            auto o2 = options_for(tmp / "data", key);
            inner.emplace(import_bundle(tmp / "1.kiosk", o2, test_validator));
        }
    };
    auto r = import_bundle(tmp / "1.kiosk", opt, test_validator);
    ASSERT_TRUE(r) << r.error().str();
    ASSERT_TRUE(inner);
    ASSERT_FALSE(*inner);
    EXPECT_NE(inner->error().message.find("another update is in progress"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::update::test
