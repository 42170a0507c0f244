// Rules 1, 2 and 9: break opportunities (ICU + CLREQ) observed through layouts
// of concrete strings at every width from narrow to wide.
#include <string>

#include "base/utf8.h"
#include "text/chars.h"
#include "text/linebreak.h"
#include "text_test_util.h"

namespace kiosk::text {
namespace {

using testing::first_cp;
using testing::last_cp;
using testing::lay;
using testing::lines_of;

// Lays text out at every width in [from, to] (px) and calls check on the lines.
template <class Check>
void sweep(const std::string& text, Lang lang, int from, int to, Check check) {
    for (int w = from; w <= to; w += 3) {
        const TextLayout t = lay(text, static_cast<float>(w), lang);
        std::string joined;
        for (const std::string& l : lines_of(t))
            joined += l;
        ASSERT_EQ(joined, text) << "width " << w;  // nothing lost, nothing inserted
        check(lines_of(t), w);
    }
}

const std::string kHkParagraph =
    "香港，簡稱「港」，是中華人民共和國的特別行政區。位於南海北岸、珠江口東側；"
    "北接深圳，西望澳門。「維多利亞港」與『太平山頂』是著名景點：遊客絡繹不絕！"
    "你去過嗎？《香港年鑑》記載了〈歷史〉【重要】〔附註〕的資料（見附錄）。"
    "約翰·史密斯說：“好”。人人々々之處⋯⋯真的嗎——是的。";

TEST(LineBreak, NoLineStartsWithAProhibitedMark) {
    const std::u32string prohibited = U"，。、；：？！」』）》〉】〕”’·‧•・々〻⋯—";
    for (Lang lang : {Lang::ZhHK, Lang::ZhHans}) {
        sweep(kHkParagraph, lang, 130, 700, [&](const std::vector<std::string>& lines, int w) {
            for (size_t i = 1; i < lines.size(); ++i)
                EXPECT_EQ(prohibited.find(first_cp(lines[i])), std::u32string::npos)
                    << "width " << w << " line " << lines[i];
        });
    }
}

TEST(LineBreak, NoLineStartsWithAComma) {
    // The rule named in the brief, on its own so a regression is obvious.
    sweep("一二三四五六七八九十，一二三四五六七八九十，一二三", Lang::ZhHK, 64, 400,
          [](const std::vector<std::string>& lines, int w) {
              for (const std::string& l : lines)
                  EXPECT_NE(l.rfind("，", 0), 0u) << "width " << w << ": " << l;
          });
}

TEST(LineBreak, NoLineEndsWithAnOpeningBracket) {
    const std::u32string prohibited = U"「『（《〈【〔“‘";
    sweep(kHkParagraph, Lang::ZhHK, 130, 700, [&](const std::vector<std::string>& lines, int w) {
        for (const std::string& l : lines)
            EXPECT_EQ(prohibited.find(last_cp(l)), std::u32string::npos)
                << "width " << w << " line " << l;
    });
}

TEST(LineBreak, EllipsisAndDashPairsNeverSplit) {
    sweep(kHkParagraph, Lang::ZhHK, 130, 700, [](const std::vector<std::string>& lines, int w) {
        for (const std::string& l : lines) {
            // A pair can only split by starting a line with its second half.
            EXPECT_NE(l.rfind("⋯", 0), 0u) << "width " << w << " line " << l;
            EXPECT_NE(l.rfind("—", 0), 0u) << "width " << w << " line " << l;
        }
    });
}

std::vector<BreakKind> breaks_of(const std::u32string& s, Lang lang, bool clreq) {
    auto bi = make_line_breaker(lang);
    Utf16Text u16;
    u16.assign(s.data(), s.size());
    std::vector<BreakKind> kinds;
    icu_line_breaks(*bi, u16, s.size(), kinds);
    if (clreq)
        apply_clreq(s.data(), s.size(), kinds);
    return kinds;
}

TEST(LineBreak, ClreqOverridesIcuBeforeMiddleDot) {
    // UAX #14 gives · (U+00B7) class AI→AL, so ICU allows 翰÷·; CLREQ forbids it.
    const std::u32string s = U"約翰·史密斯";
    EXPECT_EQ(breaks_of(s, Lang::ZhHK, false)[2], BreakKind::Allowed);
    EXPECT_EQ(breaks_of(s, Lang::ZhHK, true)[2], BreakKind::None);
}

TEST(LineBreak, ClreqForbidsBreakBeforeHorizontalEllipsisPair) {
    const std::u32string s = U"真的⋯⋯嗎";
    EXPECT_EQ(breaks_of(s, Lang::ZhHK, true)[2], BreakKind::None);
    EXPECT_EQ(breaks_of(s, Lang::ZhHK, true)[3], BreakKind::None);
    EXPECT_EQ(breaks_of(s, Lang::ZhHK, true)[4], BreakKind::Allowed);
}

TEST(LineBreak, CurlyQuotesMayBreakOnTheirOutsideInChinese) {
    // UAX #14 (15.0) LB19 glues “ ” to both sides; ICU 72's zh tailoring lets
    // Chinese break 說÷“ and ”÷他 but never inside the quotes.
    const std::u32string s = U"他說“好”他走";
    const auto ours = breaks_of(s, Lang::ZhHK, true);
    EXPECT_EQ(ours[2], BreakKind::Allowed);
    EXPECT_EQ(ours[3], BreakKind::None);  // never after an opening quote
    EXPECT_EQ(ours[4], BreakKind::None);  // never before a closing quote
    EXPECT_EQ(ours[5], BreakKind::Allowed);
}

TEST(LineBreak, EnglishKeepsIcuDefaults) {
    // English bullets and dashes follow UAX #14 only: a line may start with •.
    const TextLayout t = lay("one two • three", 130, Lang::En);
    EXPECT_EQ(lines_of(t), (std::vector<std::string>{"one two", "• three"}));
    // The same in Chinese keeps • off the line start.
    const std::u32string zh = U"一二三 • 四";
    EXPECT_EQ(breaks_of(zh, Lang::ZhHK, true)[4], BreakKind::None);
}

TEST(LineBreak, AmountsAndWordsStayWhole) {
    const std::string text = "新機iPhone售價HK$1,234.50，網址https://www.gov.hk/tc/，歡迎。";
    sweep(text, Lang::ZhHK, 240, 700, [](const std::vector<std::string>& lines, int w) {
        bool amount = false, phone = false;
        for (const std::string& l : lines) {
            amount |= l.find("HK$1,234.50") != std::string::npos;
            phone |= l.find("iPhone") != std::string::npos;
        }
        EXPECT_TRUE(amount) << "width " << w;
        EXPECT_TRUE(phone) << "width " << w;
    });
}

TEST(LineBreak, HanLatinBoundaryIsABreakOpportunity) {
    // 12 ideographs fill 384 px; "iPhone" must wrap rather than overflow.
    const TextLayout t = lay("一二三四五六七八九十一二iPhone", 400, Lang::ZhHK);
    EXPECT_EQ(lines_of(t), (std::vector<std::string>{"一二三四五六七八九十一二", "iPhone"}));
}

TEST(LineBreak, NoBreakAtNoBreakSpace) {
    const std::string text = "全程約100\u00A0公里的路線，全程約100\u00A0公里的路線。";
    sweep(text, Lang::ZhHK, 120, 600, [](const std::vector<std::string>& lines, int w) {
        for (const std::string& l : lines) {
            EXPECT_NE(l.rfind("\u00A0", 0), 0u) << "width " << w;
            EXPECT_FALSE(l.size() >= 2 && l.substr(l.size() - 2) == "\u00A0") << "width " << w;
        }
    });
}

TEST(LineBreak, OverlongWordBreaksByGraphemeAndNeverOverflows) {
    const std::string word = "Supercalifragilisticexpialidocious";
    const TextLayout t = lay("A " + word + " word", 120, Lang::En);
    std::string joined;
    int split = 0;
    for (const Line& l : t.lines) {
        EXPECT_LE(l.x + l.width, 120.5f);
        EXPECT_FALSE(l.overflows);
        split += l.split_word;
    }
    EXPECT_GE(split, 2);  // flagged, so a title can shrink instead
    for (const std::string& l : lines_of(t))
        joined += l;
    EXPECT_NE(joined.find(word), std::string::npos);
    EXPECT_GE(t.lines.size(), 4u);
}

TEST(LineBreak, NewlineIsAMandatoryBreakAndNotInTheText) {
    const TextLayout t = lay("第一行\n第二行\n\n第四行", 1000, Lang::ZhHK);
    EXPECT_EQ(lines_of(t), (std::vector<std::string>{"第一行", "第二行", "", "第四行"}));
    // CR LF, NEL and LINE SEPARATOR break too and never show up in the dump.
    const TextLayout other = lay("一\r\n二\u0085三\u2028四", 1000, Lang::ZhHK);
    EXPECT_EQ(lines_of(other), (std::vector<std::string>{"一", "二", "三", "四"}));
    for (const Line& l : t.lines)
        for (const Glyph& g : l.glyphs)
            EXPECT_NE(t.source[g.cluster], '\n');
}

TEST(LineBreak, CharacterClassesMatchClreqLists) {
    for (char32_t c : std::u32string(U"，。、；：？！」』）》〉】〕”’·‧•・々〻⋯—"))
        EXPECT_TRUE(no_line_start(c)) << static_cast<uint32_t>(c);
    for (char32_t c : std::u32string(U"「『（《〈【〔“‘"))
        EXPECT_TRUE(no_line_end(c));
    EXPECT_FALSE(is_compressible(U'！'));
    EXPECT_FALSE(is_compressible(U'？'));
    EXPECT_TRUE(is_compressible(U'」'));
}

}  // namespace
}  // namespace kiosk::text
