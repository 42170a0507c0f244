// Rules 7, 8 and 10: justification, indent, orphans, line height, alignment,
// and robustness on arbitrary input.
#include <map>
#include <random>

#include "base/utf8.h"
#include "text/font_impl.h"
#include "text_test_util.h"

namespace kiosk::text {
namespace {

using testing::kSize;
using testing::lay;
using testing::lines_of;

const std::string kBody =
    "香港故事展覽以實物、圖片和多媒體，介紹香港由遠古至今的發展。展覽共有八個展區，"
    "包括自然生態環境、史前時期的香港、歷代發展、民俗、鴉片戰爭與香港的割讓、"
    "香港開埠及早期發展、日佔時期，以及現代城市及香港回歸。參觀人數每年超過100萬人次，"
    "門票售價HK$10，逢星期三免費入場。";

bool is_latin_letter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

TEST(Justify, ChineseLinesReachBothEdges) {
    for (float width : {300.f, 333.f, 417.f, 600.f}) {
        const TextLayout t = lay(kBody, width, Lang::ZhHK, true, 2);
        ASSERT_GE(t.lines.size(), 3u);
        for (size_t i = 0; i + 1 < t.lines.size(); ++i) {
            const Line& l = t.lines[i];
            EXPECT_NEAR(l.x + l.width, width, 0.5f) << "line " << i << " width " << width;
            const Glyph& last = l.glyphs.back();
            EXPECT_NEAR(last.x + last.advance, width, 0.5f) << "line " << i;
            EXPECT_NEAR(testing::glyph_sum(l), l.width, 0.5f);
        }
    }
}

TEST(Justify, LastLineIsNotJustifiedAndStartsFlush) {
    const TextLayout t = lay(kBody, 333, Lang::ZhHK, true, 2);
    const Line& last = t.lines.back();
    EXPECT_FALSE(last.justified);
    EXPECT_EQ(last.x, 0);
    EXPECT_EQ(last.glyphs.front().x, 0);
    EXPECT_LT(last.width, 333 - 16);
}

TEST(Justify, NeverInsideLatinWords) {
    const std::string text = "本館的導覽應用程式支援iPhone與Android手機，請於入口掃描二維碼下載。";
    // Natural advances by cluster, from one unjustified line.
    std::map<uint32_t, float> natural;
    const TextLayout one_line = lay(text, 5000, Lang::ZhHK);
    for (const Glyph& g : one_line.lines[0].glyphs)
        natural[g.cluster] = g.advance;
    for (int w = 200; w <= 500; w += 11) {
        const TextLayout t = lay(text, static_cast<float>(w), Lang::ZhHK, true);
        for (const Line& line : t.lines) {
            const auto& g = line.glyphs;
            for (size_t k = 0; k + 1 < g.size(); ++k) {
                const bool inside_word = is_latin_letter(t.source[g[k].cluster]) &&
                                         is_latin_letter(t.source[g[k + 1].cluster]);
                if (inside_word) {
                    EXPECT_FLOAT_EQ(g[k].advance, natural[g[k].cluster]) << "width " << w;
                }
            }
        }
    }
}

TEST(Justify, WordSpacesInChineseShareTheSlack) {
    // Line 1 is "絕！iPhone 15售價": without the space as an expansion point all
    // slack would sit at 15|售 and 售|價.
    const TextLayout t = lay("遊客絡繹不絕！iPhone 15售價HK$1,234.50。", 480, Lang::ZhHK, true);
    ASSERT_GE(t.lines.size(), 2u);
    const TextLayout natural = lay("遊客絡繹不絕！iPhone 15售價HK$1,234.50。", 480, Lang::ZhHK);
    const auto& g = t.lines[0].glyphs;
    const auto& n = natural.lines[0].glyphs;
    ASSERT_EQ(g.size(), n.size());
    for (size_t k = 0; k < g.size(); ++k) {
        if (t.source[g[k].cluster] == ' ') {
            EXPECT_GT(g[k].advance, n[k].advance + 1);
        }
    }
    EXPECT_NEAR(t.lines[0].width, 480, 0.5f);
}

TEST(Justify, EnglishIsRaggedRight) {
    const TextLayout t =
        lay("The Hong Kong Story exhibition covers four hundred million years "
            "of history, from prehistoric times to the return of sovereignty.",
            400, Lang::En, true);
    ASSERT_GE(t.lines.size(), 3u);
    for (const Line& l : t.lines) {
        EXPECT_FALSE(l.justified);
        EXPECT_LE(l.width, 400);
    }
    EXPECT_LT(t.lines[0].width, 399);
}

TEST(Indent, FirstLineIsIndentedTwoEm) {
    const TextLayout t = lay(kBody, 333, Lang::ZhHK, true, 2);
    EXPECT_FLOAT_EQ(t.lines[0].x, 64);
    EXPECT_FLOAT_EQ(t.lines[0].glyphs[0].x, 64);
    EXPECT_FLOAT_EQ(t.lines[1].x, 0);
    EXPECT_FLOAT_EQ(t.lines[1].glyphs[0].x, 0);
}

// 41 ideographs at 20 per line would leave 「廿」 alone on line 3. (At 10 per line,
// a line short of one character would stretch ⅛ em per gap: too loose, see Loose.*.)
const std::string kForty =
    "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";

TEST(Orphan, SingleCharacterIsNotLeftAlone) {
    const std::string text = kForty + "廿";
    const TextLayout plain = lay(text, 640, Lang::ZhHK, true);
    const auto lines = lines_of(plain);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[2], "九十廿");                 // one phrase (BudouX: 九十) comes down
    EXPECT_NEAR(plain.lines[1].width, 640, 0.5f);  // the shortened line is re-justified
    EXPECT_TRUE(plain.lines[1].justified);
}

TEST(Orphan, SingleCharacterWithPunctuationIsNotLeftAlone) {
    const std::string text = kForty + "廿。」";
    const auto lines = lines_of(lay(text, 640, Lang::ZhHK, true));
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[2], "九十廿。」");
}

