// The poller on local folders (no Syncthing): what arrives in in/<peer>/bundles
// is installed only through update::import_bundle, and only verified active
// bundles ever reach out/bundles.
#include <gtest/gtest.h>

#include <algorithm>

#include "fleet/status.h"
#include "fleet_fixture.h"
#include "update/bundle_format.h"
#include "update/store.h"

namespace kiosk::fleet::test {
namespace {

struct FleetPoll : ::testing::Test {
    TempDir t;
    update::SecretKey key = new_key();
    Kiosk k{t / "data", t / "share"};
    PollState state;
    std::int64_t now = 1'700'000'000;

    std::vector<Event> poll() { return poll_once(k.config(key), state, now); }
    fs::path peer_bundles() const { return SharePaths{k.share}.in() / "PEER123" / "bundles"; }
    fs::path offer(const fs::path& bundle, const std::string& name) {
        fs::create_directories(peer_bundles());
        fs::copy_file(bundle, peer_bundles() / name, fs::copy_options::overwrite_existing);
        return peer_bundles() / name;
    }
    void install(std::int64_t v) {
        update::ImportOptions opt;
        opt.data_dir = k.data;
        opt.trusted_key = key.public_key();
        ASSERT_TRUE(update::import_bundle(make_bundle(t.path(), key, v), opt, test_validator));
    }
    std::vector<std::string> out_files() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(SharePaths{k.share}.out_bundles()))
            names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
};

std::size_t count(const std::vector<Event>& ev, EventKind kind) {
    return static_cast<std::size_t>(
        std::count_if(ev.begin(), ev.end(), [&](const Event& e) { return e.kind == kind; }));
}

TEST_F(FleetPoll, NewerBundleFromAPeerIsInstalledAndReshared) {
    install(1);
    offer(make_bundle(t.path(), key, 2), "content-2.kiosk");
    const auto ev = poll();
    EXPECT_EQ(count(ev, EventKind::Installed), 1u);
    EXPECT_EQ(k.active(), 2);
    EXPECT_EQ(out_files(), (std::vector<std::string>{".stfolder", "content-2.kiosk"}));
    // What is shared is the verified bundle itself.
    auto bytes =
        update::read_file_limited(SharePaths{k.share}.out_bundles() / "content-2.kiosk", 1 << 20);
    ASSERT_TRUE(bytes);
    EXPECT_TRUE(update::open_bundle(bytes.value(), key.public_key(), "x"));
    // The same file again is not imported again.
    EXPECT_EQ(count(poll(), EventKind::Installed) + count(poll(), EventKind::AlreadyActive), 0u);
    // Another peer re-sharing the same version: settled quietly, no import.log noise.
    fs::create_directories(SharePaths{k.share}.in() / "OTHER12" / "bundles");
    fs::copy_file(peer_bundles() / "content-2.kiosk",
                  SharePaths{k.share}.in() / "OTHER12" / "bundles" / "content-2.kiosk");
    EXPECT_EQ(count(poll(), EventKind::AlreadyActive), 1u);
    EXPECT_EQ(read_text(k.data / "import.log").find("already active"), std::string::npos);
}

TEST_F(FleetPoll, TamperedOrForeignBundlesAreRefusedAndNeverReshared) {
    install(1);
    std::string bytes = read_text(make_bundle(t.path(), key, 3));
    bytes[bytes.size() / 2] ^= 0x20;
    write_text(peer_bundles() / "content-3.kiosk", bytes);
    const update::SecretKey other = new_key();
    offer(make_bundle(t / "other", other, 4), "content-4.kiosk");
    const auto ev = poll();
    EXPECT_EQ(count(ev, EventKind::Refused), 2u);
    EXPECT_EQ(count(ev, EventKind::Installed), 0u);
    EXPECT_EQ(k.active(), 1);
    EXPECT_EQ(out_files(), (std::vector<std::string>{".stfolder"}));
    // Refusals are logged where USB refusals are, and not retried at once.
    const std::string log = read_text(k.data / "import.log");
    EXPECT_NE(log.find("content-3.kiosk refused"), std::string::npos);
    EXPECT_NE(log.find("content-4.kiosk refused"), std::string::npos);
    EXPECT_EQ(count(poll(), EventKind::Refused), 0u);
    now += kMaxRetryDelayS;
    EXPECT_EQ(count(poll(), EventKind::Refused), 2u);
}

TEST_F(FleetPoll, OlderBundleIsRefused) {
    install(5);
    offer(make_bundle(t.path(), key, 4), "content-4.kiosk");
    const auto ev = poll();
    ASSERT_EQ(count(ev, EventKind::Refused), 1u);
    EXPECT_EQ(k.active(), 5);
}

TEST_F(FleetPoll, OnlyTheVerifiedActiveBundleStaysInOut) {
    install(2);
    ASSERT_TRUE(ensure_share(SharePaths{k.share}));
    const fs::path out = SharePaths{k.share}.out_bundles();
    // Someone with file access drops files into this kiosk's shared folder.
    write_text(out / "content-9.kiosk", "not a bundle");
    write_text(out / "content-2.kiosk", "pretends to be the active one");
    const auto ev = poll();
    EXPECT_EQ(count(ev, EventKind::Withdrawn), 2u);
    EXPECT_EQ(out_files(), (std::vector<std::string>{".stfolder"}));
    // publish_bundle only shares the active version.
    EXPECT_FALSE(publish_bundle(make_bundle(t.path(), key, 3), k.config(key)));
    ASSERT_TRUE(publish_bundle(make_bundle(t.path(), key, 2), k.config(key)));
    EXPECT_EQ(count(poll(), EventKind::Withdrawn), 0u);
    EXPECT_EQ(out_files(), (std::vector<std::string>{".stfolder", "content-2.kiosk"}));
}

TEST_F(FleetPoll, AVersionStaffWentBackFromIsNotForcedBackIn) {
    install(2);
    install(3);
    auto store = update::ContentStore::open(k.data);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store.value().rollback());
    ASSERT_EQ(k.active(), 2);
    offer(make_bundle(t.path(), key, 3), "content-3.kiosk");
    const auto ev = poll();
    EXPECT_EQ(count(ev, EventKind::HeldBack), 1u);
    EXPECT_EQ(k.active(), 2);
    // A newer bundle than the one gone back from is installed as usual.
    offer(make_bundle(t.path(), key, 4), "content-4.kiosk");
    poll();
    EXPECT_EQ(k.active(), 4);
}

