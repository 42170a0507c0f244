// Simplified text comes from the folder's cache when it is there (no OpenCC),
// from OpenCC for whatever the cache lacks, and a damaged cache is ignored.
#include "content/simplified_cache.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "content/loader.h"
#include "fixture.h"

namespace kiosk::content {
namespace {

using test::ContentFixture;

std::string record(const std::string& hk, const std::string& hans) {
    return std::to_string(hk.size()) + " " + std::to_string(hans.size()) + "\n" + hk + hans + "\n";
}

TEST(SimplifiedCache, SavedPairsReadBackAndCoverEveryDerivedText) {
    ContentFixture fx;
    std::filesystem::remove(fx.dir() / kSimplifiedCacheFile);
    LoadResult r = load_bundle(fx.dir());
    ASSERT_TRUE(r.bundle) << r.diagnostics.str();
    ASSERT_TRUE(save_simplified_cache(*r.bundle));
    const SimplifiedPairs pairs = read_simplified_cache(fx.dir() / kSimplifiedCacheFile);
    ASSERT_TRUE(pairs.count("科技創新"));
    EXPECT_EQ(pairs.at("科技創新"), "科技创新");
    size_t derived = 0;
    for_each_text(*r.bundle, [&](const LocalText& t, std::string_view) {
        if (t.simplified_derived) {
            ++derived;
            EXPECT_EQ(pairs.count(t.get(Lang::ZhHK)), 1u) << t.get(Lang::ZhHK);
        }
    });
    EXPECT_GT(derived, 50u);
}

TEST(SimplifiedCache, LoadTakesCachedTextAndConvertsTheRest) {
    ContentFixture fx;
    fx.write(kSimplifiedCacheFile,
             std::string("kiosk simplified cache 1\n") + record("科技創新", "（来自缓存）"));
    LoadResult r = load_bundle(fx.dir());
    ASSERT_TRUE(r.bundle) << r.diagnostics.str();
    EXPECT_EQ(r.bundle->areas[1].title.get(Lang::ZhHans), "（来自缓存）");
    EXPECT_TRUE(r.bundle->areas[1].title.simplified_derived);
    EXPECT_EQ(r.bundle->areas[0].title.get(Lang::ZhHans), "金融");  // not cached: OpenCC
}

TEST(SimplifiedCache, DamagedCacheIsIgnored) {
    ContentFixture fx;
    fx.write(kSimplifiedCacheFile, std::string("kiosk simplified cache 1\n") + "99999 3\n科技");
    EXPECT_TRUE(read_simplified_cache(fx.dir() / kSimplifiedCacheFile).empty());
    fx.write(kSimplifiedCacheFile, "not a cache\n" + record("科技創新", "x"));
    EXPECT_TRUE(read_simplified_cache(fx.dir() / kSimplifiedCacheFile).empty());
    LoadResult r = load_bundle(fx.dir());
    ASSERT_TRUE(r.bundle);
    EXPECT_EQ(r.bundle->areas[1].title.get(Lang::ZhHans), "科技创新");
}

// The bundled content ships its cache, so the kiosk never loads OpenCC's
// dictionaries for it. Fails when content/ changed and the cache was not
// regenerated: KIOSK_REGENERATE_GOLDEN=1 rewrites content/simplified.cache
// (review the diff: it lists every derived Simplified text).
TEST(SimplifiedCache, BundledContentShipsACompleteCache) {
    if (std::getenv("KIOSK_REGENERATE_GOLDEN")) {
        LoadResult src = load_bundle(test::source_content_dir());
        ASSERT_TRUE(src.bundle) << src.diagnostics.str();
        ASSERT_TRUE(save_simplified_cache(*src.bundle));
    }
    ContentFixture fx;  // a copy: the check must not write into the source tree
    const std::string shipped = fx.read(kSimplifiedCacheFile);
    ASSERT_FALSE(shipped.empty()) << "content/simplified.cache is missing";
    LoadResult r = load_bundle(fx.dir());
    ASSERT_TRUE(r.bundle) << r.diagnostics.str();
    // Saving rewrites the file only when a derived text is missing from it.
    ASSERT_TRUE(save_simplified_cache(*r.bundle));
    EXPECT_EQ(fx.read(kSimplifiedCacheFile), shipped)
        << "content/simplified.cache is stale: run the content tests with "
           "KIOSK_REGENERATE_GOLDEN=1";
}

}  // namespace
}  // namespace kiosk::content
