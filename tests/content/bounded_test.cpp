// Bounded loading: what a hostile (or careless) content file can no longer
// make the loader and validator do. Each test names the bound it checks.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "base/limits.h"
#include "content/loader.h"
#include "content/validate.h"
#include "content/yaml_guard.h"
#include "fixture.h"

namespace kiosk::content {
namespace {

using test::ContentFixture;

std::string first_error(const Diagnostics& d) {
    for (const auto& i : d.items())
        if (i.severity == Severity::Error)
            return i.str();
    return "";
}

TEST(YamlGuard, AliasIsRefusedWithItsLine) {
    const auto d = check_yaml_structure("a: &p long text\nb:\n  - *p\n", "areas/x.yaml");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->where.line, 3);
    EXPECT_NE(d->message.find("aliases"), std::string::npos) << d->str();
}

TEST(YamlGuard, DuplicateKeyNamesBothLines) {
    const auto d = check_yaml_structure("id: x\ntitle: a\naccent: b\ntitle: c\n", "f.yaml");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->str(),
              "f.yaml:4:1: error: 'title' is given twice in this mapping (first on line 2); keep "
              "only one");
}

TEST(YamlGuard, SameKeyInDifferentMappingsIsFine) {
    EXPECT_FALSE(check_yaml_structure(
        "a: {en: x, zh-HK: y}\nb: {en: x, zh-HK: y}\nc:\n  - {en: 1}\n  - {en: 2}\n", "f.yaml"));
}

TEST(YamlGuard, DeepNestingIsRefusedClearly) {
    const std::string deep = std::string(200, '[') + std::string(200, ']');
    const auto d = check_yaml_structure("a: " + deep + "\n", "f.yaml");
    ASSERT_TRUE(d);
    EXPECT_NE(d->message.find("nested too deeply (more than 32 levels)"), std::string::npos)
        << d->str();
}

TEST(YamlGuard, NodeCountIsBounded) {
    std::string many = "a:\n";
    for (int i = 0; i <= limits::kMaxYamlNodes; ++i)
        many += "  - x\n";
    const auto d = check_yaml_structure(many, "f.yaml");
    ASSERT_TRUE(d);
    EXPECT_NE(d->message.find("more than 20000 entries"), std::string::npos) << d->str();
}

TEST(YamlGuard, SecondDocumentIsRefused) {
    const auto d = check_yaml_structure("a: 1\n---\nb: [\n", "f.yaml");
    ASSERT_TRUE(d);
    EXPECT_NE(d->message.find("more than one YAML document"), std::string::npos);
}

TEST(YamlGuard, ComplexKeyIsRefused) {
    const auto d = check_yaml_structure("? [a, b]\n: c\n", "f.yaml");
    ASSERT_TRUE(d);
    EXPECT_NE(d->message.find("a key must be plain text"), std::string::npos);
}

// The attack from issue 16: one long paragraph and many aliases to it. Before,
// 10,000 aliases took 62 s and 495 MiB; now the loader stops at the first one.
TEST(BoundedLoading, AliasedParagraphsAreRefusedFast) {
    ContentFixture f;
    std::string area =
        "id: aviation\ntitle: {zh-HK: 航空, en: Aviation}\naccent: \"#0A6E8A\"\n"
        "icon: icons/aviation.png\npictures:\n  - file: pictures/aviation.jpg\n"
        "    caption: {zh-HK: 圖, en: Picture}\nparagraphs:\n  - &p \"" +
        std::string(15000, 'x') + "\"\n";
    for (int i = 0; i < 10000; ++i)
        area += "  - *p\n";
    f.write("areas/aviation.yaml", area);
    const auto start = std::chrono::steady_clock::now();
    LoadResult r = load_bundle(f.dir());
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_FALSE(r.bundle);
    EXPECT_NE(r.diagnostics.str().find("areas/aviation.yaml:10:5: error: YAML aliases"),
              std::string::npos)
        << r.diagnostics.str();
    EXPECT_LT(s, 2.0);
}

TEST(BoundedLoading, AboutBlocksThroughAliasesAreRefused) {
    ContentFixture f;
    std::string about = "title: {zh-HK: 關於, en: About}\nblocks:\n  - &b {paragraph: \"" +
                        std::string(1000, 'y') + "\"}\n";
    for (int i = 0; i < 100; ++i)
        about += "  - *b\n";
    f.write("about.yaml", about);
    LoadResult r = load_bundle(f.dir());
    EXPECT_NE(r.diagnostics.str().find("about.yaml:4:5: error: YAML aliases"), std::string::npos)
        << r.diagnostics.str();
}

// Counts are checked before anything is copied, and at most the limit is read.
TEST(BoundedLoading, TooManyParagraphsAreCountedBeforeCopying) {
    ContentFixture f;
    std::string area =
        "id: aviation\ntitle: {zh-HK: 航空, en: Aviation}\naccent: \"#0A6E8A\"\n"
        "icon: icons/aviation.png\npictures:\n  - file: pictures/aviation.jpg\n"
        "    caption: {zh-HK: 圖, en: Picture}\nparagraphs:\n";
    for (int i = 0; i < 5000; ++i)
        area += "  - p" + std::to_string(i) + "\n";
    f.write("areas/aviation.yaml", area);
    LoadResult r = load_bundle(f.dir());
    ASSERT_TRUE(r.partial);
    EXPECT_NE(r.diagnostics.str().find("too many paragraphs (limit 60) (5000 given)"),
              std::string::npos)
        << r.diagnostics.str();
    for (const auto& a : r.partial->areas)
        EXPECT_LE(a.paragraphs.size(), 60u);
}

