// Rules 4, 5 and 6: punctuation compression (numbers measured against the
// fonts' `halt` feature) and Han–Latin spacing. 1 em = 32 px throughout.
#include "text/spacing.h"
#include "text/font_impl.h"
#include "text/type_scale.h"
#include "text_test_util.h"

namespace kiosk::text {
namespace {

using testing::kSize;
using testing::lay;
using testing::lines_of;

const std::vector<Glyph>& glyphs(const TextLayout& t, size_t line = 0) {
    return t.lines.at(line).glyphs;
}

TEST(Spacing, HaltTrimsMatchTheFonts) {
    FontStack::Impl& im = testing::fonts().impl();
    im.set_size(kSize);
    // HK marks are centred: halt takes a quarter em from each side.
    EXPECT_FLOAT_EQ(halt_trim(im, kHkRegular, U'。').left_em, 0.25f);
    EXPECT_FLOAT_EQ(halt_trim(im, kHkRegular, U'。').right_em, 0.25f);
    // Mainland marks sit left: the whole blank half is on the right.
    EXPECT_FLOAT_EQ(halt_trim(im, kScRegular, U'。').left_em, 0.0f);
    EXPECT_FLOAT_EQ(halt_trim(im, kScRegular, U'。').right_em, 0.5f);
    // Brackets are the same in both: blank outside the ink.
    EXPECT_FLOAT_EQ(halt_trim(im, kHkRegular, U'「').left_em, 0.5f);
    EXPECT_FLOAT_EQ(halt_trim(im, kHkRegular, U'」').right_em, 0.5f);
}

TEST(Spacing, ClosingBracketAndStopCompressToOneAndAHalfEm) {
    for (Lang lang : {Lang::ZhHK, Lang::ZhHans}) {
        const TextLayout t = lay("你好」。", 1000, lang);
        const auto& g = glyphs(t);
        ASSERT_EQ(g.size(), 4u);
        EXPECT_FLOAT_EQ(g[2].advance, 16);  // 」 loses its blank right half
        EXPECT_FLOAT_EQ(g[3].advance, 32);
        EXPECT_FLOAT_EQ(g[3].x - g[2].x, 16);
        EXPECT_FLOAT_EQ(t.lines[0].width, 4 * kSize - 16);
    }
}

TEST(Spacing, CentredHkStopBeforeOpeningBracketSharesTheTrim) {
    // 。「 in HK: the centred 。 gives a quarter em on its right, 「 a quarter on its left.
    const TextLayout t = lay("你。「好", 1000, Lang::ZhHK);
    const auto& g = glyphs(t);
    ASSERT_EQ(g.size(), 4u);
    EXPECT_FLOAT_EQ(g[1].advance, 24);
    EXPECT_FLOAT_EQ(g[2].x, 48);  // pen 56, shifted left by the 8 px trimmed from 「
    EXPECT_FLOAT_EQ(g[2].advance, 24);
    EXPECT_FLOAT_EQ(g[3].x, 80);  // 。「 together: 1.5 em
    // SC: 。 sits left, so its right half goes and 「 keeps its full width.
    const TextLayout sc = lay("你。「好", 1000, Lang::ZhHans);
    EXPECT_FLOAT_EQ(glyphs(sc)[1].advance, 16);
    EXPECT_FLOAT_EQ(glyphs(sc)[2].advance, 32);
    EXPECT_FLOAT_EQ(glyphs(sc)[3].x, 80);
}

TEST(Spacing, CentredHkStopBeforeClosingBracketKeepsItsInkClear) {
    // 。」 in HK: 」's ink touches its left edge, so only 。's quarter em can go:
    // 1.75 em, not 1.5 — trimming more would overlap the inks.
    const TextLayout t = lay("好。」", 1000, Lang::ZhHK);
    EXPECT_FLOAT_EQ(glyphs(t)[1].advance, 24);
    EXPECT_FLOAT_EQ(glyphs(t)[2].advance, 32);
}

TEST(Spacing, ExclamationAndQuestionMarksNeverCompress) {
    for (Lang lang : {Lang::ZhHK, Lang::ZhHans}) {
        const TextLayout t = lay("好！」真的？！", 1000, lang);
        const auto& g = glyphs(t);
        ASSERT_EQ(g.size(), 7u);
        EXPECT_FLOAT_EQ(g[1].advance, 32);  // ！
        EXPECT_FLOAT_EQ(g[2].advance, 32);  // 」 after ！ stays full too
        EXPECT_FLOAT_EQ(g[5].advance, 32);  // ？
        EXPECT_FLOAT_EQ(g[6].advance, 32);  // ！
    }
}

TEST(Spacing, CompressionHappensBeforeLineFitting) {
    // 8 ideographs + 」。 = 8 em + 1.5 em = 304 px: fits a 305 px line.
    const TextLayout t = lay("一二三四五六七八」。", 305, Lang::ZhHK);
    EXPECT_EQ(t.lines.size(), 1u);
    EXPECT_FLOAT_EQ(t.lines[0].width, 304);
}

TEST(Spacing, OpeningBracketLosesHalfAnEmAtASoftLineStartOnly) {
    const TextLayout t = lay("一二三四五六七八九十「好嗎」", 320, Lang::ZhHK);
    ASSERT_EQ(lines_of(t), (std::vector<std::string>{"一二三四五六七八九十", "「好嗎」"}));
    const Glyph& bracket = glyphs(t, 1).at(0);
    EXPECT_FLOAT_EQ(bracket.x, -16);  // blank left half hangs outside; ink starts at 0
    EXPECT_FLOAT_EQ(bracket.advance, 16);
    EXPECT_FLOAT_EQ(t.lines[1].width, 16 + 32 + 32 + 32);
    // The paragraph's first line keeps its bracket whole (it lines up with the indent).
    const TextLayout first = lay("「好嗎」", 320, Lang::ZhHK);
    EXPECT_FLOAT_EQ(glyphs(first)[0].x, 0);
    EXPECT_FLOAT_EQ(glyphs(first)[0].advance, 32);
}

TEST(Spacing, NoPunctuationHangsOutsideTheLine) {
    // Rule 4: a line ending in a stop mark still fits max_width.
    const std::string text = "一二三四五六七八九十。一二三四五六七八九十，一二三四五六七八九十。";
    for (int w = 100; w <= 500; w += 7) {
        const TextLayout t = lay(text, static_cast<float>(w), Lang::ZhHK, true);
        for (const Line& l : t.lines) {
            EXPECT_LE(l.x + l.width, w + 0.5f) << "width " << w;
            for (const Glyph& g : l.glyphs)
                EXPECT_LE(g.x + g.advance, w + 0.5f);
        }
    }
}

float width_of(const char* s, Lang lang = Lang::ZhHK) {
    return lay(s, 5000, lang).lines[0].width;
}

TEST(Spacing, HanLatinGapIsAnEighthEm) {
    const float gap = type_scale::kHanLatinSpaceEm * kSize;
    ASSERT_FLOAT_EQ(gap, 4);
    const TextLayout t = lay("用iPhone拍", 5000, Lang::ZhHK);
    const auto& g = glyphs(t);
    EXPECT_FLOAT_EQ(g[1].x - g[0].x, 32 + gap);
    EXPECT_NEAR(t.lines[0].width, width_of("用") + width_of("iPhone") + width_of("拍") + 2 * gap,
                0.01);
}

TEST(Spacing, DigitsAreSolidUnlessTheHouseStyleAsks) {
    // HK releases set "2023年6月26日" solid; TextStyle::han_digit_space_em opts in.
    const float solid = width_of("約") + width_of("100") + width_of("人");
    EXPECT_NEAR(width_of("約100人"), solid, 0.01);
    TextStyle st = testing::style(Lang::ZhHK);
    st.han_digit_space_em = type_scale::kHanLatinSpaceEm;
    const TextLayout spaced = layout_paragraph(testing::fonts(), "約100人", st, 5000);
    EXPECT_NEAR(spaced.lines[0].width, solid + 2 * type_scale::kHanLatinSpaceEm * kSize, 0.01);
    // Latin letters keep their ⅛ em either way.
    EXPECT_NEAR(width_of("用iPhone"), width_of("用") + width_of("iPhone") + 4, 0.01);
}

TEST(Spacing, NoHanLatinGapNextToPunctuation) {
    EXPECT_NEAR(width_of("用「iPhone」"), 32 + 32 + width_of("iPhone") + 32, 0.01);
    EXPECT_NEAR(width_of("iPhone，好"), width_of("iPhone") + 64, 0.01);
}

TEST(Spacing, NoHanLatinGapAtLineEdges) {
    const TextLayout t = lay("一二三四五六七八九十iPhone", 330, Lang::ZhHK);
    ASSERT_EQ(lines_of(t), (std::vector<std::string>{"一二三四五六七八九十", "iPhone"}));
    EXPECT_FLOAT_EQ(t.lines[0].width, 320);
    EXPECT_FLOAT_EQ(glyphs(t, 1)[0].x, 0);
}

}  // namespace
}  // namespace kiosk::text
