#include "content/validate.h"

#include <gtest/gtest.h>

#include "fixture.h"

namespace kiosk::content {
namespace {

using test::ContentFixture;

std::string run(const ContentFixture& f, const ValidateOptions& opt = {}) {
    return validate_content(f.dir(), opt).str();
}

TEST(Validate, BundledContentHasNoErrors) {
    Diagnostics d = validate_content(test::source_content_dir());
    EXPECT_FALSE(d.has_errors()) << d.str();
}

TEST(Validate, UncoveredCharacterIsNamedWithItsPlace) {
    ContentFixture f;
    f.replace("areas/aviation.yaml", "航空\"", "航空\U0001F6E9\"");
    ValidateOptions opt;
    opt.covers = [](char32_t cp, Lang) { return cp != 0x1F6E9; };
    const std::string out = run(f, opt);
    EXPECT_NE(out.find("areas/aviation.yaml:"), std::string::npos) << out;
    EXPECT_NE(out.find("error: character '\U0001F6E9' (U+1F6E9) in zh-HK text cannot be drawn"),
              std::string::npos)
        << out;
}

TEST(Validate, AsciiPunctuationInChineseIsAWarningButAmountsAreFine) {
    ContentFixture f;
    f.replace("areas/education.yaml", "，", ",");
    f.replace("areas/aviation.yaml", "，", "HK$1,234.50");
    Diagnostics d = validate_content(f.dir());
    EXPECT_FALSE(d.has_errors()) << d.str();
    const std::string out = d.str();
    EXPECT_NE(out.find("areas/education.yaml:"), std::string::npos) << out;
    EXPECT_NE(out.find("warning: ASCII ','"), std::string::npos) << out;
    EXPECT_EQ(out.find("areas/aviation.yaml"), std::string::npos) << out;
}

TEST(Validate, MissingTranslationIsAWarningNamingTheFallback) {
    ContentFixture f;
    f.replace("areas/finance.yaml", "title: {zh-HK: \"金融\", en: \"Finance\"}",
              "title: {zh-HK: \"金融\"}");
    Diagnostics d = validate_content(f.dir());
    EXPECT_FALSE(d.has_errors()) << d.str();
    EXPECT_NE(d.str().find("areas/finance.yaml:3:8: warning: no English (en) area title; English "
                           "visitors see the Chinese text"),
              std::string::npos)
        << d.str();
}

TEST(Validate, CorruptPictureIsAnError) {
    ContentFixture f;
    f.write("icons/finance.png", "\x89PNG\r\n\x1a\nthis is not a png");
    const std::string out = run(f);
    EXPECT_NE(out.find("error: the picture is damaged"), std::string::npos) << out;
    EXPECT_NE(out.find("icons/finance.png"), std::string::npos) << out;
}

TEST(Validate, TooLongTitleIsAWarning) {
    ContentFixture f;
    ValidateOptions opt;
    opt.title_fits = [](const std::string& t, Lang) { return t != "航空"; };
    const std::string out = run(f, opt);
    EXPECT_NE(out.find("warning: the zh-HK title '航空' is too long for its tile"),
              std::string::npos)
        << out;
}

// Footer labels: a short_title that does not fit is an error at its own
// file:line:col; a long title without one is a warning on the title.
TEST(Validate, FooterShortTitleMustFit) {
    ContentFixture f;
    f.replace("areas/environment.yaml", "short_title:", "# short_title:");
    ValidateOptions opt;
    opt.footer_fits = [](const std::string& t, Lang) { return t.size() <= 12; };
    const std::string out = run(f, opt);
    EXPECT_NE(out.find("areas/innovation-technology.yaml:4:19: error: the en short_title "
                       "'Innovation & Tech' does not fit"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("areas/environment.yaml:3:8: warning: the en title 'Environmental "
                       "Protection' does not fit the footer"),
              std::string::npos)
        << out;
    EXPECT_EQ(out.find("'HK People'"), std::string::npos) << out;  // fits: nothing to say
    EXPECT_EQ(out.find("'金融'"), std::string::npos) << out;
}

}  // namespace
}  // namespace kiosk::content
