// Phrase-aware breaking: BudouX inference against the npm package's own parser,
// keep-together terms, honorifics, and the limit on justification stretch.
#include <string>
#include <vector>

#include "base/utf8.h"
#include "text/budoux.h"
#include "text/type_scale.h"
#include "text_test_util.h"

namespace kiosk::text {
namespace {

using testing::fonts;
using testing::kSize;
using testing::lay;
using testing::lines_of;

std::vector<std::string> phrases(const std::string& s, Lang lang) {
    std::vector<char32_t> cps;
    const auto decoded = decode_utf8(s);
    for (const CodePoint& c : decoded)
        cps.push_back(c.cp);
    std::vector<uint8_t> starts;
    PhraseModel::builtin(lang)->boundaries(cps.data(), cps.size(), starts);
    std::vector<std::string> out(1);
    for (size_t i = 0; i < cps.size(); ++i) {
        if (i > 0 && starts[i])
            out.emplace_back();
        append_utf8(out.back(), cps[i]);
    }
    return out;
}

// Expected values: budoux 0.9.2's Parser (dist/parser.js) on the same strings.
TEST(Phrases, SameAsTheBudouxParser) {
    using V = std::vector<std::string>;
    EXPECT_EQ(phrases("律政司司長林定國資深大律師出席開幕式。", Lang::ZhHK),
              (V{"律政司", "司長", "林定國", "資深", "大律師", "出席", "開", "幕式。"}));
    EXPECT_EQ(phrases("以下是浙港就12個共同合作領域所達成的共識：", Lang::ZhHK),
              (V{"以下", "是", "浙港", "就", "12", "個", "共同", "合作", "領域", "所", "達成", "的",
                 "共識："}));
    EXPECT_EQ(phrases("人才與公務員交流", Lang::ZhHK), (V{"人才", "與", "公務員", "交流"}));
    EXPECT_EQ(phrases("律政司司长林定国资深大律师出席开幕式。", Lang::ZhHans),
              (V{"律政司", "司长", "林定", "国", "资深", "大律师", "出席", "开幕式。"}));
    EXPECT_EQ(PhraseModel::builtin(Lang::En), nullptr);
}

TEST(Phrases, ParsesTheTsvFormat) {
    // Base = -(3 + 5 - 2)/2 = -3; "ab" at 1: UW3 a (+3) + UW4 b (5) = 8 - 3 > 0.
    const PhraseModel m =
        PhraseModel::parse("UW3\ta\t3\nUW4\tb\t5\nBW2\tab\t-2\nXX\tq\t9\nbad line\n");
    EXPECT_EQ(m.feature_count(), 3u);
    const char32_t ab[] = {U'a', U'b'};
    EXPECT_EQ(m.score(ab, 2, 1), 2 * (3 + 5 - 2) - (3 + 5 - 2));
    const char32_t ba[] = {U'b', U'a'};
    EXPECT_LT(m.score(ba, 2, 1), 0);
}

TEST(Phrases, PrefersPhraseBoundaries) {
    // Four characters a line: greedy would give 人才與公|務員交流.
    EXPECT_EQ(lines_of(lay("人才與公務員交流", 4 * kSize)),
              (std::vector<std::string>{"人才與", "公務員", "交流"}));
}

TextStyle with_terms(Lang lang, std::vector<std::string> terms, bool justify = false) {
    TextStyle st = testing::style(lang, justify);
    st.lexicon = Lexicon::make(terms);
    return st;
}

bool any_line_splits(const TextLayout& t, const std::string& term) {
    const size_t at = t.source.find(term);
    for (size_t i = 1; i < t.lines.size(); ++i)
        if (t.lines[i].begin > at && t.lines[i].begin < at + term.size())
            return true;
    return false;
}

TEST(KeepTogether, NamesNeverSplitWhenTheyFit) {
    const std::string text = "律政司司長林定國資深大律師和民政及青年事務局局長麥美娟出席。";
    const TextStyle st = with_terms(Lang::ZhHK, {"林定國", "民政及青年事務局", "麥美娟"}, true);
    int split_without = 0;
    for (int em = 8; em <= 20; ++em) {
        const float w = static_cast<float>(em) * kSize;
        const TextLayout t = layout_paragraph(fonts(), text, st, w);
        for (const char* term : {"林定國", "民政及青年事務局", "麥美娟"})
            EXPECT_FALSE(any_line_splits(t, term)) << term << " at " << em << " em";
        const TextLayout plain = lay(text, w, Lang::ZhHK, true);
        split_without += any_line_splits(plain, "民政及青年事務局") ? 1 : 0;
    }
    EXPECT_GT(split_without, 0);  // the lexicon, not luck, keeps them whole
}

TEST(KeepTogether, ATermWiderThanTheLineStillBreaks) {
    const TextStyle st = with_terms(Lang::ZhHK, {"民政及青年事務局"});
    const TextLayout t = layout_paragraph(fonts(), "民政及青年事務局", st, 4 * kSize);
    EXPECT_EQ(t.lines.size(), 2u);
    for (const Line& l : t.lines)
        EXPECT_FALSE(l.overflows);
}

TEST(KeepTogether, EnglishNamesAndHonorifics) {
    const std::string text = "the Secretary, Miss Alice Mak, and Mr Chan Kwok-ki said Hong Kong's";
    const TextStyle st = with_terms(Lang::En, {"Alice Mak", "Chan Kwok-ki", "Hong Kong"});
    for (int w = 260; w <= 700; w += 10) {
        const TextLayout t = layout_paragraph(fonts(), text, st, static_cast<float>(w));
        for (const char* kept : {"Miss Alice Mak", "Mr Chan Kwok-ki", "Hong Kong"})
            EXPECT_FALSE(any_line_splits(t, kept)) << kept << " at " << w << " px";
    }
    // Without a lexicon the honorific still holds on to the name.
    for (int w = 150; w <= 700; w += 10)
        EXPECT_FALSE(
            any_line_splits(lay("said Mr Chan today", static_cast<float>(w), Lang::En), "Mr Chan"))
            << w;
}

TEST(KeepTogether, NoBreakSpaceIsHonoured) {
    // "Hong Kong" is about 160 px: every width from 200 px holds it.
    for (int w = 200; w <= 400; w += 10)
        EXPECT_FALSE(any_line_splits(
            lay("said Hong\u00A0Kong today", static_cast<float>(w), Lang::En), "Hong\u00A0Kong"))
            << w;
}

// Rule: a justified Chinese line stretches each gap by at most kMaxJustifyStretchEm
// and falls at most kMaxJustifySlackEm short, whenever some break allows it.
TEST(Loose, JustifiedLinesStayWithinTheStretchLimits) {
    const std::string text =
        "陪同行政長官出席開幕式的特區政府官員包括政務司司長陳國基、律政司司長林定國資深大律師、"
        "政制及內地事務局局長曾國衞、教育局局長蔡若蓮博士及民政及青年事務局局長麥美娟等。";
    for (int em = 8; em <= 35; ++em) {
        const float w = static_cast<float>(em) * kSize;
        const TextLayout t = lay(text, w, Lang::ZhHK, true);
        for (const Line& line : t.lines) {
            if (!line.justified)
                continue;
            const std::string s = t.source.substr(line.begin, line.end - line.begin);
            const float natural = lay(s, 5000, Lang::ZhHK).lines[0].width;
            const float slack = w - line.x - natural;
            EXPECT_LE(slack, type_scale::kMaxJustifySlackEm * kSize + 1) << em << " em: " << s;
            const float gaps = static_cast<float>(decode_utf8(s).size() - 1);
            EXPECT_LE(slack / gaps, type_scale::kMaxJustifyStretchEm * kSize + 1)
                << em << " em: " << s;
        }
    }
}

}  // namespace
}  // namespace kiosk::text
