// The running kiosk takes a signed bundle from a stick, refuses a tampered one,
// and keeps showing the old content until a new one is complete; rollback
// goes through the same service, so it is announced once and never again.
#include "app/content_service.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "app/validator.h"
#include "app_env.h"
#include "text/text.h"
#include "update/bundle.h"
#include "update/keys.h"
#include "update/store.h"

namespace kiosk::app {
namespace {

namespace fs = std::filesystem;

class ContentServiceTest : public ::testing::Test {
  protected:
    void SetUp() override {
        root_ =
            fs::temp_directory_path() / ("kiosk-updater-" + std::to_string(std::random_device{}()));
        fs::create_directories(root_ / "usb");
        fs::create_directories(root_ / "data");
        ASSERT_TRUE(update::keygen(root_ / "staff"));
        content_ = root_ / "content";
        fs::copy(fs::path(KIOSK_SOURCE_DIR) / "content", content_, fs::copy_options::recursive);
    }
    void TearDown() override { fs::remove_all(root_); }

    ContentServiceOptions options() {
        ContentServiceOptions o;
        o.data_dir = root_ / "data";
        o.public_key = root_ / "staff.pub";
        o.usb_root = root_ / "usb";
        o.require_mount_point = false;
        o.make_validator = [] { return content_validator(nullptr); };
        o.recheck_ms = 50;
        o.load = [this](const fs::path& dir) {
            ++loads_;
            return content::load_bundle(dir);
        };
        return o;
    }
    int64_t active_version() const {
        const auto st = update::status(root_ / "data");
        return st.active ? st.active->version : 0;
    }
    // The signed bundle of the content at `version`.
    std::vector<uint8_t> bundle_bytes(int64_t version, bool tamper = false) {
        auto key = update::load_secret_key(root_ / "staff.key");
        EXPECT_TRUE(key);
        update::BundleOptions bo;
        bo.version = version;
        bo.label = "test " + std::to_string(version);
        auto made = update::make_bundle(content_, key.value(), bo);
        EXPECT_TRUE(made) << made.error().str();
        auto bytes = made.value().bytes;
        if (tamper)
            bytes[bytes.size() / 2] ^= 0x01;
        return bytes;
    }
    // Writes a stick folder holding a bundle of the content at `version`.
    fs::path stick(const std::string& name, int64_t version, bool tamper = false,
                   const std::string& usb = "usb") {
        const auto bytes = bundle_bytes(version, tamper);
        const fs::path staging = root_ / ("." + name);  // appear complete, in one rename
        fs::create_directories(staging);
        std::ofstream(staging / "update.kiosk", std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()),
                   static_cast<std::streamsize>(bytes.size()));
        fs::create_directories(root_ / usb);
        fs::rename(staging, root_ / usb / name);
        return root_ / usb / name;
    }
    // Polls like the main loop until a result (or a 20 s safety limit).
    // Sticks are announced first (StickInserted, for the statistics export).
    ContentEvent wait_for_result(ContentService& u, bool expect_progress = true) {
        bool saw_progress = false;
        for (int i = 0; i < 2000; ++i) {
            if (auto ev = u.poll()) {
                if (ev->kind == ContentEvent::Kind::StickInserted) {
                    ++sticks_announced_;
                    continue;
                }
                if (ev->kind != ContentEvent::Kind::Progress) {
                    if (expect_progress) {
                        EXPECT_TRUE(saw_progress) << "no progress shown before the result";
                    }
                    return *ev;
                }
                saw_progress = true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        ADD_FAILURE() << "no result";
        return {};
    }
    // Nothing arrives for a while (several of the worker's looks at the store).
    void expect_quiet(ContentService& u) {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        auto ev = u.poll();
        EXPECT_FALSE(ev) << "unexpected event: " << event_kind_name(ev->kind) << " " << ev->version;
    }

    std::atomic<int> loads_{0};  // content loads by the service
    int sticks_announced_ = 0;   // StickInserted events seen by wait_for_result
    fs::path root_, content_;
};

TEST_F(ContentServiceTest, ValidStickInstallsAndHandsOverTheNewContent) {
    ContentService u(options(), 0);
    expect_quiet(u);  // nothing plugged in: nothing happens
    std::ofstream(content_ / "areas" / "finance.yaml", std::ios::app);  // unchanged content is fine
    stick("stick1", 7);
    const ContentEvent ev = wait_for_result(u);
    ASSERT_EQ(ev.kind, ContentEvent::Kind::Installed) << ev.reason;
    EXPECT_EQ(ev.version, 7);
    ASSERT_TRUE(ev.bundle);
    EXPECT_EQ(ev.bundle->version,
              1);  // event.yaml's own version field is content, not the bundle's
    EXPECT_EQ(active_version(), 7);
    EXPECT_TRUE(load_installed_content(root_ / "data").bundle);
}

// A peer's bundle arriving in the fleet share (Syncthing renames it complete
// into place) is installed by the worker and announced once, like a stick's.
TEST_F(ContentServiceTest, FleetPeersBundleIsInstalledAndAnnouncedOnce) {
    ContentServiceOptions o = options();
    FleetPaths fleet;
    fleet.data_dir = root_ / "data";
    fleet.share_dir = root_ / "share";
    fleet.syncthing_home = root_ / "syncthing";
    fleet.pubkey = root_ / "staff.pub";
    o.fleet = fleet;
    o.fleet_tick_ms = 50;
    ContentService u(o, 0);
    expect_quiet(u);  // nothing offered: nothing happens
    const fs::path in = fleet.share_dir / "in" / "PEER123" / "bundles";
    fs::create_directories(in);
    const auto bytes = bundle_bytes(7);
    std::ofstream(root_ / "peer.tmp", std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    fs::rename(root_ / "peer.tmp", in / "content-7.kiosk");
    const ContentEvent ev = wait_for_result(u, /*expect_progress=*/false);
    ASSERT_EQ(ev.kind, ContentEvent::Kind::Installed) << ev.reason;
    EXPECT_EQ(ev.version, 7);
    EXPECT_TRUE(ev.bundle);
    EXPECT_EQ(active_version(), 7);
    expect_quiet(u);  // exactly one Installed: neither the tick nor the store look repeats it
}

TEST_F(ContentServiceTest, TamperedStickIsRefusedAndTheOldContentStays) {
    ContentService u(options(), 0);
    stick("good", 3);
    ASSERT_EQ(wait_for_result(u).kind, ContentEvent::Kind::Installed);
    stick("bad", 4, /*tamper=*/true);
    const ContentEvent ev = wait_for_result(u);
    ASSERT_EQ(ev.kind, ContentEvent::Kind::Refused);
    EXPECT_NE(ev.reason.find("signature"), std::string::npos) << ev.reason;
    EXPECT_EQ(active_version(), 3);
    EXPECT_EQ(load_installed_content(root_ / "data").version, 3);
}

TEST_F(ContentServiceTest, OlderVersionWaitsForStaffConfirmation) {
    ContentService u(options(), 0);
    stick("new", 5);
    ASSERT_EQ(wait_for_result(u).kind, ContentEvent::Kind::Installed);
    stick("old", 3);
    const ContentEvent refused = wait_for_result(u);
    ASSERT_EQ(refused.kind, ContentEvent::Kind::Refused);
    EXPECT_EQ(refused.error, ErrorKind::Downgrade) << refused.reason;
    EXPECT_EQ(active_version(), 5);
    ASSERT_TRUE(refused.downgrade_pending);
    u.accept_downgrade();  // the staff menu's button
    const ContentEvent ev = wait_for_result(u);
    ASSERT_EQ(ev.kind, ContentEvent::Kind::Installed) << ev.reason;
    EXPECT_EQ(ev.version, 3);
    EXPECT_EQ(active_version(), 3);
    EXPECT_FALSE(ev.downgrade_pending);
}

TEST_F(ContentServiceTest, MountFolderCreatedAfterStartIsStillWatched) {
    fs::remove_all(root_ / "usb");
    ContentService u(options(), 0);
    expect_quiet(u);
    fs::create_directories(root_ / "usb");
    expect_quiet(u);  // now watching
    stick("late", 4);
    EXPECT_EQ(wait_for_result(u).kind, ContentEvent::Kind::Installed);
}

TEST_F(ContentServiceTest, StickWithoutBundleIsReportedAndChangesNothing) {
    ContentService u(options(), 0);
    expect_quiet(u);
    fs::create_directories(root_ / ".photos");
    std::ofstream(root_ / ".photos" / "holiday.jpg") << "not an update";
    fs::rename(root_ / ".photos", root_ / "usb" / "photos");
    const ContentEvent ev = wait_for_result(u, /*expect_progress=*/false);
    EXPECT_EQ(ev.kind, ContentEvent::Kind::Refused);
    EXPECT_EQ(ev.error, ErrorKind::NoBundle) << ev.reason;
    EXPECT_EQ(sticks_announced_, 1);  // the UI is told, to write the statistics there
    expect_quiet(u);                  // reported once per plug-in
    EXPECT_EQ(active_version(), 0);
}

// Signed by the right key but bad inside: the kiosk's own validation refuses it
// and the version on screen stays.
class BadContentTest : public ContentServiceTest {
  protected:
    void expect_refused(const std::string& why) {
        ContentServiceOptions o = options();
        o.make_validator = own_fonts_validator;  // the worker's own FontStack
        ContentService u(o, 0);
        stick("good", 2);
        ASSERT_EQ(wait_for_result(u).kind, ContentEvent::Kind::Installed);
        break_content();
        stick("bad", 3);
        const ContentEvent ev = wait_for_result(u);
        ASSERT_EQ(ev.kind, ContentEvent::Kind::Refused);
        EXPECT_NE(ev.reason.find(why), std::string::npos) << ev.reason;
        EXPECT_EQ(load_installed_content(root_ / "data").version, 2);
    }
    std::function<void()> break_content;
};

TEST_F(BadContentTest, PictureClaimingHugeSizeIsRefused) {
    break_content = [this] {
        // A PNG header that claims 100000×100000 pixels.
        const char header[] =
            "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\x01\x86\xa0\0\x01\x86\xa0\x08\x06\0\0\0";
        const std::string png(header, sizeof header - 1);
        std::ofstream(content_ / "pictures" / "aviation.jpg", std::ios::binary | std::ios::trunc)
            << png;
    };
    expect_refused("100000×100000");
}

TEST_F(BadContentTest, InvalidYamlIsRefused) {
    break_content = [this] {
        std::ofstream(content_ / "areas" / "education.yaml", std::ios::app)
            << "broken: [unclosed\n";  // a new key: a repeated one is refused first
    };
    expect_refused("invalid YAML");
}

TEST_F(BadContentTest, CharacterMissingFromTheFontsIsRefused) {
    break_content = [this] {
        // U+E000 is a private-use code point that no font of the kiosk draws.
        std::ofstream(content_ / "strings.yaml", std::ios::app) << "extra: \"\xEE\x80\x80\"\n";
    };
    expect_refused("cannot be drawn");
}

TEST_F(ContentServiceTest, MissingTrustedKeyIsExplainedNotFatal) {
    ContentServiceOptions o = options();
    o.public_key = root_ / "nowhere.pub";
    ContentService u(o, 0);
    stick("s", 2);
    const ContentEvent ev = wait_for_result(u);
    EXPECT_EQ(ev.kind, ContentEvent::Kind::Refused);
    EXPECT_EQ(ev.error, ErrorKind::Signature);
    EXPECT_FALSE(ev.reason.empty());
    // Staff find the reason on the stick too.
    EXPECT_TRUE(fs::exists(root_ / "usb" / "s" / update::kReportFileName));
}

TEST_F(ContentServiceTest, DamagedInstalledVersionFallsBackToThePreviousOne) {
    ContentService u(options(), 0);
    stick("a", 5);
    ASSERT_EQ(wait_for_result(u).kind, ContentEvent::Kind::Installed);
    stick("b", 6);
    ASSERT_EQ(wait_for_result(u).kind, ContentEvent::Kind::Installed);
    // The SD card lost a file of the active version.
    fs::remove(root_ / "data" / "versions" / "6" / "content" / "event.yaml");
    EXPECT_EQ(load_installed_content(root_ / "data").version, 5);
}

// The regression of issue 11: the staff menu's rollback used to load content
// itself; the updater then saw a new version on its next poll and announced
// an install. Now the service is the only owner: one event, one load.
TEST_F(ContentServiceTest, RollbackIsAnnouncedOnceAndLoadedOnce) {
    ContentService u(options(), 0);
    stick("a", 5);
    ASSERT_EQ(wait_for_result(u).kind, ContentEvent::Kind::Installed);
    stick("b", 6);
    ASSERT_EQ(wait_for_result(u).kind, ContentEvent::Kind::Installed);
    expect_quiet(u);
    const int loads_before = loads_;
    u.rollback();
    const ContentEvent ev = wait_for_result(u, /*expect_progress=*/false);
    ASSERT_EQ(ev.kind, ContentEvent::Kind::RolledBack) << ev.reason;
    EXPECT_EQ(ev.version, 5);
    ASSERT_TRUE(ev.bundle);
    EXPECT_EQ(active_version(), 5);
    expect_quiet(u);  // the next looks at the store report nothing new
    EXPECT_EQ(loads_ - loads_before, 1);
}

TEST_F(ContentServiceTest, RollbackWithNothingToGoBackToSaysWhy) {
    ContentService u(options(), 0);
    stick("a", 5);
    ASSERT_EQ(wait_for_result(u).kind, ContentEvent::Kind::Installed);
    u.rollback();
    const ContentEvent ev = wait_for_result(u, false);
    EXPECT_EQ(ev.kind, ContentEvent::Kind::RollbackFailed);
    EXPECT_FALSE(ev.reason.empty());
    EXPECT_EQ(active_version(), 5);
}

// A version installed from outside the app (`kiosk import` by the image's
// USB service) is noticed and switched to once.
TEST_F(ContentServiceTest, OutsideInstallIsNoticedOnce) {
    ContentService u(options(), 0);
    expect_quiet(u);
    update::ImportOptions io;  // what `kiosk import` does, outside the service
    io.data_dir = root_ / "data";
    io.trusted_key = update::load_public_key(root_ / "staff.pub").value();
    const auto done = update::import_from_stick(stick("a", 4, false, "elsewhere"), io, {});
    ASSERT_TRUE(done.ok());
    const ContentEvent ev = wait_for_result(u, false);
    EXPECT_EQ(ev.kind, ContentEvent::Kind::Installed);
    EXPECT_EQ(ev.version, 4);
    EXPECT_TRUE(ev.bundle);
    expect_quiet(u);
}

}  // namespace
}  // namespace kiosk::app
