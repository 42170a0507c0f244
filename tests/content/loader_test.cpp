#include "content/loader.h"

#include <gtest/gtest.h>

#include "fixture.h"

namespace kiosk::content {
namespace {

using test::ContentFixture;

const char* const kAreaIds[] = {
    "finance",        "innovation-technology", "trade-investment",      "aviation",
    "education",      "youth-exchange",        "culture-tourism",       "talent-civil-service",
    "healthcare-tcm", "environment",           "hk-residents-mainland", "legal-dispute-resolution"};

TEST(Loader, BundledContentLoadsWithTwelveAreasInSeedOrder) {
    LoadResult r = load_bundle(test::source_content_dir());
    ASSERT_TRUE(r.bundle) << r.diagnostics.str();
    EXPECT_FALSE(r.diagnostics.has_errors());
    const Bundle& b = *r.bundle;
    ASSERT_EQ(b.areas.size(), 12u);
    for (size_t i = 0; i < 12; ++i)
        EXPECT_EQ(b.areas[i].id, kAreaIds[i]);
    EXPECT_EQ(b.areas[0].title.get(Lang::ZhHK), "金融");
    EXPECT_EQ(b.event.title.get(Lang::ZhHK), "2023港澳•浙江周");
    for (const auto& a : b.areas) {
        EXPECT_FALSE(a.pictures.empty()) << a.id;
        EXPECT_FALSE(a.paragraphs.empty()) << a.id;
        EXPECT_FALSE(a.icon.empty()) << a.id;
        EXPECT_TRUE(a.title.has(Lang::En)) << a.id;
    }
}

TEST(Loader, SimplifiedIsDerivedWithOpenCCUnlessGiven) {
    LoadResult r = load_bundle(test::source_content_dir());
    ASSERT_TRUE(r.bundle);
    const Area& tech = r.bundle->areas[1];  // 科技創新
    EXPECT_EQ(tech.title.get(Lang::ZhHans), "科技创新");
    EXPECT_TRUE(tech.title.simplified_derived);
    // Mainland quotation marks replace the corner brackets.
    const std::string& fin = r.bundle->areas[0].paragraphs[0].get(Lang::ZhHans);
    EXPECT_NE(fin.find("“走出去”"), std::string::npos) << fin;
    EXPECT_EQ(fin.find("「"), std::string::npos) << fin;
    LoadResult raw = load_bundle(test::source_content_dir(), /*derive_simplified=*/false);
    ASSERT_TRUE(raw.bundle);
    EXPECT_FALSE(raw.bundle->areas[1].title.has(Lang::ZhHans));
}

TEST(Loader, BrokenYamlIsReportedWithFileLineColumn) {
    ContentFixture f;
    f.write("areas/aviation.yaml", "id: aviation\ntitle: {zh-HK: 航空, en: Aviation\naccent: x\n");
    LoadResult r = load_bundle(f.dir());
    EXPECT_FALSE(r.bundle);
    ASSERT_TRUE(r.diagnostics.has_errors());
    const Diagnostic& d = r.diagnostics.items().front();
    EXPECT_EQ(d.where.file, "areas/aviation.yaml");
    EXPECT_EQ(d.where.line, 3);
    EXPECT_GT(d.where.col, 0);
    EXPECT_NE(d.message.find("invalid YAML"), std::string::npos) << d.str();
}

TEST(Loader, WrongTypesAndMissingFieldsPointAtTheField) {
    ContentFixture f;
    f.replace("areas/education.yaml", "accent: \"", "accent: \"nope");
    f.replace("areas/education.yaml", "title:", "titel:");
    LoadResult r = load_bundle(f.dir());
    EXPECT_FALSE(r.bundle);
    const std::string all = r.diagnostics.str();
    EXPECT_NE(all.find("areas/education.yaml:"), std::string::npos) << all;
    EXPECT_NE(all.find("missing required field 'title'"), std::string::npos) << all;
    EXPECT_NE(all.find("unknown field 'titel'"), std::string::npos) << all;
    EXPECT_NE(all.find("must be a colour"), std::string::npos) << all;
}

TEST(Loader, MissingAreaFileAndPictureAreErrors) {
    ContentFixture f;
    std::filesystem::remove(f.dir() / "areas" / "environment.yaml");
    f.replace("areas/finance.yaml", "pictures/finance", "pictures/nothere");
    LoadResult r = load_bundle(f.dir());
    EXPECT_FALSE(r.bundle);
    const std::string all = r.diagnostics.str();
    EXPECT_NE(all.find("areas/environment.yaml: error: file is missing"), std::string::npos) << all;
    EXPECT_NE(all.find("not found"), std::string::npos) << all;
}

// Found by fuzz_yaml: a file name longer than the filesystem allows made
// std::filesystem throw (ENAMETOOLONG) and the kiosk abort.
TEST(Loader, OverlongPictureNameIsNotFoundNotACrash) {
    ContentFixture f;
    f.replace("areas/finance.yaml", "pictures/finance.jpg",
              "pictures/" + std::string(400, 'x') + ".jpg");
    LoadResult r;
    ASSERT_NO_THROW(r = load_bundle(f.dir()));
    EXPECT_FALSE(r.bundle);
    const std::string all = r.diagnostics.str();
    EXPECT_NE(all.find("areas/finance.yaml:7:"), std::string::npos) << all;
    EXPECT_NE(all.find("not found"), std::string::npos) << all;
}

TEST(Loader, DuplicateAndReservedIdsAndEscapingPathsAreRefused) {
    ContentFixture f;
    f.replace("event.yaml", "  - aviation\n", "  - aviation\n  - aviation\n  - home\n");
    f.replace("areas/finance.yaml", "icons/finance.png", "../../etc/passwd");
    LoadResult r = load_bundle(f.dir());
    const std::string all = r.diagnostics.str();
    EXPECT_NE(all.find("listed twice"), std::string::npos) << all;
    EXPECT_NE(all.find("reserved"), std::string::npos) << all;
    EXPECT_NE(all.find("must be a path inside the content folder"), std::string::npos) << all;
}

TEST(Loader, NonUtf8AndEmptyFilesAreErrorsNotCrashes) {
    ContentFixture f;
    f.write("about.yaml", "title: \xff\xfe\n");
    f.write("strings.yaml", "");
    LoadResult r = load_bundle(f.dir());
    const std::string all = r.diagnostics.str();
    EXPECT_NE(all.find("about.yaml: error: the file is not valid UTF-8"), std::string::npos) << all;
    EXPECT_NE(all.find("strings.yaml:1:1: error: the file is empty"), std::string::npos) << all;
}

}  // namespace
}  // namespace kiosk::content
