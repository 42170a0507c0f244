#include "base/utf8.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(Utf8, DecodesMixedScriptsWithOffsets) {
    auto cps = decode_utf8("A金🇭");
    ASSERT_EQ(cps.size(), 3u);
    EXPECT_EQ(cps[0].cp, U'A');
    EXPECT_EQ(cps[1].cp, U'金');
    EXPECT_EQ(cps[1].offset, 1u);
    EXPECT_EQ(cps[1].length, 3u);
    EXPECT_EQ(cps[2].cp, U'\U0001F1ED');
    EXPECT_EQ(cps[2].length, 4u);
}

TEST(Utf8, InvalidBytesBecomeReplacementOneByteAtATime) {
    auto cps = decode_utf8(std::string("a\xff\xe9\x87", 4));  // stray byte, truncated 金
    ASSERT_EQ(cps.size(), 4u);
    EXPECT_EQ(cps[1].cp, 0xFFFDu);
    EXPECT_EQ(cps[2].cp, 0xFFFDu);
    EXPECT_EQ(cps[3].cp, 0xFFFDu);
    EXPECT_FALSE(is_valid_utf8(std::string("a\xff", 2)));
}

TEST(Utf8, RejectsOverlongAndSurrogates) {
    EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // U+D800
    EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // > U+10FFFF
    EXPECT_TRUE(is_valid_utf8("浙江周"));
}

TEST(Utf8, SanitizeRoundTripsValidText) {
    EXPECT_EQ(sanitize_utf8("港澳•浙江周"), "港澳•浙江周");
    EXPECT_EQ(sanitize_utf8(std::string("x\x80y", 3)), "x\xEF\xBF\xBDy");
}

}  // namespace
}  // namespace kiosk
