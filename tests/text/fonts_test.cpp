// Faces, glyph forms, fallback, coverage and rasterisation.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>

#include "text/font_impl.h"
#include "text_test_util.h"

namespace kiosk::text {
namespace {

using testing::fonts;
using testing::kSize;
using testing::lay;

TEST(Fonts, HongKongAndSimplifiedFacesGiveDifferentFormsFor骨) {
    // 骨 has a different inner stroke in HK and mainland standards; the TTC maps
    // it to different glyphs in face 4 (HK) and face 2 (SC).
    const TextLayout hk = lay("骨", 500, Lang::ZhHK);
    const TextLayout sc = lay("骨", 500, Lang::ZhHans);
    ASSERT_EQ(hk.lines.size(), 1u);
    ASSERT_EQ(sc.lines.size(), 1u);
    const Glyph& h = hk.lines[0].glyphs.at(0);
    const Glyph& s = sc.lines[0].glyphs.at(0);
    EXPECT_EQ(h.face, kHkRegular);
    EXPECT_EQ(s.face, kScRegular);
    EXPECT_NE(h.gid, s.gid);
}

TEST(Fonts, HongKongPunctuationIsCentredInTheEmBox) {
    FontStack::Impl& im = fonts().impl();
    im.set_size(kSize);
    for (FaceId face : {kHkRegular, kScRegular}) {
        hb_codepoint_t gid = 0;
        ASSERT_TRUE(hb_font_get_nominal_glyph(im.faces[face].hb.get(), U'，', &gid));
        hb_glyph_extents_t ext{};
        ASSERT_TRUE(hb_font_get_glyph_extents(im.faces[face].hb.get(), gid, &ext));
        const float centre = (ext.x_bearing + ext.width / 2.0f) / 64.0f / kSize;  // em
        if (face == kHkRegular)
            EXPECT_NEAR(centre, 0.5f, 0.05f);
        else
            EXPECT_LT(centre, 0.3f);  // mainland comma sits bottom-left
    }
}

TEST(Fonts, LatinAndDigitsInChineseUseTheCjkFace) {
    const TextLayout t = lay("售價HK$1,234.50", 1000, Lang::ZhHK);
    for (const Glyph& g : t.lines.at(0).glyphs)
        EXPECT_EQ(g.face, kHkRegular);
}

TEST(Fonts, EnglishUsesNotoSansAndFallsBackToTheHkFaceForHan) {
    const TextLayout t = lay("Hi 港", 1000, Lang::En);
    const auto& g = t.lines.at(0).glyphs;
    ASSERT_EQ(g.size(), 4u);
    EXPECT_EQ(g[0].face, kLatinRegular);
    EXPECT_EQ(g[3].face, kHkRegular);
}

TEST(Fonts, BoldUsesTheBoldFaces) {
    TextStyle s = testing::style(Lang::ZhHK);
    s.weight = Weight::Bold;
    EXPECT_EQ(layout_paragraph(fonts(), "港", s, 500).lines.at(0).glyphs.at(0).face, kHkBold);
    s.lang = Lang::En;
    EXPECT_EQ(layout_paragraph(fonts(), "A", s, 500).lines.at(0).glyphs.at(0).face, kLatinBold);
}

TEST(Fonts, HongKongFlagIsOneClusterFromTheEmojiFace) {
    const TextLayout t = lay("香港🇭🇰", 1000, Lang::ZhHK);
    const auto& g = t.lines.at(0).glyphs;
    std::set<uint32_t> flag_clusters;
    for (const Glyph& gl : g)
        if (gl.cluster >= 6) {
            EXPECT_EQ(gl.face, kEmoji);
            flag_clusters.insert(gl.cluster);
        }
    EXPECT_EQ(flag_clusters, std::set<uint32_t>{6});
}

TEST(Fonts, ZwjFamilyAndCombiningMarksAreNeverSplit) {
    // Each grapheme is wider than the line: one per line, never cut inside.
    const std::string family = "👨‍👩‍👧";
    const std::string e_acute = "e\xCC\x81";
    const TextLayout t = lay(family + family + e_acute + e_acute, 10, Lang::En);
    const std::vector<std::string> expected = {family, family, e_acute, e_acute};
    EXPECT_EQ(testing::lines_of(t), expected);
}

TEST(Fonts, CoversReportsTofu) {
    EXPECT_TRUE(fonts().covers(U'港', Lang::ZhHK));
    EXPECT_TRUE(fonts().covers(U'港', Lang::En));
    EXPECT_TRUE(fonts().covers(U'é', Lang::ZhHans));
    EXPECT_TRUE(fonts().covers(U'😀', Lang::En));
    EXPECT_TRUE(fonts().covers(U'\n', Lang::En));
    EXPECT_FALSE(fonts().covers(0x10FFFD, Lang::ZhHK));  // private use: no font has it
    EXPECT_FALSE(fonts().covers(0x0378, Lang::En));      // unassigned
}

TEST(Fonts, UncoveredCharacterGetsAVisibleBox) {
    const TextLayout t = lay("港\U0010FFFD港", 1000, Lang::ZhHK);
    const auto& g = t.lines.at(0).glyphs;
    ASSERT_EQ(g.size(), 3u);
    EXPECT_EQ(g[1].face, kBoxFace);
    EXPECT_GT(g[1].advance, 0);
    const GlyphBitmap box = rasterize(fonts(), kBoxFace, g[1].gid, kSize);
    ASSERT_GT(box.width, 4);
    ASSERT_GT(box.height, 4);
    EXPECT_EQ(box.pixels.front(), 255);                                      // border
    EXPECT_EQ(box.pixels[(box.height / 2) * box.width + box.width / 2], 0);  // hollow
}

TEST(Fonts, EachUncoveredCodePointIsLoggedOnce) {
    ::testing::internal::CaptureStderr();
    (void)lay("\U0010FFFC\U0010FFFC", 1000, Lang::ZhHK);
    (void)lay("港\U0010FFFC", 1000, Lang::En);
    const std::string log = ::testing::internal::GetCapturedStderr();
    const size_t first = log.find("U+10FFFC");
    ASSERT_NE(first, std::string::npos) << log;
    EXPECT_EQ(log.find("U+10FFFC", first + 1), std::string::npos) << log;
}

TEST(Fonts, RasterizeGivesCoverageWithBearings) {
    const TextLayout t = lay("港", 500, Lang::ZhHK);
    const Glyph& g = t.lines.at(0).glyphs.at(0);
    const GlyphBitmap bm = rasterize(fonts(), g.face, g.gid, kSize);
    EXPECT_FALSE(bm.color);
    EXPECT_GT(bm.width, kSize * 0.7);
    EXPECT_LE(bm.width, kSize + 2);
    EXPECT_GT(bm.top, kSize * 0.6);  // ideographs rise ~0.8 em above the baseline
    EXPECT_EQ(bm.pixels.size(), static_cast<size_t>(bm.width * bm.height));
    EXPECT_GT(*std::max_element(bm.pixels.begin(), bm.pixels.end()), 200);
}

TEST(Fonts, ColourEmojiIsScaledToTheRequestedSize) {
    const TextLayout t = lay("😀", 500, Lang::En);
    const Glyph& g = t.lines.at(0).glyphs.at(0);
    ASSERT_EQ(g.face, kEmoji);
    const GlyphBitmap bm = rasterize(fonts(), g.face, g.gid, kSize);
    EXPECT_TRUE(bm.color);
    EXPECT_NEAR(bm.width, g.advance, 3);  // bitmap matches the shaped advance
    EXPECT_NEAR(bm.height, kSize * 1.17, 3);
    EXPECT_EQ(bm.pixels.size(), static_cast<size_t>(bm.width * bm.height * 4));
    bool premultiplied = true;
    for (size_t i = 0; i < bm.pixels.size(); i += 4)
        for (int c = 0; c < 3; ++c)
            premultiplied &= bm.pixels[i + c] <= bm.pixels[i + 3];
    EXPECT_TRUE(premultiplied);
}

// Resident pages of the font files' mappings, KiB (from /proc/self/smaps).
long font_file_rss_kib() {
    std::ifstream in("/proc/self/smaps");
    std::string line;
    bool font = false;
    long kib = 0;
    while (std::getline(in, line)) {
        if (!line.empty() && std::isxdigit(static_cast<unsigned char>(line[0])) &&
            line.find('-') != std::string::npos && line.find(' ') > line.find('-'))
            font = line.find("fonts/") != std::string::npos;
        else if (font && line.rfind("Rss:", 0) == 0)
            kib += std::strtol(line.c_str() + 4, nullptr, 10);
    }
    return kib;
}

TEST(Fonts, ReleasedPagesLeaveTheResidentSetAndGlyphsStayTheSame) {
    std::string text;
    for (char32_t cp = 0x4E00; cp < 0x4E00 + 400; cp += 7) {  // glyphs all over the CJK file
        text += static_cast<char>(0xE0 | (cp >> 12));
        text += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        text += static_cast<char>(0x80 | (cp & 0x3F));
    }
    const TextLayout t = lay(text, 1e6f, Lang::ZhHK);
    std::vector<GlyphBitmap> before;
    for (const Glyph& g : t.lines.at(0).glyphs)
        before.push_back(rasterize(fonts(), g.face, g.gid, kSize));
    const long touched = font_file_rss_kib();
    fonts().release_pages();
    const long released = font_file_rss_kib();
    EXPECT_GT(touched, 256);
    EXPECT_LT(released, touched / 4) << touched << " KiB before, " << released << " after";
    size_t i = 0;
    for (const Glyph& g : t.lines.at(0).glyphs) {  // the pages fault back in, unchanged
        const GlyphBitmap again = rasterize(fonts(), g.face, g.gid, kSize);
        EXPECT_EQ(again.pixels, before[i].pixels);
        ++i;
    }
    EXPECT_EQ(lay(text, 1e6f, Lang::ZhHK).lines.at(0).glyphs.size(), before.size());
}

TEST(Fonts, RasterizeNeverCrashesOnNonsense) {
    EXPECT_TRUE(rasterize(fonts(), 1234, 5, kSize).pixels.empty());
    (void)rasterize(fonts(), kHkRegular, 0xFFFFFF, kSize);
    (void)rasterize(fonts(), kEmoji, 0xFFFFFF, -3);
    (void)rasterize(fonts(), kLatinRegular, 36, std::numeric_limits<float>::quiet_NaN());
}

TEST(Fonts, MetricsComeFromTheIdeographicEmBox) {
    const TextStyle s = testing::style(Lang::ZhHK);
    EXPECT_NEAR(fonts().ascent(s), 0.88f * kSize, 0.01f);
    EXPECT_NEAR(fonts().descent(s), 0.12f * kSize, 0.01f);
}

TEST(Fonts, KioskFontDirMovesTheSearchRoot) {
    // A root holding only "NotoSans-Regular.ttf" (here: the Bold file under that
    // name) replaces that one face; the others keep their Debian paths.
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() / "kiosk_font_dir_test";
    fs::remove_all(root);
    fs::create_directories(root / "truetype" / "noto");
    fs::create_symlink(FontPaths{}.latin_bold, root / "truetype" / "noto" / "NotoSans-Regular.ttf");
    setenv("KIOSK_FONT_DIR", root.c_str(), 1);
    auto moved = FontStack::load();
    unsetenv("KIOSK_FONT_DIR");
    fs::remove_all(root);
    ASSERT_TRUE(moved);
    const TextStyle s = testing::style(Lang::En);
    const float regular = layout_paragraph(fonts(), "WWW", s, 1000).lines.at(0).width;
    const float from_root = layout_paragraph(*moved.value(), "WWW", s, 1000).lines.at(0).width;
    EXPECT_GT(from_root, regular + 1);  // bold is wider
}

TEST(Fonts, MissingFileIsAnErrorNamingIt) {
    FontPaths paths;
    paths.emoji = "/nonexistent/Emoji.ttf";
    auto r = FontStack::load(paths);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().str().find("/nonexistent/Emoji.ttf"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::text
