// Device IDs, the signed fleet list and the Syncthing config made from it.
#include <gtest/gtest.h>

#include "fleet/device_id.h"
#include "fleet/membership.h"
#include "fleet/syncthing.h"
#include "fleet_fixture.h"
#include "update/import.h"

namespace kiosk::fleet::test {
namespace {

std::string fleet_yaml(const std::string& a_addr = "tcp://127.0.0.1:22001") {
    return std::string("devices:\n  - name: Entrance\n    id: ") + kIdA +
           "\n    address: " + a_addr + "\n  - name: Press area\n    id: " + kIdB + "\n";
}

TEST(DeviceId, SameAsSyncthingForItsCertificate) {
    // tests/fleet/cert.pem was made by `syncthing generate`, which printed kIdA.
    const std::string pem = read_text(fs::path(KIOSK_TEST_DATA) / "fleet" / "cert.pem");
    auto id = device_id_from_cert_pem(pem, "cert.pem");
    ASSERT_TRUE(id) << id.error().str();
    EXPECT_EQ(id.value(), kIdA);
    EXPECT_EQ(short_id(id.value()), "6LTBX3Q");
}

TEST(DeviceId, CheckCharactersAreVerified) {
    EXPECT_TRUE(valid_device_id(kIdA));
    EXPECT_TRUE(valid_device_id(kIdB));
    std::string typo = kIdA;
    typo[3] = typo[3] == 'A' ? 'B' : 'A';  // one mistyped character
    EXPECT_FALSE(valid_device_id(typo));
    EXPECT_FALSE(valid_device_id(std::string(kIdA).substr(0, 62)));
    EXPECT_FALSE(device_id_from_cert_pem("no certificate here", "x"));
}

TEST(Membership, ParsesNamesIdsAndAddresses) {
    auto m = parse_fleet_yaml(fleet_yaml(), "fleet.yaml");
    ASSERT_TRUE(m) << m.error().str();
    ASSERT_EQ(m.value().size(), 2u);
    EXPECT_EQ(m.value()[0].name, "Entrance");
    EXPECT_EQ(m.value()[0].address, "tcp://127.0.0.1:22001");
    EXPECT_EQ(m.value()[1].address, "dynamic");
}

TEST(Membership, RefusalsSayWhere) {
    std::string bad = fleet_yaml();
    bad.replace(bad.find(kIdB), 3, "XXX");
    auto m = parse_fleet_yaml(bad, "fleet.yaml");
    ASSERT_FALSE(m);
    EXPECT_EQ(m.error().where.line, 6);
    EXPECT_NE(m.error().message.find("device ID"), std::string::npos);
    EXPECT_FALSE(parse_fleet_yaml(fleet_yaml() + "  - name: Again\n    id: " + kIdA + "\n", "f"));
    EXPECT_FALSE(parse_fleet_yaml(fleet_yaml("udp://1.2.3.4:1"), "f"));
    EXPECT_FALSE(parse_fleet_yaml("devices: 3\n", "f"));
}

TEST(Membership, SignedFileVerifiedWithTheStaffKey) {
    TempDir t;
    const auto key = new_key();
    auto sealed = sign_fleet(fleet_yaml(), key, 5, "fleet.yaml");
    ASSERT_TRUE(sealed);
    write_text(t / "venue.fleet", std::string(sealed.value().begin(), sealed.value().end()));
    auto m = open_fleet_file(t / "venue.fleet", key.public_key());
    ASSERT_TRUE(m) << m.error().str();
    EXPECT_EQ(m.value().version, 5);
    EXPECT_EQ(m.value().members.size(), 2u);

    EXPECT_FALSE(open_fleet_file(t / "venue.fleet", new_key().public_key()));  // foreign key
    std::string tampered = read_text(t / "venue.fleet");
    tampered[tampered.find("Entrance")] = 'e';
    write_text(t / "tampered.fleet", tampered);
    EXPECT_FALSE(open_fleet_file(t / "tampered.fleet", key.public_key()));
    // A content bundle is signed with the same key but is not a fleet file.
    const fs::path bundle = make_bundle(t.path(), key, 7);
    auto not_fleet = open_fleet_file(bundle, key.public_key());
    ASSERT_FALSE(not_fleet);
    EXPECT_NE(not_fleet.error().message.find("not a fleet file"), std::string::npos);
}

TEST(Membership, JoinKeepsTheNewestAndContentCanCarryIt) {
    TempDir t;
    const auto key = new_key();
    const fs::path data = t / "data";
    Diagnostics problems;
    EXPECT_FALSE(load_membership(data, key.public_key(), problems));

    auto v5 = sign_fleet(fleet_yaml(), key, 5, "f");
    auto v4 =
        sign_fleet("devices:\n  - name: Alone\n    id: " + std::string(kIdA) + "\n", key, 4, "f");
    write_text(t / "v5.fleet", std::string(v5.value().begin(), v5.value().end()));
    write_text(t / "v4.fleet", std::string(v4.value().begin(), v4.value().end()));
    ASSERT_TRUE(join_fleet(t / "v5.fleet", data, key.public_key()));
    EXPECT_FALSE(join_fleet(t / "v4.fleet", data, key.public_key()));  // older
    auto m = load_membership(data, key.public_key(), problems);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->version, 5);
    EXPECT_EQ(m->source, "fleet file");

