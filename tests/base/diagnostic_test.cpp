#include "base/diagnostic.h"

#include <gtest/gtest.h>

#include "base/lang.h"

namespace kiosk {
namespace {

TEST(Diagnostic, FormatsFileLineColumn) {
    Diagnostic d{Severity::Error, {"areas/finance.yaml", 3, 7}, "expected a mapping"};
    EXPECT_EQ(d.str(), "areas/finance.yaml:3:7: error: expected a mapping");
    Diagnostic w{Severity::Warning, {"event.yaml", 0, 0}, "no English title"};
    EXPECT_EQ(w.str(), "event.yaml: warning: no English title");
}

TEST(Diagnostic, CountsErrorsAndWarningsSeparately) {
    Diagnostics ds;
    ds.warning({"a", 1, 1}, "w");
    EXPECT_FALSE(ds.has_errors());
    ds.error({"a", 2, 1}, "e");
    EXPECT_TRUE(ds.has_errors());
    EXPECT_EQ(ds.error_count(), 1);
    EXPECT_EQ(ds.warning_count(), 1);
}

TEST(Lang, ParsesTagsAndAliases) {
    EXPECT_EQ(parse_lang("zh-Hant-HK"), Lang::ZhHK);
    EXPECT_EQ(parse_lang("zh_hk"), Lang::ZhHK);
    EXPECT_EQ(parse_lang("zh-Hans"), Lang::ZhHans);
    EXPECT_EQ(parse_lang("en-GB"), Lang::En);
    EXPECT_EQ(parse_lang("fr"), std::nullopt);
    EXPECT_EQ(lang_tag(Lang::ZhHans), "zh-Hans");
}

}  // namespace
}  // namespace kiosk
