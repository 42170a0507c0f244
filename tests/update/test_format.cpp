// The payload format, exactly as docs/bundles.md states it: one gzip member,
// one tar ending with its end blocks, nothing after either; UTF-8 names
// without backslashes or control characters; a plain-text label. And: every
// count, size and name is checked before the first file is written.
#include <gtest/gtest.h>

#include <chrono>

#include "test_util.h"
#include "update/unpack.h"

namespace kiosk::update::test {
namespace {

std::vector<unsigned char> small_tar() {
    return craft_payload({{"event.yaml", AE_IFREG, "version: 2\n"}, {"areas", AE_IFDIR}},
                         /*compress=*/false);
}

class FormatTest : public ::testing::Test {
  protected:
    // Unpacks into an empty folder; on refusal checks that nothing was written.
    Result<Ok> unpack(const std::vector<unsigned char>& payload) {
        dest = tmp / ("d" + std::to_string(++n));
        fs::create_directories(dest);
        UnpackStats stats;
        auto r = unpack_payload(payload, dest, UnpackLimits{}, stats);
        if (!r) {
            EXPECT_TRUE(fs::is_empty(dest)) << "refused, but after writing: " << r.error().str();
        }
        return r;
    }
    void expect_refused(const std::vector<unsigned char>& payload, const std::string& why) {
        auto r = unpack(payload);
        ASSERT_FALSE(r) << "accepted; expected: " << why;
        EXPECT_NE(r.error().str().find(why), std::string::npos) << r.error().str();
    }
    TempDir tmp;
    fs::path dest;
    int n = 0;
};

TEST_F(FormatTest, TheFormatItselfUnpacks) {
    ASSERT_TRUE(unpack(gzip(small_tar())));
    EXPECT_EQ(read_text(dest / "event.yaml"), "version: 2\n");
    EXPECT_TRUE(fs::is_directory(dest / "areas"));
}

TEST_F(FormatTest, RawTarIsRefused) {
    expect_refused(small_tar(), "not gzip-compressed");
}

TEST_F(FormatTest, BytesAfterTheGzipMemberAreRefused) {
    auto p = gzip(small_tar());
    p.push_back('x');
    expect_refused(p, "1 stray bytes after the compressed data");
}

TEST_F(FormatTest, SecondGzipMemberIsRefused) {
    auto p = gzip(small_tar());
    const auto again = gzip(small_tar());
    p.insert(p.end(), again.begin(), again.end());
    expect_refused(p, "stray bytes after the compressed data");
}

TEST_F(FormatTest, BytesAfterTheTarEndBlocksAreRefused) {
    auto t = small_tar();
    t.insert(t.end(), 512, 0);  // record padding, as GNU tar writes it
    expect_refused(gzip(t), "does not end where it should (512 bytes follow");
    t = small_tar();
    t.insert(t.end(), {'j', 'u', 'n', 'k'});
    expect_refused(gzip(t), "does not end where it should");
}

TEST_F(FormatTest, MissingEndBlocksAreRefused) {
    auto t = small_tar();
    t.resize(t.size() - 1024);
    expect_refused(gzip(t), "end marker is missing");
}

TEST_F(FormatTest, TruncatedGzipIsRefused) {
    auto p = gzip(small_tar());
    p.resize(p.size() - 10);
    expect_refused(p, "compressed contents");
}

TEST_F(FormatTest, NamesMustBeUtf8TextWithoutBackslashes) {
    expect_refused(craft_payload({{"areas\\x.yaml", AE_IFREG, "x"}}),
                   "a file name with a backslash");
    expect_refused(craft_payload({{"bad\xff.yaml", AE_IFREG, "x"}}),
                   "a file name that is not valid UTF-8 text ('bad?.yaml')");
    expect_refused(craft_payload({{"next\xc2\x85line", AE_IFREG, "x"}}),
                   "a file name with control characters ('next?line')");
    expect_refused(craft_payload({{"tab\there", AE_IFREG, "x"}}), "with control characters");
    // Chinese names are fine.
    ASSERT_TRUE(unpack(craft_payload({{"圖片/港.png", AE_IFREG, "x"}})));
    EXPECT_EQ(read_text(dest / "圖片" / "港.png"), "x");
}

TEST_F(FormatTest, DotEntryRefusalNamesIt) {
    expect_refused(craft_payload({{".", AE_IFREG, "x"}}), "a file named '.'");
}

// Issue 16: 20,000 tiny files had the first 10,000 created and fsync'ed
// before the entry limit tripped. Now the headers are counted first.
TEST_F(FormatTest, TooManyFilesAreRefusedBeforeAnyIsWritten) {
    std::vector<CraftEntry> many;
    for (int i = 0; i < 20000; ++i)
        many.emplace_back("f" + std::to_string(i), AE_IFREG, "x");
    const auto payload = craft_payload(many);
    const auto start = std::chrono::steady_clock::now();
    expect_refused(payload, "too many files (limit 10000)");
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 2.0);
}

TEST_F(FormatTest, ClashesAndDuplicatesAreFoundBeforeWriting) {
    expect_refused(
        craft_payload({{"a", AE_IFREG, "1"}, {"b", AE_IFREG, "2"}, {"a", AE_IFREG, "3"}}),
        "contains 'a' twice");
    expect_refused(craft_payload({{"a", AE_IFREG, "1"}, {"a/b", AE_IFREG, "2"}}),
                   "both as a file and as a folder");
    expect_refused(craft_payload({{"a/b", AE_IFREG, "1"}, {"a", AE_IFREG, "2"}}),
                   "both as a file and as a folder");
    expect_refused(craft_payload({{"x", AE_IFREG, "1"}, {"l", AE_IFLNK, "", "x"}}),
                   "a symbolic link ('l')");
}

TEST_F(FormatTest, DeclaredSizesAreSummedBeforeWriting) {
    // Nine files of 30 MiB (each under the 32 MiB limit), 270 MiB in total.
    std::vector<CraftEntry> big;
    for (int i = 0; i < 9; ++i)
        big.emplace_back("f" + std::to_string(i), AE_IFREG, "", "", 30ull << 20);
    expect_refused(craft_payload(big), "unpacks to too much data (limit 256 MiB)");
}

TEST(Label, MustBePlainText) {
    EXPECT_TRUE(label_is_text("Day 2 programme — 第二天"));
    EXPECT_FALSE(label_is_text("bad\xff"));
    EXPECT_FALSE(label_is_text("two\nlines"));
    EXPECT_FALSE(label_is_text("esc\x1b[31m"));
}

TEST(Label, SignedBundleWithGarbageLabelIsRefused) {
    const auto key = new_key();
    BundleHeader h;
    h.content_version = 5;
    h.label = "x\xc3";
    auto sealed = seal_bundle(h, gzip(small_tar()), key);
    ASSERT_TRUE(sealed);
    auto b = open_bundle(sealed.value(), key.public_key(), "x.kiosk");
    ASSERT_FALSE(b);
    EXPECT_NE(b.error().message.find("label is not plain text"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::update::test