    // A content bundle (version 9 > 5) with fleet.yaml: its list wins.
    const fs::path b = make_bundle(
        t.path(), key, 9,
        {{"fleet.yaml", "devices:\n  - name: Solo\n    id: " + std::string(kIdB) + "\n"}});
    update::ImportOptions opt;
    opt.data_dir = data;
    opt.trusted_key = key.public_key();
    ASSERT_TRUE(update::import_bundle(b, opt, test_validator));
    m = load_membership(data, key.public_key(), problems);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->version, 9);
    ASSERT_EQ(m->members.size(), 1u);
    EXPECT_EQ(m->members[0].name, "Solo");

    // The kept file is verified on every read: tampering with it drops it.
    std::string kept = read_text(signed_fleet_path(data));
    kept[kept.size() - 1] ^= 1;
    write_text(signed_fleet_path(data), kept);
    problems = {};
    m = load_membership(data, key.public_key(), problems);
    EXPECT_EQ(m->source, "content version 9");
    EXPECT_TRUE(problems.has_errors());
}

TEST(SyncthingConfig, MembersOnlyAndNothingBeyondTheLan) {
    auto members = parse_fleet_yaml(fleet_yaml(), "f");
    const Membership m{1, "fleet file", members.value()};
    SyncthingOptions opt;
    opt.apikey = "k";
    opt.local_discovery = false;
    const std::string xml = syncthing_config(m, kIdB, "Press area", "/share", opt);
    for (const char* off :
         {"<globalAnnounceEnabled>false<", "<localAnnounceEnabled>false<", "<relaysEnabled>false<",
          "<natEnabled>false<", "<urAccepted>-1<", "<crashReportingEnabled>false<",
          "<autoUpgradeIntervalH>0<", "<autoAcceptFolders>false<", "<address>127.0.0.1:8384<"})
        EXPECT_NE(xml.find(off), std::string::npos) << off;
    EXPECT_NE(xml.find("<address>tcp://127.0.0.1:22001</address>"), std::string::npos);
    EXPECT_NE(xml.find("id=\"kb-LG457CF\" label=\"Press area bundles\" path=\"/share/out/bundles\" "
                       "type=\"sendonly\""),
              std::string::npos);
    EXPECT_NE(xml.find("id=\"kb-6LTBX3Q\" label=\"Entrance bundles\" "
                       "path=\"/share/in/6LTBX3Q/bundles\" type=\"receiveonly\""),
              std::string::npos);

    // Not in the signed list: no peers, no folders.
    const std::string outsider =
        syncthing_config(Membership{1, "f", {members.value()[0]}}, kIdB, "x", "/share", opt);
    EXPECT_EQ(outsider.find("<folder"), std::string::npos);
    EXPECT_EQ(outsider.find(kIdA), std::string::npos);
}

}  // namespace
}  // namespace kiosk::fleet::test
