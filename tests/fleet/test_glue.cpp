// The app hooks: a peer's bundle installed by tick(), a USB-imported bundle shared.
#include <gtest/gtest.h>

#include "app/fleet_glue.h"
#include "fleet/membership.h"
#include "fleet_fixture.h"
#include "update/commands.h"
#include "update/stick.h"

namespace kiosk::fleet::test {
namespace {

TEST(FleetGlue, TickInstallsFromPeersAndAfterImportShares) {
    TempDir t;
    const auto key = new_key();
    write_text(t / "staff.pub", update::encode_public_key(key.public_key()));
    app::FleetPaths paths;
    paths.data_dir = t / "data";
    paths.share_dir = t / "share";
    paths.syncthing_home = t / "syncthing";
    paths.pubkey = t / "staff.pub";
    app::FleetGlue glue(paths, test_validator);
    EXPECT_FALSE(glue.tick(1000));  // nothing offered

    const fs::path in = paths.share_dir / "in" / "PEER123" / "bundles";
    fs::create_directories(in);
    fs::copy_file(make_bundle(t.path(), key, 2), in / "content-2.kiosk");
    EXPECT_TRUE(glue.tick(1001));
    EXPECT_EQ((Kiosk{paths.data_dir, paths.share_dir}.active()), 2);
    EXPECT_FALSE(glue.tick(1002));  // the same file is not installed twice

    // A USB import of v3, then the hook: v3 replaces v2 in the send folder.
    const fs::path v3 = make_bundle(t.path(), key, 3);
    update::ImportOptions opt;
    opt.data_dir = paths.data_dir;
    opt.trusted_key = key.public_key();
    ASSERT_TRUE(update::import_bundle(v3, opt, test_validator));
    glue.after_import(v3);
    EXPECT_TRUE(fs::exists(paths.share_dir / "out" / "bundles" / "content-3.kiosk"));
    EXPECT_FALSE(fs::exists(paths.share_dir / "out" / "bundles" / "content-2.kiosk"));
}

// A stick gets every kiosk's statistics only where the kiosk is in a signed fleet.
TEST(FleetGlue, AfterStickDeliversInASignedFleetOnly) {
    TempDir t;
    const auto key = new_key();
    write_text(t / "staff.pub", update::encode_public_key(key.public_key()));
    app::FleetPaths paths;
    paths.data_dir = t / "data";
    paths.share_dir = t / "share";
    paths.syncthing_home = t / "syncthing";
    paths.pubkey = t / "staff.pub";
    paths.stats_dir = t / "data" / "fleet-stats";
    write_text(paths.stats_dir / "stats.csv", "day,hour\n");
    app::FleetGlue glue(paths, test_validator);
    glue.tick(1000);  // status.txt and the statistics into out/status
    const fs::path stick = t / "stick";
    fs::create_directories(stick);
    glue.after_stick(stick, false);
    EXPECT_FALSE(fs::exists(stick / "kiosk-fleet"));
    EXPECT_FALSE(fs::exists(stick / update::kReportFileName));

    auto sealed = sign_fleet("devices:\n  - name: Entrance\n    id: " + std::string(kIdA) + "\n",
                             key, 1, "f");
    ASSERT_TRUE(sealed);
    write_text(t / "venue.fleet", std::string(sealed.value().begin(), sealed.value().end()));
    ASSERT_TRUE(join_fleet(t / "venue.fleet", paths.data_dir, key.public_key()));
    write_text(stick / update::kReportFileName, "updated to version 3\n");
    glue.after_stick(stick, true);
    EXPECT_TRUE(fs::exists(stick / "kiosk-fleet" / "README.txt"));
    int with_stats = 0;
    for (const auto& e : fs::recursive_directory_iterator(stick / "kiosk-fleet"))
        with_stats += e.path().filename() == "stats.csv" ? 1 : 0;
    EXPECT_EQ(with_stats, 1);
    const std::string report = read_text(stick / update::kReportFileName);
    EXPECT_EQ(report.find("updated to version 3"), 0u);
    EXPECT_NE(report.find("statistics of 1 kiosk copied"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::fleet::test