TEST(BoundedLoading, TooManyUiStringsAreRefused) {
    ContentFixture f;
    std::string s;
    for (int i = 0; i <= limits::kMaxUiStrings; ++i)
        s += "k" + std::to_string(i) + ": v\n";
    f.write("strings.yaml", s);
    LoadResult r = load_bundle(f.dir());
    EXPECT_NE(r.diagnostics.str().find("too many strings (limit 200, 201 given)"),
              std::string::npos)
        << r.diagnostics.str();
    ASSERT_TRUE(r.partial);
    EXPECT_TRUE(r.partial->strings.empty());
}

TEST(BoundedLoading, AllYamlFilesTogetherAreBounded) {
    ContentFixture f;
    // Five areas of 900 KB each (each under the 1 MiB file limit) pass 4 MiB together.
    const char* ids[] = {"finance", "aviation", "education", "environment", "youth-exchange"};
    for (const char* id : ids)
        f.write(std::string("areas/") + id + ".yaml",
                "# " + std::string(900 * 1024, 'x') + "\nid: " + id + "\n");
    LoadResult r = load_bundle(f.dir());
    EXPECT_NE(r.diagnostics.str().find("the content's YAML files together are larger than 4 MiB"),
              std::string::npos)
        << r.diagnostics.str();
}

// A PNG whose header claims 4096×4096 pixels and whose data is garbage: the
// header alone tells the validator what decoding it would cost.
std::string huge_claimed_png() {
    const unsigned char head[] = {
        0x89, 'P',  'N', 'G', '\r', '\n', 0x1a, '\n', 0,    0, 0, 13, 'I', 'H', 'D', 'R', 0,
        0,    0x10, 0,   0,   0,    0x10, 0,    8,    6,    0, 0, 0,  0,   0,   0,   0,   0,
        0,    0,    16,  'I', 'D',  'A',  'T',  0x78, 0x9c, 1, 2, 3,  4,   5,   6,   7};
    return std::string(reinterpret_cast<const char*>(head), sizeof head) + std::string(16, 'z');
}

std::string with_pictures(const std::vector<std::string>& files) {
    std::string area =
        "id: aviation\ntitle: {zh-HK: 航空, en: Aviation}\naccent: \"#0A6E8A\"\n"
        "icon: icons/aviation.png\npictures:\n";
    for (const auto& file : files)
        area += "  - file: " + file + "\n    caption: {zh-HK: 圖, en: Picture}\n";
    return area + "paragraphs:\n  - {zh-HK: 段, en: Paragraph}\n";
}

TEST(BoundedValidation, EachPictureIsCheckedOnceHoweverOftenItIsNamed) {
    ContentFixture f;
    f.write("pictures/big.png", huge_claimed_png());
    // Six mentions of one 16.8-Mpx picture would pass the 96-Mpx budget if each counted.
    f.write("areas/aviation.yaml",
            with_pictures({"pictures/big.png", "pictures/big.png", "pictures/./big.png",
                           "pictures/big.png", "pictures/big.png", "pictures/big.png"}));
    const std::string out = validate_content(f.dir()).str();
    std::size_t damaged = 0;
    for (auto at = out.find("damaged"); at != std::string::npos; at = out.find("damaged", at + 1))
        ++damaged;
    EXPECT_EQ(damaged, 1u) << out;
    EXPECT_EQ(out.find("million pixels"), std::string::npos) << out;
}

TEST(BoundedValidation, DecodedPixelsAreBoundedInTotal) {
    ContentFixture f;
    std::vector<std::string> files;
    for (int i = 0; i < 6; ++i) {
        files.push_back("pictures/big" + std::to_string(i) + ".png");
        f.write(files.back(), huge_claimed_png());
    }
    f.write("areas/aviation.yaml", with_pictures(files));
    const std::string out = validate_content(f.dir()).str();
    EXPECT_NE(out.find("the pictures together have more than 96 million pixels; make them "
                       "smaller ('pictures/big5.png')"),
              std::string::npos)
        << out;
}

TEST(BoundedValidation, BrokenContentGetsNoFullDecode) {
    ContentFixture f;
    f.write("pictures/big.png", huge_claimed_png());
    f.write("areas/aviation.yaml", with_pictures({"pictures/big.png"}));
    EXPECT_NE(validate_content(f.dir()).str().find("damaged"), std::string::npos);
    f.replace("areas/finance.yaml", "accent: \"", "accent: \"nope");
    const Diagnostics broken = validate_content(f.dir());
    EXPECT_NE(first_error(broken).find("must be a colour"), std::string::npos) << broken.str();
    // The header is fine, so only a full decode would call it damaged.
    EXPECT_EQ(broken.str().find("big.png"), std::string::npos) << broken.str();
}

}  // namespace
}  // namespace kiosk::content
