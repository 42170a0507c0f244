// UAX #14 conformance: LineBreakTest.txt through the ICU part of our breaker,
// then a census of what the CLREQ overrides change (docs/typography.md lists them).
#include <fstream>
#include <iostream>
#include <sstream>

#include "text/chars.h"
#include "text/linebreak.h"
#include "text_test_util.h"

namespace kiosk::text {
namespace {

constexpr const char* kTestFile = "/usr/share/unicode/auxiliary/LineBreakTest.txt";

struct Case {
    std::u32string text;
    std::vector<bool> expected;  // expected[i]: break before code point i (i in 1..n)
    int line = 0;
};

std::vector<Case> load_cases() {
    std::vector<Case> cases;
    std::ifstream in(kTestFile);
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        line = line.substr(0, line.find('#'));
        std::istringstream tokens(line);
        Case c;
        c.line = number;
        for (std::string tok; tokens >> tok;) {
            if (tok == "×" || tok == "÷") {
                c.expected.push_back(tok == "÷");
            } else {
                c.text.push_back(static_cast<char32_t>(std::stoul(tok, nullptr, 16)));
            }
        }
        if (!c.text.empty())
            cases.push_back(std::move(c));
    }
    return cases;
}

std::vector<BreakKind> icu_breaks(icu::BreakIterator& bi, const std::u32string& s) {
    Utf16Text u16;
    u16.assign(s.data(), s.size());
    std::vector<BreakKind> kinds;
    icu_line_breaks(bi, u16, s.size(), kinds);
    return kinds;
}

// ICU implements the number tailoring of LB25 (UAX #14 section 8.2, example 7),
// so where the plain rules break around a hyphen-minus or an infix separator
// next to a number (-#, ,0, a.2, " .35") ICU may differ. Those are the only
// deviations tolerated; docs/typography.md lists all 22.
bool is_number_tailoring_case(const std::u32string& s, size_t i) {
    const auto hy_or_is = [](char32_t c) {
        return c == U'-' || c == U',' || c == U'.' || c == U':' || c == U';' || c == U'/';
    };
    for (size_t k = (i >= 2 ? i - 2 : 0); k <= i && k < s.size(); ++k)
        if (hy_or_is(s[k]))
            return true;
    return false;
}

TEST(Conformance, IcuLineBreakerPassesLineBreakTest) {
    const std::vector<Case> cases = load_cases();
    ASSERT_GT(cases.size(), 7000u) << "missing " << kTestFile;
    auto bi = make_line_breaker(Lang::En);
    int failures = 0;
    for (const Case& c : cases) {
        const auto kinds = icu_breaks(*bi, c.text);
        for (size_t i = 1; i <= c.text.size(); ++i) {
            if ((kinds[i] != BreakKind::None) != c.expected[i]) {
                ++failures;
                EXPECT_TRUE(is_number_tailoring_case(c.text, i))
                    << "LineBreakTest.txt:" << c.line << " at " << i;
                break;
            }
        }
    }
    std::cout << "[ census   ] LineBreakTest: " << cases.size() << " cases, " << failures
              << " ICU deviations (all LB25 number tailoring)\n";
    EXPECT_LE(failures, 22);
}

// Every change apply_clreq makes must come from a documented rule.
bool explained(const std::u32string& s, size_t i, BreakKind before, BreakKind after) {
    const char32_t l = s[i - 1], r = s[i];
    if (before == BreakKind::Allowed && after == BreakKind::None)
        return no_line_start(r) || no_line_end(l) || (is_inseparable(l) && is_inseparable(r));
    return false;
}

TEST(Conformance, ClreqOverridesChangeOnlyDocumentedCases) {
    const std::vector<Case> cases = load_cases();
    auto strict = make_line_breaker(Lang::ZhHK);
    auto en = make_line_breaker(Lang::En);
    ClreqCounts counts{};
    int changed_cases = 0, strict_cases = 0;
    for (const Case& c : cases) {
        const auto base = icu_breaks(*strict, c.text);
        auto ours = base;
        apply_clreq(c.text.data(), c.text.size(), ours, &counts);
        if (ours != base)
            ++changed_cases;
        if (base != icu_breaks(*en, c.text))
            ++strict_cases;
        for (size_t i = 1; i <= c.text.size(); ++i) {
            if (ours[i] != base[i]) {
                EXPECT_TRUE(explained(c.text, i, base[i], ours[i]))
                    << "LineBreakTest.txt:" << c.line << " at " << i;
            }
        }
    }
    std::cout << "[ census   ] zh-HK lb=strict differs from default in " << strict_cases
              << " cases; CLREQ overrides change " << changed_cases << " cases: no-line-start "
              << counts[0] << ", no-line-end " << counts[1] << ", inseparable " << counts[2]
              << '\n';
    EXPECT_GT(changed_cases, 0);
    EXPECT_EQ(counts[static_cast<size_t>(ClreqRule::Inseparable)], 0)
        << "dashes are already no-line-start";
}

}  // namespace
}  // namespace kiosk::text
