// The app hooks: a peer's bundle installed by tick(), a USB-imported bundle shared.
#include <gtest/gtest.h>

#include "app/fleet_glue.h"
#include "fleet_fixture.h"
#include "update/commands.h"

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

}  // namespace
}  // namespace kiosk::fleet::test
