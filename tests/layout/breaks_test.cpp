// The seed's Chinese paragraphs at every width from 8 to 35 em, laid out as the
// area and About pages set them (house style, justified, 2 em indent): no
// person's name nor the event's name is split, and few dictionary words are.
// Prints the figures quoted in docs/typography.md.
#include <gtest/gtest.h>
#include <unicode/brkiter.h>

#include <cstdio>
#include <memory>
#include <set>

#include "content/loader.h"
#include "layout/house_style.h"
#include "text/type_scale.h"

namespace kiosk::layout {
namespace {

struct Env {
    std::unique_ptr<text::FontStack> fonts;
    std::optional<content::Bundle> bundle;
};

Env& env() {
    static Env e = [] {
        Env x;
        if (auto f = text::FontStack::load())
            x.fonts = std::move(f.value());
        x.bundle = content::load_bundle(std::string(KIOSK_SOURCE_DIR) + "/content").bundle;
        return x;
    }();
    return e;
}

std::vector<std::string> paragraphs(const content::Bundle& b, Lang lang) {
    std::vector<std::string> out;
    for (const auto& a : b.areas)
        for (const auto& p : a.paragraphs)
            out.push_back(p.get(lang));
    for (const auto& block : b.about.blocks)
        if (block.kind != content::Block::Kind::Heading)
            out.push_back(block.text.get(lang));
    return out;
}

// Byte offsets where a line starts, after the first.
std::set<uint32_t> line_starts(const text::TextLayout& t) {
    std::set<uint32_t> s;
    for (size_t i = 1; i < t.lines.size(); ++i)
        s.insert(t.lines[i].begin);
    return s;
}

bool split(const std::set<uint32_t>& starts, size_t begin, size_t end) {
    auto it = starts.upper_bound(static_cast<uint32_t>(begin));
    return it != starts.end() && *it < end;
}

// [begin, end) byte ranges of ICU dictionary words of 2–3 Han characters.
std::vector<std::pair<size_t, size_t>> short_words(const std::string& s) {
    std::vector<std::pair<size_t, size_t>> words;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status))
        return words;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    bi->setText(u);
    for (int32_t a = bi->first(), b = bi->next(); b != icu::BreakIterator::DONE;
         a = b, b = bi->next()) {
        const icu::UnicodeString w(u, a, b - a);
        const int32_t n = w.countChar32();
        bool han = n >= 2 && n <= 3;
        for (int32_t k = 0; han && k < w.length(); k = w.moveIndex32(k, 1))
            han = u_hasBinaryProperty(w.char32At(k), UCHAR_IDEOGRAPHIC);
        if (!han)
            continue;
        std::string before, word;
        icu::UnicodeString(u, 0, a).toUTF8String(before);
        w.toUTF8String(word);
        words.emplace_back(before.size(), before.size() + word.size());
    }
    return words;
}

struct Tally {
    int term_splits = 0, terms = 0, word_splits = 0, words = 0;
};

Tally measure(Lang lang, const std::vector<std::string>& terms) {
    Env& e = env();
    Tally t;
    text::TextStyle st = house_style(*e.bundle);
    st.lang = lang;
    st.size_px = 32;
    st.justify = true;
    st.first_line_indent_em = text::type_scale::kChineseIndentEm;
    for (const std::string& p : paragraphs(*e.bundle, lang)) {
        const auto words = short_words(p);
        for (int em = 8; em <= 35; ++em) {
            const auto starts =
                line_starts(text::layout_paragraph(*e.fonts, p, st, static_cast<float>(em * 32)));
            for (const auto& [b, end] : words) {
                ++t.words;
                t.word_splits += split(starts, b, end) ? 1 : 0;
            }
            for (const std::string& term : terms)
                for (size_t at = p.find(term); at != std::string::npos; at = p.find(term, at + 1)) {
                    ++t.terms;
                    if (split(starts, at, at + term.size())) {
                        ++t.term_splits;
                        ADD_FAILURE() << term << " split at " << em << " em in " << p;
                    }
                }
        }
    }
    return t;
}

TEST(Breaks, NamesAndTheEventStayWholeAndFewWordsSplit) {
    ASSERT_TRUE(env().fonts && env().bundle);
    const std::vector<std::string> zh_hk = {"李家超", "易煉紅", "陳國基", "盧山",       "林定國",
                                            "曾國衞", "蔡若蓮", "麥美娟", "港澳•浙江周"};
    const std::vector<std::string> zh_hans = {"李家超", "易炼红", "陈国基", "卢山",       "林定国",
                                              "曾国卫", "蔡若莲", "麦美娟", "港澳•浙江周"};
    for (Lang lang : {Lang::ZhHK, Lang::ZhHans}) {
        const Tally t = measure(lang, lang == Lang::ZhHK ? zh_hk : zh_hans);
        const double pct = 100.0 * t.word_splits / std::max(1, t.words);
        std::printf(
            "%s, 8-35 em: %d/%d name or event occurrences split; %d/%d (%.2f %%) "
            "2-3 character words split\n",
            std::string(lang_tag(lang)).c_str(), t.term_splits, t.terms, t.word_splits, t.words,
            pct);
        EXPECT_GT(t.terms, 100);  // the names are in the seed: the check checks something
        EXPECT_EQ(t.term_splits, 0);
        EXPECT_LE(pct, 2.0) << lang_tag(lang);
    }
}

}  // namespace
}  // namespace kiosk::layout
