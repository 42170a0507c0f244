// Layout cost: a ~200-character justified paragraph, warm caches. Prints the
// figure quoted in docs/typography.md; the bound only catches gross regressions.
#include <chrono>
#include <iostream>

#include "text_test_util.h"

namespace kiosk::text {
namespace {

TEST(Bench, TwoHundredCharacterParagraph) {
    std::string text;
    const std::string sentence =
        "香港故事展覽以實物、圖片和多媒體，介紹香港由遠古至今的發展。iPhone用戶可掃描QR碼！";
    while (text.size() < 200 * 3)
        text += sentence;
    const TextStyle s = testing::style(Lang::ZhHK, true, 2);
    (void)layout_paragraph(testing::fonts(), text, s, 600);  // warm caches
    constexpr int kRuns = 200;
    const auto start = std::chrono::steady_clock::now();
    size_t lines = 0;
    for (int i = 0; i < kRuns; ++i)
        lines += layout_paragraph(testing::fonts(), text, s, 600).lines.size();
    const auto us =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count() /
        kRuns;
    std::cout << "[ bench    ] " << text.size() / 3 << "-character paragraph: " << us
              << " us per layout_paragraph (" << lines / kRuns << " lines)\n";
    EXPECT_LT(us, 20000);
}

}  // namespace
}  // namespace kiosk::text
