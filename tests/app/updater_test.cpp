// The running kiosk takes a signed bundle from a stick, refuses a tampered one,
// and keeps showing the old content until a new one is complete.
#include "app/updater.h"

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

namespace kiosk::app {
namespace {

namespace fs = std::filesystem;

class UpdaterTest : public ::testing::Test {
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

    UpdaterOptions options() const {
        UpdaterOptions o;
        o.data_dir = root_ / "data";
        o.public_key = root_ / "staff.pub";
        o.usb_root = root_ / "usb";
        o.require_mount_point = false;
        o.validate = content_validator(nullptr);
        return o;
    }
    // Writes a stick folder holding a bundle of the content at `version`.
    fs::path stick(const std::string& name, int64_t version, bool tamper = false) {
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
        const fs::path staging = root_ / ("." + name);  // appear complete, in one rename
        fs::create_directories(staging);
        std::ofstream(staging / "update.kiosk", std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()),
                   static_cast<std::streamsize>(bytes.size()));
        fs::rename(staging, root_ / "usb" / name);
        return root_ / "usb" / name;
    }
    // Polls like the main loop until a result (or a 20 s safety limit).
    UpdateEvent wait_for_result(Updater& u) {
        bool saw_progress = false;
        for (int i = 0; i < 2000; ++i) {
            if (auto ev = u.poll()) {
                if (ev->kind != UpdateEvent::Kind::Progress) {
                    EXPECT_TRUE(saw_progress) << "no progress shown before the result";
                    return *ev;
                }
                saw_progress = true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        ADD_FAILURE() << "no result";
        return {};
    }

    fs::path root_, content_;
};

TEST_F(UpdaterTest, ValidStickInstallsAndHandsOverTheNewContent) {
    Updater u(options());
    EXPECT_FALSE(u.poll());  // nothing plugged in: nothing happens
    std::ofstream(content_ / "areas" / "finance.yaml", std::ios::app);  // unchanged content is fine
    stick("stick1", 7);
    const UpdateEvent ev = wait_for_result(u);
    ASSERT_EQ(ev.kind, UpdateEvent::Kind::Installed) << ev.reason;
    EXPECT_EQ(ev.version, 7);
    ASSERT_TRUE(ev.bundle);
    EXPECT_EQ(ev.bundle->version,
              1);  // event.yaml's own version field is content, not the bundle's
    EXPECT_EQ(u.active_version(), 7);
    EXPECT_TRUE(load_installed_content(root_ / "data"));
}

TEST_F(UpdaterTest, TamperedStickIsRefusedAndTheOldContentStays) {
    Updater u(options());
    stick("good", 3);
    ASSERT_EQ(wait_for_result(u).kind, UpdateEvent::Kind::Installed);
    stick("bad", 4, /*tamper=*/true);
    const UpdateEvent ev = wait_for_result(u);
    ASSERT_EQ(ev.kind, UpdateEvent::Kind::Refused);
    EXPECT_NE(ev.reason.find("signature"), std::string::npos) << ev.reason;
    EXPECT_EQ(u.active_version(), 3);
    int64_t v = 0;
    EXPECT_TRUE(load_installed_content(root_ / "data", &v));
    EXPECT_EQ(v, 3);
}

TEST_F(UpdaterTest, OlderVersionWaitsForStaffConfirmation) {
    Updater u(options());
    stick("new", 5);
    ASSERT_EQ(wait_for_result(u).kind, UpdateEvent::Kind::Installed);
    stick("old", 3);
    const UpdateEvent refused = wait_for_result(u);
    ASSERT_EQ(refused.kind, UpdateEvent::Kind::Refused);
    EXPECT_NE(refused.reason.find("older"), std::string::npos) << refused.reason;
    EXPECT_EQ(u.active_version(), 5);
    ASSERT_TRUE(u.downgrade_pending());
    u.accept_downgrade();  // the staff menu's button
    const UpdateEvent ev = wait_for_result(u);
    ASSERT_EQ(ev.kind, UpdateEvent::Kind::Installed) << ev.reason;
    EXPECT_EQ(u.active_version(), 3);
    EXPECT_FALSE(u.downgrade_pending());
}

TEST_F(UpdaterTest, MountFolderCreatedAfterStartIsStillWatched) {
    fs::remove_all(root_ / "usb");
    Updater u(options());
    EXPECT_FALSE(u.poll());
    fs::create_directories(root_ / "usb");
    EXPECT_FALSE(u.poll());  // now watching
    stick("late", 4);
    EXPECT_EQ(wait_for_result(u).kind, UpdateEvent::Kind::Installed);
}

TEST_F(UpdaterTest, StickWithoutBundleIsReportedAndChangesNothing) {
    Updater u(options());
    EXPECT_FALSE(u.poll());
    fs::create_directories(root_ / "usb" / "photos");
    std::ofstream(root_ / "usb" / "photos" / "holiday.jpg") << "not an update";
    auto ev = u.poll();
    ASSERT_TRUE(ev);
    EXPECT_EQ(ev->kind, UpdateEvent::Kind::Refused);
    EXPECT_NE(ev->reason.find("no .kiosk file"), std::string::npos) << ev->reason;
    EXPECT_FALSE(u.busy());
    EXPECT_FALSE(u.poll());  // reported once per plug-in
    EXPECT_EQ(u.active_version(), 0);
}

// Signed by the right key but bad inside: the kiosk's own validation refuses it
// and the version on screen stays.
class BadContentTest : public UpdaterTest {
  protected:
    void expect_refused(const std::string& why) {
        auto fonts = text::FontStack::load();
        ASSERT_TRUE(fonts);
        UpdaterOptions o = options();
        o.validate = content_validator(fonts.value().get());
        Updater u(o);
        stick("good", 2);
        ASSERT_EQ(wait_for_result(u).kind, UpdateEvent::Kind::Installed);
        break_content();
        stick("bad", 3);
        const UpdateEvent ev = wait_for_result(u);
        ASSERT_EQ(ev.kind, UpdateEvent::Kind::Refused);
        EXPECT_NE(ev.reason.find(why), std::string::npos) << ev.reason;
        int64_t v = 0;
        EXPECT_TRUE(load_installed_content(root_ / "data", &v));
        EXPECT_EQ(v, 2);
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

TEST_F(UpdaterTest, MissingTrustedKeyIsExplainedNotFatal) {
    UpdaterOptions o = options();
    o.public_key = root_ / "nowhere.pub";
    Updater u(o);
    stick("s", 2);
    const UpdateEvent ev = wait_for_result(u);
    EXPECT_EQ(ev.kind, UpdateEvent::Kind::Refused);
    EXPECT_FALSE(ev.reason.empty());
}

TEST_F(UpdaterTest, DamagedInstalledVersionFallsBackToThePreviousOne) {
    Updater u(options());
    stick("a", 5);
    ASSERT_EQ(wait_for_result(u).kind, UpdateEvent::Kind::Installed);
    stick("b", 6);
    ASSERT_EQ(wait_for_result(u).kind, UpdateEvent::Kind::Installed);
    // The SD card lost a file of the active version.
    fs::remove(root_ / "data" / "versions" / "6" / "content" / "event.yaml");
    int64_t v = 0;
    ASSERT_TRUE(load_installed_content(root_ / "data", &v));
    EXPECT_EQ(v, 5);
}

}  // namespace
}  // namespace kiosk::app
