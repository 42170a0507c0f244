// The content's house style reaches the text engine, and `kiosk validate` warns
// about keep-together terms no text uses.
#include "layout/house_style.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "content/loader.h"
#include "content/validate.h"

namespace kiosk::layout {
namespace {

namespace fs = std::filesystem;
const fs::path kSeed = fs::path(KIOSK_SOURCE_DIR) / "content";

TEST(HouseStyle, SeedTermsReachTheStyleWithSimplifiedForms) {
    const auto loaded = content::load_bundle(kSeed);
    ASSERT_TRUE(loaded.bundle);
    const text::TextStyle st = house_style(*loaded.bundle);
    ASSERT_TRUE(st.lexicon);
    const auto& kept = st.lexicon->keep_together;
    EXPECT_NE(std::find(kept.begin(), kept.end(), U"林定國"), kept.end());
    EXPECT_NE(std::find(kept.begin(), kept.end(), U"林定国"), kept.end());  // derived
    EXPECT_NE(std::find(kept.begin(), kept.end(), U"Alice Mak"), kept.end());
    EXPECT_EQ(st.han_digit_space_em, 0.0f);  // the seed sets digits solid
}

TEST(HouseStyle, ValidateWarnsAboutAnUnusedTerm) {
    const fs::path dir = fs::temp_directory_path() / "kiosk-house-style-test";
    fs::remove_all(dir);
    fs::copy(kSeed, dir, fs::copy_options::recursive);
    {
        std::ofstream event(dir / "event.yaml", std::ios::app);
        event << "    - 林定囯\n";  // a typo of 林定國: protects nothing
    }
    const Diagnostics d = content::validate_content(dir);
    int warnings = 0;
    for (const Diagnostic& item : d.items())
        if (item.message.find("林定囯") != std::string::npos) {
            ++warnings;
            EXPECT_EQ(item.where.file, "event.yaml");
            EXPECT_GT(item.where.line, 0);
        }
    EXPECT_EQ(warnings, 1);
    for (const Diagnostic& item : d.items())  // the seed's own terms are all used
        if (item.message.find("keep-together") != std::string::npos) {
            EXPECT_NE(item.message.find("林定囯"), std::string::npos) << item.message;
        }
    fs::remove_all(dir);
}

}  // namespace
}  // namespace kiosk::layout
