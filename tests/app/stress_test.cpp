// Imports, refusals and rollbacks on the ContentService's worker while the UI
// thread replays 10,000 frames of taps and swipes, applying every event the
// way the window loop does. Run under ThreadSanitizer by `make test-tsan`
// (zero reports: TSAN_OPTIONS=halt_on_error=1 fails the test on the first).
// The content on screen only ever moves to a version that was really
// installed or rolled back to, and the snapshot shown is that version's.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "app/content_service.h"
#include "app/host.h"
#include "app/validator.h"
#include "app_env.h"
#include "update/bundle.h"
#include "update/keys.h"

namespace kiosk::app {
namespace {

namespace fs = std::filesystem;
using T = input::PointerEvent::Type;

constexpr int kFrames = 10'000;
constexpr Millis kFrameMs = 16;

class StressTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(test::env().fonts && test::env().bundle);
        root_ =
            fs::temp_directory_path() / ("kiosk-stress-" + std::to_string(std::random_device{}()));
        fs::create_directories(root_ / "usb");
        fs::create_directories(root_ / "data");
        ASSERT_TRUE(update::keygen(root_ / "staff"));
    }
    void TearDown() override { fs::remove_all(root_); }

    std::vector<uint8_t> bundle(int64_t version) {
        auto key = update::load_secret_key(root_ / "staff.key");
        update::BundleOptions bo;
        bo.version = version;
        auto made = update::make_bundle(fs::path(KIOSK_SOURCE_DIR) / "content", key.value(), bo);
        EXPECT_TRUE(made) << made.error().str();
        return made ? made.value().bytes : std::vector<uint8_t>{};
    }
    // A stick appears complete, in one rename, as a mount would.
    void plug(const std::string& name, const std::vector<uint8_t>& bytes) {
        const fs::path staging = root_ / ("." + name);
        fs::create_directories(staging);
        if (!bytes.empty())
            std::ofstream(staging / "update.kiosk", std::ios::binary)
                .write(reinterpret_cast<const char*>(bytes.data()),
                       static_cast<std::streamsize>(bytes.size()));
        fs::rename(staging, root_ / "usb" / name);
    }

    fs::path root_;
};

TEST_F(StressTest, ImportsRefusalsAndRollbacksWhileTheUiReplaysTenThousandFrames) {
    std::mutex installed_mutex;
    std::set<int64_t> installed;  // versions the importer really installed
    ContentServiceOptions so;
    so.data_dir = root_ / "data";
    so.public_key = root_ / "staff.pub";
    so.usb_root = root_ / "usb";
    so.require_mount_point = false;
    so.recheck_ms = 20;
    so.make_validator = own_fonts_validator;  // the worker's own FontStack, as on the device
    so.import = [&](const fs::path& stick, const update::ImportOptions& o,
                    const update::ContentValidator& v, const update::ImportProgress& p) {
        auto r = import_in_process(stick, o, v, p);
        if (r.ok()) {
            std::lock_guard lock(installed_mutex);
            installed.insert(r.report->version);
        }
        return r;
    };
    ContentService service(so, 0);
    Host host(&service, StaffDevice(root_ / "data", {}));

    // Staff plug sticks: good ones (rising versions), tampered ones, empty ones.
    std::vector<std::vector<uint8_t>> good;
    for (int64_t v = 2; v <= 7; ++v)
        good.push_back(bundle(v));
    auto tampered = good.back();
    tampered[tampered.size() / 2] ^= 0x01;
    std::atomic<bool> plugging_done{false};
    std::thread staff([&] {
        for (size_t i = 0; i < good.size(); ++i) {
            plug("good" + std::to_string(i), good[i]);
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
            plug("bad" + std::to_string(i), i % 2 ? tampered : std::vector<uint8_t>{});
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
        }
        plugging_done = true;
    });

    App app(test::env().bundle, *test::env().fonts, test::config(1280, 720));
    app.show(layout::PageId::home(), Lang::ZhHK);
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> x(0, 1280), y(0, 720);
    int64_t shown = 0;
    int switches = 0, refusals = 0, rollbacks = 0, failed_rollbacks = 0, events = 0;
    const auto apply_events = [&](Millis now) {
        while (auto ev = service.poll()) {
            if (ev->kind == ContentEvent::Kind::Refused)
                ++refusals;
            ++events;
            if (ev->kind == ContentEvent::Kind::RollbackFailed)
                ++failed_rollbacks;  // staff asked with nothing older kept: said, nothing changed
            host.apply(app, *ev, now);
            if (ev->kind != ContentEvent::Kind::Installed &&
                ev->kind != ContentEvent::Kind::RolledBack)
                continue;
            {
                std::lock_guard lock(installed_mutex);
                EXPECT_TRUE(installed.count(ev->version))
                    << "shown version never installed: " << ev->version;
            }
            // The snapshot is that version's own content, and it is what App shows.
            EXPECT_EQ(ev->bundle->dir.parent_path().filename(), std::to_string(ev->version));
            EXPECT_EQ(&app.bundle(), ev->bundle.get());
            if (ev->kind == ContentEvent::Kind::RolledBack) {
                EXPECT_LT(ev->version, shown);
                ++rollbacks;
            }
            shown = ev->version;
            ++switches;
            // Staff roll back after every other install (and the replay below
            // asks now and then regardless), so rollbacks race the next imports.
            if (ev->kind == ContentEvent::Kind::Installed && switches % 2 == 0)
                service.rollback();
        }
    };
    Millis now = 0;
    for (int f = 0; f < kFrames; ++f, now += kFrameMs) {
        if (f % 7 == 0) {  // a tap somewhere
            const float px = x(rng), py = y(rng);
            app.pointer({T::Down, px, py, now});
            app.pointer({T::Up, px, py, now + 8});
        } else if (f % 11 == 0) {  // a swipe
            const float py = y(rng);
            app.pointer({T::Down, 1000, py, now});
            app.pointer({T::Move, 600, py, now + 5});
            app.pointer({T::Move, 200, py, now + 10});
            app.pointer({T::Up, 200, py, now + 12});
        }
        if (f % 997 == 500)
            service.rollback();  // as the staff menu's effect does
        app.take_effects();
        apply_events(now);
        if (app.tick(now))
            app.frame();
        // About 10 s of wall time in all, so the worker's imports interleave with the frames.
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    staff.join();
    // Let the worker finish what was plugged (slow under TSan: imports take
    // seconds), then take the last events: until the newest version is in and
    // nothing arrived for 1 s, at most 3 minutes.
    const auto newest_in = [&] {
        std::lock_guard lock(installed_mutex);
        return installed.count(static_cast<int64_t>(good.size()) + 1) > 0;
    };
    for (int quiet = 0, i = 0; (quiet < 50 || !newest_in()) && i < 9000; ++i) {
        const int before = events;
        apply_events(now);
        quiet = events == before ? quiet + 1 : 0;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::cerr << switches << " switches, " << rollbacks << " rollbacks (" << failed_rollbacks
              << " with nothing older), " << refusals << " refusals\n";
    EXPECT_GT(switches, 1);
    EXPECT_GT(refusals, 0);
    EXPECT_GT(rollbacks, 0);
    const auto st = update::status(root_ / "data");
    ASSERT_TRUE(st.active);
    EXPECT_EQ(shown, st.active->version);  // the screen ends on what the store holds
}

}  // namespace
}  // namespace kiosk::app
