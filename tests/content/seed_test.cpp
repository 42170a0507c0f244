// Every paragraph of the press release (the seed, copied into tests/content/seed)
// must reach the bundled content, with the full-width punctuation of the
// published release restored.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "content/loader.h"
#include "fixture.h"

namespace kiosk::content {
namespace {

std::string full_width(std::string s) {
    const std::pair<const char*, const char*> map[] = {
        {",", "，"}, {";", "；"}, {"(", "（"}, {")", "）"}, {":", "："}};
    for (const auto& [a, b] : map) {
        for (size_t at = s.find(a); at != std::string::npos; at = s.find(a, at + 1))
            s.replace(at, 1, b);
    }
    return s;
}

// Trims ASCII white space and the release's no-break spaces (U+00A0, which
// the web page uses for its blank lines).
std::string trim(std::string s) {
    for (size_t at; (at = s.find("\xC2\xA0")) != std::string::npos;)
        s.replace(at, 2, " ");
    const char* ws = " \t\r\n";
    const auto b = s.find_first_not_of(ws);
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

// Paragraphs of the release body: indented lines, minus the bullet marks.
std::vector<std::string> seed_paragraphs() {
    std::ifstream in(std::string(KIOSK_TEST_DATA) + "/content/seed/press-release-2023-06-26.txt");
    std::vector<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("  ", 0) != 0)
            continue;
        std::string p = trim(line);
        if (p.rfind("• ", 0) == 0)
            p = trim(p.substr(std::string("• ").size()));
        if (!p.empty())
            out.push_back(full_width(p));
    }
    return out;
}

TEST(Seed, EveryParagraphReachesTheContent) {
    const auto paragraphs = seed_paragraphs();
    ASSERT_GE(paragraphs.size(), 30u);
    LoadResult r = load_bundle(test::source_content_dir(), false);
    ASSERT_TRUE(r.bundle) << r.diagnostics.str();
    std::set<std::string> texts;
    for_each_text(*r.bundle,
                  [&](const LocalText& t, std::string_view) { texts.insert(t.get(Lang::ZhHK)); });
    for (const auto& p : paragraphs)
        EXPECT_TRUE(texts.count(p)) << "missing: " << p;
}

TEST(Seed, AreaParagraphsAreOnTheirOwnAreaInOrder) {
    LoadResult r = load_bundle(test::source_content_dir(), false);
    ASSERT_TRUE(r.bundle);
    std::ifstream in(std::string(KIOSK_TEST_DATA) + "/content/seed/press-release-2023-06-26.txt");
    std::string line, current;
    std::map<std::string, std::vector<std::string>> by_title;
    while (std::getline(in, line)) {
        const std::string t = trim(line);
        if (line.rfind("  ", 0) != 0 && !t.empty() && t.find("—") == std::string::npos)
            current = t;
        else if (line.rfind("  ", 0) == 0 && !t.empty() && !current.empty())
            by_title[current].push_back(full_width(t));
    }
    for (const auto& a : r.bundle->areas) {
        const auto it = by_title.find(a.title.get(Lang::ZhHK));
        ASSERT_NE(it, by_title.end()) << a.id;
        std::vector<std::string> got;
        for (const auto& p : a.paragraphs)
            got.push_back(p.get(Lang::ZhHK));
        EXPECT_EQ(got, it->second) << a.id;
    }
}

}  // namespace
}  // namespace kiosk::content
