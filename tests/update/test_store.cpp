// The data directory at startup: debris cleanup, fallback, rollback, pruning,
// status; plus stick reports and the USB watcher.
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/mount.h>

#include <cstring>

#include "test_util.h"
#include "update/stick.h"
#include "update/store.h"
#include "update/usb_watcher.h"

namespace kiosk::update::test {
namespace {

class StoreTest : public ::testing::Test {
  protected:
    void SetUp() override { key = new_key(); }
    fs::path data() const { return tmp / "data"; }
    void install(std::int64_t v, bool downgrade = false) {
        const fs::path c = tmp / ("c" + std::to_string(v));
        make_content(c, v);
        bundle_file(c, key, v, tmp / ("v" + std::to_string(v) + ".kiosk"),
                    "label " + std::to_string(v));
        auto o = options_for(data(), key);
        o.allow_downgrade = downgrade;
        auto r = import_bundle(tmp / ("v" + std::to_string(v) + ".kiosk"), o, test_validator);
        ASSERT_TRUE(r) << r.error().str();
    }
    Manifest content(std::int64_t v) { return manifest(tmp / ("c" + std::to_string(v))); }
    TempDir tmp;
    SecretKey key;
};

TEST_F(StoreTest, EmptyDataDirMeansBuiltInContent) {
    auto s = ContentStore::open(data());
    ASSERT_TRUE(s) << s.error().str();
    EXPECT_FALSE(s.value().active());
    EXPECT_NE(s.value().status().text().find("built-in content"), std::string::npos);
    EXPECT_TRUE(fs::is_directory(data() / "versions"));
}

TEST_F(StoreTest, OpenCleansDebris) {
    install(1);
    fs::create_directories(data() / "staging/abc123/content/areas");
    write_text(data() / "staging/abc123/content/event.yaml", "half");
    fs::create_symlink("versions/999", data() / "current.tmp");
    write_text(data() / "versions/1/info.txt.tmp-1234", "x");
    auto s = ContentStore::open(data());
    ASSERT_TRUE(s);
    EXPECT_TRUE(fs::is_empty(data() / "staging"));
    EXPECT_FALSE(fs::exists(fs::symlink_status(data() / "current.tmp")));
    EXPECT_FALSE(fs::exists(data() / "versions/1/info.txt.tmp-1234"));
    EXPECT_EQ(s.value().active()->version, 1);
}

TEST_F(StoreTest, MarkBadFallsBackToNewestPreviousGood) {
    install(1);
    install(2);
    install(3);
    auto s = ContentStore::open(data()).value();
    auto r = s.mark_bad(3);
    ASSERT_TRUE(r) << r.error().str();
    ASSERT_TRUE(r.value());
    EXPECT_EQ(r.value()->version, 2);
    EXPECT_EQ(manifest(*s.active_content_dir()), content(2));
    EXPECT_NE(read_text(data() / "import.log").find("fallback"), std::string::npos);
    // Survives a restart, and status shows the bad one.
    auto again = ContentStore::open(data()).value();
    EXPECT_EQ(again.active()->version, 2);
    EXPECT_NE(again.status().text().find("could not be loaded"), std::string::npos);
}

TEST_F(StoreTest, SelectLoadableWalksBackThenBuiltIn) {
    install(1);
    install(2);
    auto s = ContentStore::open(data()).value();
    std::vector<fs::path> tried;
    auto got = s.select_loadable([&](const fs::path& p) {
        tried.push_back(p);
        return read_text(p / "event.yaml").find("version: 1") != std::string::npos;
    });
    ASSERT_TRUE(got);
    EXPECT_EQ(got->version, 1);
    EXPECT_EQ(tried.size(), 2u);
    auto none = s.select_loadable([](const fs::path&) { return false; });
    EXPECT_FALSE(none);
    EXPECT_FALSE(ContentStore::open(data()).value().active());
}

TEST_F(StoreTest, CurrentPointingAtMissingVersionFallsBackOnOpen) {
    install(1);
    install(2);
    fs::remove_all(data() / "versions/2");
    auto s = ContentStore::open(data()).value();
    ASSERT_TRUE(s.active());
    EXPECT_EQ(s.active()->version, 1);
}

TEST_F(StoreTest, RollbackToPrevious) {
    install(1);
    install(2);
    auto s = ContentStore::open(data()).value();
    auto r = s.rollback();
    ASSERT_TRUE(r) << r.error().str();
    EXPECT_EQ(r.value().version, 1);
    EXPECT_EQ(manifest(*s.active_content_dir()), content(1));
    auto none = s.rollback();
    ASSERT_FALSE(none);
    EXPECT_NE(none.error().message.find("no earlier version"), std::string::npos);
}

TEST_F(StoreTest, PruneKeepsNAndNeverActiveOrPrevious) {
    for (int v = 1; v <= 5; ++v)
        install(v);
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(data() / "versions"))
        left.push_back(e.path().filename());
    std::sort(left.begin(), left.end());
    EXPECT_EQ(left, (std::vector<std::string>{"3", "4", "5"}));
    // Downgrade to 3: 3 is active, 5 is its "previous", and 4 fills the third slot.
    install(3, /*downgrade=*/true);
    install(2, /*downgrade=*/true);  // active 2, previous 3, newest good 5 kept; 4 pruned
    left.clear();
    for (const auto& e : fs::directory_iterator(data() / "versions"))
        left.push_back(e.path().filename());
    std::sort(left.begin(), left.end());
    EXPECT_EQ(left, (std::vector<std::string>{"2", "3", "5"}));
    EXPECT_TRUE(fs::is_empty(data() / "staging"));
}

TEST_F(StoreTest, StatusText) {
    install(1);
    install(2);
    const StoreStatus st = update::status(data());
    ASSERT_TRUE(st.active);
    EXPECT_EQ(st.active->version, 2);
    EXPECT_EQ(st.active->label, "label 2");
    ASSERT_EQ(st.kept.size(), 1u);
    EXPECT_EQ(st.kept[0].version, 1);
    const std::string t = st.text();
    EXPECT_NE(t.find("Showing version 2 \"label 2\""), std::string::npos) << t;
    EXPECT_NE(t.find("version 1 \"label 1\""), std::string::npos) << t;
    EXPECT_NE(t.find("(previous)"), std::string::npos) << t;
}

TEST_F(StoreTest, StickImportWritesReport) {
    install(1);
    make_content(tmp / "c2", 2);
    fs::create_directories(tmp / "stick");
    bundle_file(tmp / "c2", key, 2, tmp / "stick/zhejiang-week.kiosk", "Day 2");
    write_text(tmp / "stick/._zhejiang-week.kiosk", "macOS junk");
    auto r = import_from_stick(tmp / "stick", options_for(data(), key), test_validator);
    ASSERT_TRUE(r.ok()) << r.summary();
    EXPECT_EQ(r.summary(), "updated to version 2 (Day 2)");
    EXPECT_TRUE(r.report_written);
    const std::string rep = read_text(tmp / "stick/kiosk-report.txt");
    EXPECT_NE(rep.find("updated to version 2"), std::string::npos) << rep;

    // A refusal is reported with its reason.
    write_bytes(tmp / "stick/zhejiang-week.kiosk", {'x'});
    r = import_from_stick(tmp / "stick", options_for(data(), key), test_validator);
    EXPECT_FALSE(r.ok());
    EXPECT_NE(read_text(tmp / "stick/kiosk-report.txt").find("NOT UPDATED"), std::string::npos);

    // Two bundles: refuse to guess.
    write_text(tmp / "stick/other.KIOSK", "x");
    r = import_from_stick(tmp / "stick", options_for(data(), key), test_validator);
    EXPECT_NE(r.summary().find("2 update files"), std::string::npos) << r.summary();
}

TEST_F(StoreTest, UnwritableStickDoesNotFailImport) {
    install(1);
    make_content(tmp / "c2", 2);
    fs::create_directories(
        tmp / "stick/kiosk-report.txt");  // rename() over a dir fails, like a read-only stick
    bundle_file(tmp / "c2", key, 2, tmp / "stick/u.kiosk");
    auto r = import_from_stick(tmp / "stick", options_for(data(), key), test_validator);
    EXPECT_TRUE(r.ok()) << r.summary();
    EXPECT_FALSE(r.report_written);
    EXPECT_EQ(ContentStore::open(data()).value().active()->version, 2);
}

TEST(UsbWatcher, SeesNewSticksAndTheirBundles) {
    TempDir root;
    fs::create_directories(root / "already");
    auto w = UsbWatcher::open({root.path(), /*require_mount_point=*/false});
    ASSERT_TRUE(w) << w.error().str();
    auto ev = w.value().poll();
    ASSERT_EQ(ev.size(), 1u);  // present at start
    EXPECT_TRUE(ev[0].bundles.empty());
    EXPECT_TRUE(w.value().poll().empty());

    fs::create_directories(root / "sdb1");
    write_text(root / "sdb1/update.kiosk", "x");
    write_text(root / "sdb1/notes.txt", "x");
    pollfd p{w.value().fd(), POLLIN, 0};
    EXPECT_EQ(::poll(&p, 1, 1000), 1);  // the app's loop would wake up
    ev = w.value().poll();
    ASSERT_EQ(ev.size(), 1u);
    EXPECT_EQ(ev[0].stick_dir, root / "sdb1");
    ASSERT_EQ(ev[0].bundles.size(), 1u);
    EXPECT_EQ(ev[0].bundles[0].filename(), "update.kiosk");
    EXPECT_TRUE(w.value().poll().empty());

    fs::remove_all(root / "sdb1");
    EXPECT_TRUE(w.value().poll().empty());
    fs::create_directories(root / "sdb1");  // plugged in again
    EXPECT_EQ(w.value().poll().size(), 1u);
}

TEST(UsbWatcher, OnlyMountPointsCountByDefault) {
    TempDir root;
    auto w = UsbWatcher::open({root.path()});
    ASSERT_TRUE(w);
    fs::create_directories(root / "sdc1");  // created by udev but not mounted yet
    EXPECT_TRUE(w.value().poll().empty());
}

TEST(UsbWatcher, NoticesMountAfterMkdir) {
    // udev makes the directory first and mounts a moment later: the mkdir
    // alone is no stick, the mount (seen via /proc/self/mountinfo) is.
    TempDir root;
    auto w = UsbWatcher::open({root.path()});
    ASSERT_TRUE(w);
    EXPECT_TRUE(w.value().poll().empty());
    fs::create_directories(root / "sdd1");
    EXPECT_TRUE(w.value().poll().empty());
    if (::mount("tmpfs", (root / "sdd1").c_str(), "tmpfs", 0, "size=1m") != 0)
        GTEST_SKIP() << "cannot mount tmpfs here (needs root): " << std::strerror(errno);
    write_text(root / "sdd1/week.kiosk", "x");
    pollfd p{w.value().fd(), POLLIN, 0};
    EXPECT_EQ(::poll(&p, 1, 1000), 1);
    auto ev = w.value().poll();
    ::umount2((root / "sdd1").c_str(), MNT_DETACH);
    ASSERT_EQ(ev.size(), 1u);
    EXPECT_EQ(ev[0].bundles.size(), 1u);
    EXPECT_TRUE(w.value().poll().empty());  // unmounted: gone, no new event
    // Same directory, stick plugged in again: a new event.
    ASSERT_EQ(::mount("tmpfs", (root / "sdd1").c_str(), "tmpfs", 0, "size=1m"), 0);
    pollfd p2{w.value().fd(), POLLIN, 0};
    (void)::poll(&p2, 1, 100);  // like the app's loop: may consume the kernel's flag
    EXPECT_EQ(w.value().poll().size(), 1u);
    ::umount2((root / "sdd1").c_str(), MNT_DETACH);
}

TEST(UsbWatcher, MissingRootIsAnError) {
    auto w = UsbWatcher::open({"/nonexistent/kiosk-usb"});
    ASSERT_FALSE(w);
}

}  // namespace
}  // namespace kiosk::update::test