TEST_F(FleetPoll, StatusIsPublishedAndReadBack) {
    install(7);
    ASSERT_EQ(count(poll(), EventKind::Status), 1u);
    EXPECT_EQ(count(poll(), EventKind::Status), 0u);  // nothing changed: no churn
    const auto own = parse_status(read_text(SharePaths{k.share}.out_status() / kStatusFile));
    EXPECT_EQ(own.version, 7);
    EXPECT_EQ(own.device, kIdA);
    EXPECT_NE(own.last_import.find("updated to version 7"), std::string::npos);

    // A peer one version behind, with hostile text in its name.
    const fs::path peer = SharePaths{k.share}.in() / "LG457CF" / "status";
    write_text(peer / kStatusFile, "name: ../../evil\x01\ndevice: " + std::string(kIdB) +
                                       "\nversion: 6\nupdated_unix: " + std::to_string(now) + "\n");
    auto members = parse_fleet_yaml("devices:\n  - name: A\n    id: " + std::string(kIdA) +
                                        "\n  - name: B\n    id: " + kIdB + "\n",
                                    "f");
    const FleetView view = fleet_view(k.share, Membership{1, "f", members.value()}, kIdA, now);
    ASSERT_EQ(view.rows.size(), 2u);
    EXPECT_EQ(view.newest, 7);
    EXPECT_TRUE(view.rows[0].in_step);
    EXPECT_FALSE(view.rows[1].in_step);
    EXPECT_NE(view.text().find("BEHIND"), std::string::npos);
}

TEST_F(FleetPoll, PublishedStatisticsAreCopiedIntoTheStatusFolder) {
    install(7);
    PollConfig c = k.config(key);
    c.stats_dir = t / "fleet-stats";
    write_text(*c.stats_dir / "stats.csv", "v1");
    write_text(*c.stats_dir / "stats.html", "<p>v1</p>");
    write_text(*c.stats_dir / "other.txt", "not published");
    poll_once(c, state, now);
    const fs::path out = SharePaths{k.share}.out_status();
    EXPECT_EQ(read_text(out / "stats.csv"), "v1");
    EXPECT_EQ(read_text(out / "stats.html"), "<p>v1</p>");
    EXPECT_FALSE(fs::exists(out / "other.txt"));
    // A new publish (renamed into place) reaches the folder on the next pass.
    write_text(*c.stats_dir / "stats.csv", "v2, longer");
    poll_once(c, state, now + 2);
    EXPECT_EQ(read_text(out / "stats.csv"), "v2, longer");
    // A symlink in place of the published file is not followed.
    fs::remove(*c.stats_dir / "stats.html");
    fs::create_symlink(k.data / "import.log", *c.stats_dir / "stats.html");
    poll_once(c, state, now + 4);
    EXPECT_EQ(read_text(out / "stats.html"), "<p>v1</p>");
}

}  // namespace
}  // namespace kiosk::fleet::test
