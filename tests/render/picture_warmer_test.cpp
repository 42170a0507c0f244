// Warming the picture store after an install: every picture the visitor pages
// draw is kept at the size they draw it, so a first visit reads it back; a
// warm store is left alone; a missing picture is counted, not fatal. Run under
// ThreadSanitizer by make test-tsan.
#include "render/picture_warmer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "content/loader.h"
#include "layout/pages.h"
#include "render/layers.h"
#include "render/picture_store.h"

namespace kiosk::render {
namespace {
namespace fs = std::filesystem;

struct Env {
    std::unique_ptr<text::FontStack> fonts;
    std::shared_ptr<const content::Bundle> bundle;
};

Env& env() {
    static Env e = [] {
        Env x;
        if (auto f = text::FontStack::load())
            x.fonts = std::move(f.value());
        if (auto b = content::load_bundle(std::string(KIOSK_SOURCE_DIR) + "/content").bundle)
            x.bundle = std::make_shared<const content::Bundle>(std::move(*b));
        return x;
    }();
    return e;
}

size_t entries(const fs::path& dir) {
    size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir))
        n += e.path().extension() == ".rgba";
    return n;
}

class Warmer : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(env().fonts);
        ASSERT_TRUE(env().bundle);
        dir_ = fs::temp_directory_path() /
               ("kiosk-warmer-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        store_ = ScaledPictures::open(dir_);
        ASSERT_TRUE(store_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    const layout::Screen screen_{800, 480, 96, false};
    fs::path dir_;
    std::shared_ptr<const ScaledPictures> store_;
};

TEST_F(Warmer, EveryPictureOfEveryVisitorPageAtTheSizeItIsDrawn) {
    const auto& b = *env().bundle;
    const auto wanted = visitor_pictures(b, *env().fonts, screen_);
    std::set<std::string> files;
    for (const auto& r : wanted)
        files.insert(r.path);
    for (const auto& a : b.areas) {
        EXPECT_TRUE(files.count((b.dir / a.icon).string())) << a.icon;
        for (const auto& p : a.pictures)
            EXPECT_TRUE(files.count((b.dir / p.file).string())) << p.file;
    }
    // What the renderer asks for when a visitor opens an area at large text in English.
    layout::Screen large = screen_;
    large.large_text = true;
    const auto area =
        layout::build_page({b, *env().fonts, Lang::En, large}, layout::PageId::area_at(3));
    for (const auto& r : picture_requests(area))
        EXPECT_NE(std::find(wanted.begin(), wanted.end(), r), wanted.end())
            << r.path << " " << r.w << "x" << r.h;
    // Each drawn size once.
    for (size_t i = 0; i < wanted.size(); ++i)
        for (size_t j = i + 1; j < wanted.size(); ++j)
            EXPECT_FALSE(wanted[i] == wanted[j]) << wanted[i].path;
}

TEST_F(Warmer, FillsTheStoreThenLeavesAWarmStoreAlone) {
    PictureWarmer warmer(*env().fonts, store_);
    warmer.warm(env().bundle, screen_);
    warmer.wait_idle();
    const auto first = warmer.last_report();
    ASSERT_TRUE(first);
    EXPECT_GT(first->pictures, 2 * env().bundle->areas.size());
    EXPECT_EQ(first->scaled, first->pictures);
    EXPECT_EQ(first->failed, 0u);
    EXPECT_EQ(entries(dir_), first->pictures);
    // A page's first visit now finds its pictures kept: nothing left to scale.
    const auto area = layout::build_page({*env().bundle, *env().fonts, Lang::ZhHK, screen_},
                                         layout::PageId::area_at(0));
    for (const auto& r : picture_requests(area)) {
        auto kept = store_->keep(r.path, r.w, r.h);
        ASSERT_TRUE(kept);
        EXPECT_FALSE(kept.value()) << r.path;
    }
    // After a restart (a new warmer) the warm store costs no scaling at all.
    PictureWarmer again(*env().fonts, store_);
    again.warm(env().bundle, screen_);
    again.wait_idle();
    ASSERT_TRUE(again.last_report());
    EXPECT_EQ(again.last_report()->pictures, first->pictures);
    EXPECT_EQ(again.last_report()->scaled, 0u);
}

TEST_F(Warmer, ANewScreenSizeIsWarmedAgain) {
    PictureWarmer warmer(*env().fonts, store_);
    warmer.warm(env().bundle, screen_);
    warmer.wait_idle();
    const size_t before = entries(dir_);
    warmer.warm(env().bundle, {1080, 1920, 96, false});
    warmer.wait_idle();
    ASSERT_TRUE(warmer.last_report());
    EXPECT_GT(warmer.last_report()->scaled, 0u);
    EXPECT_GT(entries(dir_), before);
}

TEST_F(Warmer, AMissingPictureIsCountedTheRestAreKept) {
    auto broken = std::make_shared<content::Bundle>(*env().bundle);
    broken->areas.at(2).pictures.at(0).file = "pictures/not-there.jpg";
    PictureWarmer warmer(*env().fonts, store_);
    warmer.warm(broken, screen_);
    warmer.wait_idle();
    const auto report = warmer.last_report();
    ASSERT_TRUE(report);
    EXPECT_GT(report->failed, 0u);
    EXPECT_EQ(report->scaled + report->failed, report->pictures);
    EXPECT_EQ(entries(dir_), report->scaled);
}

// The UI thread hands over bundles while the worker works; the last one wins.
TEST_F(Warmer, NewerBundlesReplaceTheJobInHandAndTheLastIsWarmed) {
    PictureWarmer warmer(*env().fonts, store_);
    for (int i = 0; i < 5; ++i)
        warmer.warm(std::make_shared<content::Bundle>(*env().bundle), screen_);
    warmer.wait_idle();
    const auto report = warmer.last_report();
    ASSERT_TRUE(report);
    EXPECT_EQ(report->failed, 0u);
    EXPECT_EQ(entries(dir_), report->pictures);
}

}  // namespace
}  // namespace kiosk::render