TEST(LineHeight, BaselinesAreLineHeightApart) {
    const TextLayout t = lay(kBody, 333, Lang::ZhHK, true, 2);
    const float lh = 1.7f * kSize;
    for (size_t i = 0; i < t.lines.size(); ++i) {
        // Half-leading puts the 1 em ideographic box in the middle of the line.
        EXPECT_NEAR(t.lines[i].baseline, i * lh + (lh - kSize) / 2 + 0.88f * kSize, 0.01f);
        for (const Glyph& g : t.lines[i].glyphs)
            if (g.face == kHkRegular) {
                EXPECT_FLOAT_EQ(g.y, t.lines[i].baseline);
            }
    }
    EXPECT_NEAR(t.height, t.lines.size() * lh, 0.01f);
}

TEST(Align, CenterCentresEachLine) {
    TextStyle s = testing::style(Lang::ZhHK);
    s.align = Align::Center;
    const TextLayout t = layout_paragraph(testing::fonts(), "香港歷史博物館\n常設展覽", s, 400);
    ASSERT_EQ(t.lines.size(), 2u);
    for (const Line& l : t.lines) {
        EXPECT_NEAR(l.x, (400 - l.width) / 2, 0.01f);
        EXPECT_NEAR(l.glyphs[0].x, l.x, 0.01f);
    }
    EXPECT_FLOAT_EQ(t.lines[0].width, 7 * kSize);
}

TEST(Layout, LineWidthExcludesTrailingSpaces) {
    const TextLayout t = lay("hello world", 100, Lang::En);
    ASSERT_EQ(lines_of(t), (std::vector<std::string>{"hello", "world"}));
    EXPECT_NEAR(t.lines[0].width, lay("hello", 1000, Lang::En).lines[0].width, 0.01f);
}

TEST(Layout, LinesCoverTheSourceExactly) {
    const TextLayout t = lay(kBody, 300, Lang::ZhHK, true, 2);
    uint32_t expect = 0;
    for (const Line& l : t.lines) {
        EXPECT_EQ(l.begin, expect);
        expect = l.end;
    }
    EXPECT_EQ(expect, t.source.size());
}

TEST(Layout, EmptyTextHasNoLines) {
    const TextLayout t = lay("", 300);
    EXPECT_TRUE(t.lines.empty());
    EXPECT_EQ(t.height, 0);
}

TEST(Layout, InvalidUtf8IsSanitised) {
    const TextLayout t = lay("ab\xFF\xC3(港\xE6\x97", 300);
    EXPECT_TRUE(is_valid_utf8(t.source));
    EXPECT_EQ(t.lines.size(), 1u);
}

TEST(Layout, NonsenseStylesNeverCrash) {
    TextStyle s = testing::style(Lang::ZhHK);
    s.size_px = std::numeric_limits<float>::quiet_NaN();
    s.line_height_em = -1;
    (void)layout_paragraph(testing::fonts(), "港港", s, -5);
    s.size_px = 1e9f;
    (void)layout_paragraph(testing::fonts(), "港港", s, std::numeric_limits<float>::infinity());
}

TEST(Layout, RandomInputNeverCrashesAndAlwaysFits) {
    // Fuzz-style: random bytes and random mixes of tricky characters.
    const std::vector<std::string> pieces = {
        "港",        "，",  "。",   "「", "」",         "·",      "⋯",  "—",
        "a",         "Z",   "1",    " ",  "\n",         "\u00A0", "🇭🇰", "👨‍👩‍👧",
        "e\xCC\x81", "HK$", "\xFF", "\t", "\U0010FFFD", "iPhone", "！"};
    std::mt19937 rng(1234);
    for (int iter = 0; iter < 300; ++iter) {
        std::string text;
        const int n = static_cast<int>(rng() % 60);
        for (int i = 0; i < n; ++i) {
            if (rng() % 5 == 0)
                text += static_cast<char>(rng() % 256);
            else
                text += pieces[rng() % pieces.size()];
        }
        const float width = static_cast<float>(rng() % 400);
        const Lang lang = kAllLangs[rng() % 3];
        const TextLayout t = lay(text, width, lang, rng() % 2 == 0, static_cast<float>(rng() % 3));
        uint32_t covered = 0;
        for (const Line& l : t.lines) {
            ASSERT_EQ(l.begin, covered);
            covered = l.end;
            if (!l.overflows) {
                EXPECT_LE(l.x + l.width, std::max(width, 0.f) + 0.5f) << text;
            }
        }
        ASSERT_EQ(covered, t.source.size());
    }
}

}  // namespace
}  // namespace kiosk::text
