// A stick receives every kiosk's status and statistics: all kiosks copied,
// the caps held, hostile names and symlinks refused, and the report says so.
#include <gtest/gtest.h>

#include "fleet/deliver.h"
#include "fleet/status.h"
#include "fleet_fixture.h"
#include "update/stick.h"

namespace kiosk::fleet::test {
namespace {

struct Deliver : ::testing::Test {
    TempDir t;
    fs::path share = t / "share";
    fs::path stick = t / "stick";
    void SetUp() override { fs::create_directories(stick); }

    fs::path self_dir() const { return SharePaths{share}.out_status(); }
    fs::path peer_dir(const std::string& id) const {
        return SharePaths{share}.in() / id / "status";
    }
    static void kiosk(const fs::path& dir, const std::string& name, const std::string& device,
                      bool stats) {
        KioskStatus s;
        s.name = name;
        s.device = device;
        s.version = 7;
        write_text(dir / kStatusFile, encode_status(s));
        if (stats) {
            write_text(dir / "stats.csv", "day,hour\n" + name + "\n");
            write_text(dir / "stats.html", "<html>" + name + "</html>");
        }
    }
    fs::path got(const std::string& folder, const std::string& file = kStatusFile) const {
        return stick / kStickFleetDir / folder / file;
    }
};

TEST_F(Deliver, EveryKioskIncludingThisOneIsCopied) {
    kiosk(self_dir(), "Entrance", kIdA, true);
    kiosk(peer_dir("LG457CF"), "Hall B", kIdB, true);
    kiosk(peer_dir("PEER3AA"), "Hall C", "PEER3AA-XXX", false);
    fs::create_directories(peer_dir("NOTHING") / ".stfolder");    // a member that sent nothing yet
    write_text(self_dir() / ".syncthing.stats.csv.tmp", "half");  // Syncthing's own: not copied

    const Delivery d = deliver_to_stick(share, stick);
    ASSERT_FALSE(d.error) << d.error->str();
    EXPECT_EQ(d.kiosks, 3);
    EXPECT_EQ(d.with_statistics, 2);
    EXPECT_EQ(d.files, 7);
    EXPECT_TRUE(d.skipped.empty());
    EXPECT_EQ(read_text(got("Entrance-6LTBX3Q", "stats.csv")), "day,hour\nEntrance\n");
    EXPECT_EQ(read_text(got("Hall_B-LG457CF", "stats.html")), "<html>Hall B</html>");
    EXPECT_EQ(parse_status(read_text(got("Hall_C-PEER3AA"))).name, "Hall C");
    EXPECT_FALSE(fs::exists(got("Entrance-6LTBX3Q", ".syncthing.stats.csv.tmp")));
    EXPECT_NE(read_text(stick / kStickFleetDir / kStickReadme).find("stats.html"),
              std::string::npos);
    EXPECT_NE(d.text().find("status of 3 kiosks copied, statistics of 2"), std::string::npos);

    // The report: after an import's report of this plug-in, else on its own.
    write_text(stick / update::kReportFileName, "Kiosk update report\nupdated to version 7\n");
    ASSERT_TRUE(report_delivery(stick, d, true));
    const std::string both = read_text(stick / update::kReportFileName);
    EXPECT_EQ(both.find("Kiosk update report"), 0u);
    EXPECT_NE(both.find("\nFleet (folder kiosk-fleet): status of 3 kiosks"), std::string::npos);
    ASSERT_TRUE(report_delivery(stick, d, false));
    EXPECT_EQ(read_text(stick / update::kReportFileName).find("Fleet"), 0u);
}

TEST_F(Deliver, CapsAreHeldAndWhatIsLeftOutIsSaid) {
    kiosk(self_dir(), "A", kIdA, false);
    for (int i = 0; i < 5; ++i)
        write_text(self_dir() / ("f" + std::to_string(i) + ".csv"), std::string(40, 'x'));
    write_text(self_dir() / "big.csv", std::string(400, 'x'));
    kiosk(peer_dir("PEER1AA"), "B", "PEER1AA", false);
    write_text(peer_dir("PEER1AA") / "more.csv", std::string(90, 'x'));
    kiosk(peer_dir("PEER2AA"), "C", "PEER2AA", false);

    const auto status_bytes = [&](const fs::path& dir) { return fs::file_size(dir / kStatusFile); };
    DeliveryLimits caps;
    caps.max_kiosks = 2;
    caps.max_files_per_kiosk = 4;
    caps.max_file_bytes = 300;
    // A's status and two 40-byte files, B's status, then 50 bytes: B's 90-byte file does not fit.
    caps.max_total_bytes = status_bytes(self_dir()) + 80 + status_bytes(peer_dir("PEER1AA")) + 50;
    const Delivery d = deliver_to_stick(share, stick, caps);
    ASSERT_FALSE(d.error);
    EXPECT_EQ(d.kiosks, 2);  // C is past the kiosk cap
    EXPECT_FALSE(fs::exists(got("C-PEER2AA")));
    EXPECT_LE(d.bytes, caps.max_total_bytes);
    const std::string text = d.text();
    EXPECT_NE(text.find("1 kiosk folders not copied (at most 2 kiosks)"), std::string::npos);
    // A's four: status.txt first, then big.csv (too large), f0, f1.
    EXPECT_NE(text.find("A: big.csv is too large"), std::string::npos);
    EXPECT_NE(text.find("A: 3 more files not copied (at most 4 per kiosk)"), std::string::npos);
    EXPECT_TRUE(fs::exists(got("A-6LTBX3Q")));
    EXPECT_TRUE(fs::exists(got("A-6LTBX3Q", "f1.csv")));
    EXPECT_FALSE(fs::exists(got("A-6LTBX3Q", "f2.csv")));
    EXPECT_FALSE(fs::exists(got("A-6LTBX3Q", "big.csv")));
    EXPECT_TRUE(fs::exists(got("B-PEER1AA")));
    EXPECT_FALSE(fs::exists(got("B-PEER1AA", "more.csv")));
    EXPECT_NE(text.find("B: more.csv not copied (the "), std::string::npos);
    EXPECT_NE(text.find(" for all kiosks are used up)"), std::string::npos);
}

TEST_F(Deliver, HostileNamesNeverBecomePaths) {
    kiosk(peer_dir("PEER1AA"), "../../../escaped", "/etc", true);
    kiosk(peer_dir("PEER2AA"), "..", "x", false);
    write_text(peer_dir("PEER2AA") / "bad name.csv", "x");
    write_text(peer_dir("PEER2AA") / "..hidden", "x");
    const Delivery d = deliver_to_stick(share, stick);
    ASSERT_FALSE(d.error);
    EXPECT_EQ(d.kiosks, 2);
    EXPECT_TRUE(fs::exists(got("_________escaped-PEER1AA", "stats.csv")));
    EXPECT_TRUE(fs::exists(got("__-PEER2AA")));
    EXPECT_FALSE(fs::exists(t / "escaped"));
    EXPECT_FALSE(fs::exists(got("__-PEER2AA", "bad name.csv")));
    EXPECT_NE(d.text().find("a file with an unusable name (bad_name_csv)"), std::string::npos);
    // Every file written lies inside STICK/kiosk-fleet.
    for (const auto& e : fs::recursive_directory_iterator(t.path())) {
        if (e.is_regular_file() && e.path().string().find("/share/") == std::string::npos) {
            EXPECT_EQ(e.path().string().rfind((stick / kStickFleetDir).string(), 0), 0u)
                << e.path();
        }
    }
}

TEST_F(Deliver, TwoKiosksClaimingOneFolderBothArrive) {
    kiosk(self_dir(), "Hall", "SAMEIDX-1", false);
    kiosk(peer_dir("SAMEIDX"), "Hall", "SAMEIDX-1", false);
    const Delivery d = deliver_to_stick(share, stick);
    EXPECT_EQ(d.kiosks, 2);
    EXPECT_TRUE(fs::exists(got("Hall-SAMEIDX")));
    EXPECT_TRUE(fs::exists(got("Hall-SAMEIDX-2")));
}

TEST_F(Deliver, SymlinksAreNotFollowed) {
    write_text(t / "secret" / "key.txt", "do not leak");
    kiosk(peer_dir("PEER1AA"), "B", "PEER1AA", false);
    fs::create_symlink(t / "secret" / "key.txt", peer_dir("PEER1AA") / "stats.csv");
    // A whole peer folder that is a link, and a status.txt that is one.
    fs::create_directories(SharePaths{share}.in());
    fs::create_directory_symlink(t / "secret", SharePaths{share}.in() / "LINKED1");
    fs::create_directories(peer_dir("PEER2AA"));
    fs::create_symlink(t / "secret" / "key.txt", peer_dir("PEER2AA") / kStatusFile);
    const Delivery d = deliver_to_stick(share, stick);
    ASSERT_FALSE(d.error);
    EXPECT_EQ(d.kiosks, 1);
    EXPECT_EQ(d.with_statistics, 0);
    EXPECT_FALSE(fs::exists(got("B-PEER1AA", "stats.csv")));
    EXPECT_NE(d.text().find("B: stats_csv is not a plain file"), std::string::npos);

    // On the stick: a kiosk-fleet that is a link elsewhere is not written through.
    TempDir other;
    fs::create_directories(other / "elsewhere");
    fs::create_directory_symlink(other / "elsewhere", other / kStickFleetDir);
    const Delivery refused = deliver_to_stick(share, other.path());
    ASSERT_TRUE(refused.error);
    EXPECT_TRUE(fs::is_empty(other / "elsewhere"));
    EXPECT_NE(refused.text().find("Copying stopped"), std::string::npos);
}

TEST_F(Deliver, AStickPulledOutIsAnErrorNotACrash) {
    kiosk(self_dir(), "A", kIdA, true);
    fs::remove_all(stick);
    const Delivery d = deliver_to_stick(share, stick);
    ASSERT_TRUE(d.error);
    EXPECT_EQ(d.files, 0);
    EXPECT_FALSE(report_delivery(stick, d, false));
    // Nothing received at all: said, and no crash on a missing share.
    fs::create_directories(stick);
    const Delivery none = deliver_to_stick(t / "no-share", stick);
    EXPECT_FALSE(none.error);
    EXPECT_NE(none.text().find("no kiosk status received yet"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::fleet::test
