// Keys, the bundle file format and the laptop-side bundling.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "test_util.h"
#include "update/unpack.h"

namespace kiosk::update::test {
namespace {

TEST(Keys, KeygenWritesSecretKeyPrivately) {
    TempDir tmp;
    auto pk = keygen(tmp / "staff");
    ASSERT_TRUE(pk) << pk.error().str();
    struct stat st {};
    ASSERT_EQ(::stat((tmp / "staff.key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    auto sk = load_secret_key(tmp / "staff.key");
    ASSERT_TRUE(sk) << sk.error().str();
    auto pub = load_public_key(tmp / "staff.pub");
    ASSERT_TRUE(pub) << pub.error().str();
    EXPECT_EQ(pub.value().bytes, sk.value().public_key().bytes);
    EXPECT_EQ(pub.value().bytes, pk.value().bytes);
    EXPECT_EQ(read_text(tmp / "staff.pub").substr(0, 1), "#");
    // Never overwrites an existing key.
    auto again = keygen(tmp / "staff");
    ASSERT_FALSE(again);
    EXPECT_NE(again.error().message.find("already exists"), std::string::npos);
    EXPECT_EQ(load_secret_key(tmp / "staff.key").value().bytes, sk.value().bytes);
}

TEST(Keys, WrongKindAndDamagedKeysRejected) {
    TempDir tmp;
    ASSERT_TRUE(keygen(tmp / "k"));
    auto as_secret = load_secret_key(tmp / "k.pub");
    ASSERT_FALSE(as_secret);
    EXPECT_NE(as_secret.error().message.find("wrong kind of key"), std::string::npos);
    auto as_public = load_public_key(tmp / "k.key");
    ASSERT_FALSE(as_public);
    EXPECT_NE(as_public.error().message.find("wrong kind of key"), std::string::npos);
    EXPECT_FALSE(parse_public_key("# only a comment\n", "x"));
    EXPECT_FALSE(parse_public_key("not base64!!\n", "x"));
    std::string text = read_text(tmp / "k.key");
    text[text.size() - 10] = text[text.size() - 10] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(parse_secret_key(text, "x"));
}

TEST(Bundle, RoundTripAndReproduciblePayload) {
    TempDir tmp;
    make_content(tmp / "c", 7);
    const SecretKey key = new_key();
    BundleOptions o;
    o.created_unix = 1696118400;
    o.label = "Day 1";
    auto a = make_bundle(tmp / "c", key, o);
    auto b = make_bundle(tmp / "c", key, o);
    ASSERT_TRUE(a) << a.error().str();
    ASSERT_TRUE(b);
    EXPECT_EQ(a.value().bytes, b.value().bytes);     // Ed25519 is deterministic too
    EXPECT_EQ(a.value().header.content_version, 7);  // from event.yaml

    auto v = open_bundle(a.value().bytes, key.public_key(), "a");
    ASSERT_TRUE(v) << v.error().str();
    EXPECT_EQ(v.value().header.label, "Day 1");
    EXPECT_EQ(v.value().header.created_unix, 1696118400);
    TempDir out;
    UnpackStats stats;
    ASSERT_TRUE(unpack_payload(v.value().payload, out.path(), {}, stats));
    EXPECT_EQ(manifest(out.path()), manifest(tmp / "c"));

    // Touching mtimes changes nothing in the bytes.
    fs::last_write_time(tmp / "c/about.yaml",
                        fs::file_time_type::clock::now() - std::chrono::hours(5));
    EXPECT_EQ(make_bundle(tmp / "c", key, o).value().bytes, a.value().bytes);
}

TEST(Bundle, VersionSources) {
    TempDir tmp;
    write_text(tmp / "event.yaml", "title: x\n  version: 3\nversion: 2023100101  # day 1\n");
    EXPECT_EQ(read_event_version(tmp.path()), 2023100101);
    write_text(tmp / "event.yaml", "version: \"12\"\n");
    EXPECT_EQ(read_event_version(tmp.path()), 12);
    write_text(tmp / "event.yaml", "version: 1.5\n");
    EXPECT_EQ(read_event_version(tmp.path()), std::nullopt);
    write_text(tmp / "event.yaml", "title: x\n");
    EXPECT_EQ(read_event_version(tmp.path()), std::nullopt);
    EXPECT_EQ(clock_version(1696163640), 202310011234);  // 2023-10-01 12:34 UTC

    BundleOptions o;
    o.created_unix = 1696163640;
    auto b = make_bundle(tmp.path(), new_key(), o);
    ASSERT_TRUE(b);
    EXPECT_EQ(b.value().header.content_version, 202310011234);
}

TEST(Bundle, SymlinksInSourceRefused) {
    TempDir tmp;
    make_content(tmp / "c", 1);
    fs::create_symlink("/etc/passwd", tmp / "c/icons/x.png");
    auto b = make_bundle(tmp / "c", new_key(), {});
    ASSERT_FALSE(b);
    EXPECT_NE(b.error().message.find("symbolic links"), std::string::npos);
}

TEST(Bundle, TooLargeContentRefused) {
    TempDir tmp;
    make_content(tmp / "c", 1, 300 << 10);
    BundleOptions o;
    o.max_bundle_bytes = 100 << 10;
    auto b = make_bundle(tmp / "c", new_key(), o);
    ASSERT_FALSE(b);
    EXPECT_NE(b.error().message.find("too large"), std::string::npos) << b.error().message;
}

TEST(Unpack, PathChecks) {
    const UnpackLimits l;
    EXPECT_EQ(check_entry_path("./areas/a.yaml", l).value(), "areas/a.yaml");
    EXPECT_EQ(check_entry_path("areas/", l).value(), "areas");
    EXPECT_EQ(check_entry_path("图片/广州.jpg", l).value(), "图片/广州.jpg");
    EXPECT_FALSE(check_entry_path("a/../../b", l));
    EXPECT_FALSE(check_entry_path("..", l));
    EXPECT_FALSE(check_entry_path("/abs", l));
    EXPECT_FALSE(check_entry_path("a//b", l));
    EXPECT_FALSE(check_entry_path("a/./b", l));
    EXPECT_FALSE(check_entry_path("a\nb", l));
    EXPECT_FALSE(check_entry_path(std::string(600, 'a'), l));
    std::string deep;
    for (int i = 0; i < 20; ++i)
        deep += "d/";
    EXPECT_FALSE(check_entry_path(deep + "f", l));
}

TEST(Unpack, NonAsciiNamesSurvive) {
    TempDir tmp;
    make_content(tmp / "c", 1);
    write_text(tmp / "c/pictures/西湖.jpg", "lake");
    const SecretKey key = new_key();
    auto b = make_bundle(tmp / "c", key, {});
    ASSERT_TRUE(b);
    auto v = open_bundle(b.value().bytes, key.public_key(), "b");
    ASSERT_TRUE(v);
    TempDir out;
    UnpackStats stats;
    auto r = unpack_payload(v.value().payload, out.path(), {}, stats);
    ASSERT_TRUE(r) << r.error().str();
    EXPECT_EQ(read_text(out / "pictures/西湖.jpg"), "lake");
}

}  // namespace
}  // namespace kiosk::update::test
