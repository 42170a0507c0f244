// The scaled-picture store: a picture is scaled once per drawn size and read
// back from the data directory after that; damage costs a re-scale, never
// wrong pixels; the store stays within its bounds, least recently used first out.
#include "render/picture_store.h"

#include <gtest/gtest.h>
#include <stb_image_write.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <fstream>
#include <thread>

#include "content/picture.h"
#include "render/picture_batch.h"

namespace kiosk::render {
namespace {
namespace fs = std::filesystem;

// A w×h PNG whose pixels depend on `seed`: different seeds, different bytes.
void write_png(const fs::path& p, int w, int h, int seed) {
    std::vector<uint8_t> px(size_t(w) * h * 4);
    for (size_t i = 0; i < px.size(); ++i)
        px[i] = static_cast<uint8_t>((i * 7 + size_t(seed) * 31) % 251);
    ASSERT_TRUE(stbi_write_png(p.c_str(), w, h, 4, px.data(), w * 4));
}

std::vector<uint8_t> expected(const fs::path& p, int w, int h) {
    auto img = content::decode_picture(p, p.string());
    EXPECT_TRUE(img);
    return cover_picture(img.value().rgba.data(), img.value().width, img.value().height, w, h);
}

std::vector<fs::path> entries(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".rgba")
            out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

class PictureStoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() /
                ("kiosk-picture-store-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root_);
        fs::create_directories(root_);
        dir_ = root_ / "scaled";
    }
    void TearDown() override { fs::remove_all(root_); }
    fs::path pic(const std::string& name, int seed, int w = 64, int h = 40) {
        const fs::path p = root_ / name;
        write_png(p, w, h, seed);
        return p;
    }

    fs::path root_, dir_;
};

TEST_F(PictureStoreTest, FirstLoadScalesAndStoresLaterLoadsReadTheStore) {
    auto store = ScaledPictures::open(dir_);
    ASSERT_TRUE(store);
    const fs::path a = pic("a.png", 1);
    auto first = store->load(a.string(), 30, 20);
    ASSERT_TRUE(first);
    EXPECT_EQ(first.value(), expected(a, 30, 20));
    const auto stored = entries(dir_);
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_NE(stored[0].filename().string().find("-30x20.rgba"), std::string::npos);

    // Rewrite the entry's pixels (with a matching CRC): a second load that
    // returns them read the store instead of decoding the picture again.
    std::vector<uint8_t> marked(30 * 20 * 4, 0x5A);
    {
        std::fstream f(stored[0], std::ios::in | std::ios::out | std::ios::binary);
        char header[16];
        f.read(header, 16);
        const uint32_t crc =
            static_cast<uint32_t>(::crc32(0, marked.data(), static_cast<unsigned>(marked.size())));
        std::memcpy(header + 12, &crc, 4);
        f.seekp(0);
        f.write(header, 16);
        f.write(reinterpret_cast<const char*>(marked.data()), std::streamsize(marked.size()));
    }
    auto second = store->load(a.string(), 30, 20);
    ASSERT_TRUE(second);
    EXPECT_EQ(second.value(), marked);
}

TEST_F(PictureStoreTest, EachDrawnSizeIsItsOwnEntry) {
    auto store = ScaledPictures::open(dir_);
    const fs::path a = pic("a.png", 1);
    ASSERT_TRUE(store->load(a.string(), 30, 20));
    ASSERT_TRUE(store->load(a.string(), 16, 16));
    EXPECT_EQ(entries(dir_).size(), 2u);
    EXPECT_EQ(store->load(a.string(), 16, 16).value(), expected(a, 16, 16));
}

TEST_F(PictureStoreTest, ADamagedEntryIsScaledAgainAndRewritten) {
    auto store = ScaledPictures::open(dir_);
    const fs::path a = pic("a.png", 2);
    ASSERT_TRUE(store->load(a.string(), 30, 20));
    const fs::path entry = entries(dir_).at(0);
    const auto whole = fs::file_size(entry);
    {  // one flipped pixel byte: the CRC no longer matches
        std::fstream f(entry, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(100);
        f.put('\x7F');
    }
    EXPECT_EQ(store->load(a.string(), 30, 20).value(), expected(a, 30, 20));
    fs::resize_file(entry, whole / 2);  // a cut power mid-write of an older kind of store
    EXPECT_EQ(store->load(a.string(), 30, 20).value(), expected(a, 30, 20));
    EXPECT_EQ(fs::file_size(entry), whole);  // rewritten whole
}

TEST_F(PictureStoreTest, AChangedPictureNeverFindsTheOldEntry) {
    auto store = ScaledPictures::open(dir_);
    const fs::path a = pic("a.png", 3);
    ASSERT_TRUE(store->load(a.string(), 30, 20));
    write_png(a, 64, 40, 4);  // same path, same size, other pixels
    EXPECT_EQ(store->load(a.string(), 30, 20).value(), expected(a, 30, 20));
    EXPECT_EQ(entries(dir_).size(), 2u);
}

TEST_F(PictureStoreTest, AMissingOrDamagedPictureIsAnErrorNamingIt) {
    auto store = ScaledPictures::open(dir_);
    auto missing = store->load((root_ / "gone.png").string(), 30, 20);
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().str().find("gone.png"), std::string::npos);
    std::ofstream(root_ / "bad.png") << "\x89PNG\r\n\x1a\n not really";
    auto bad = store->load((root_ / "bad.png").string(), 30, 20);
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().str().find("bad.png"), std::string::npos);
    EXPECT_TRUE(entries(dir_).empty());
}

TEST_F(PictureStoreTest, AStoreThatCannotBeWrittenStillGivesThePicture) {
    auto store = ScaledPictures::open(dir_);
    fs::remove_all(dir_);  // e.g. the card filled up or was remounted read-only
    const fs::path a = pic("a.png", 5);
    EXPECT_EQ(store->load(a.string(), 30, 20).value(), expected(a, 30, 20));
}

TEST_F(PictureStoreTest, AHitMakesAnEntryRecentlyUsed) {
    auto store = ScaledPictures::open(dir_);
    const fs::path a = pic("a.png", 6);
    ASSERT_TRUE(store->load(a.string(), 30, 20));
    const fs::path entry = entries(dir_).at(0);
    const auto old = fs::file_time_type::clock::now() - std::chrono::hours(24);
    fs::last_write_time(entry, old);
    ASSERT_TRUE(store->load(a.string(), 30, 20));
    EXPECT_GT(fs::last_write_time(entry), old + std::chrono::hours(23));
}

TEST_F(PictureStoreTest, PastItsFileBoundTheLeastRecentlyUsedGoFirst) {
    auto store = ScaledPictures::open(dir_, {.max_bytes = 1ull << 30, .max_files = 2});
    const fs::path a = pic("a.png", 7), b = pic("b.png", 8), c = pic("c.png", 9);
    ASSERT_TRUE(store->load(a.string(), 30, 20));
    const fs::path a_entry = entries(dir_).at(0);
    ASSERT_TRUE(store->load(b.string(), 30, 20));
    const auto both = entries(dir_);
    ASSERT_EQ(both.size(), 2u);
    const fs::path b_entry = both[0] == a_entry ? both[1] : both[0];
    // a written first, b later: a hit on a must make b the least recently used.
    fs::last_write_time(a_entry, fs::file_time_type::clock::now() - std::chrono::hours(2));
    fs::last_write_time(b_entry, fs::file_time_type::clock::now() - std::chrono::hours(1));
    ASSERT_TRUE(store->load(a.string(), 30, 20));
    ASSERT_TRUE(store->load(c.string(), 30, 20));  // a write past the bound
    EXPECT_TRUE(fs::exists(a_entry));
    EXPECT_FALSE(fs::exists(b_entry));
    EXPECT_EQ(entries(dir_).size(), 2u);
}

TEST_F(PictureStoreTest, PastItsByteBoundOnlyTheNewestStays) {
    const uint64_t one = 16 + 30 * 20 * 4;
    auto store = ScaledPictures::open(dir_, {.max_bytes = one + one / 2, .max_files = 100});
    ASSERT_TRUE(store->load(pic("a.png", 10).string(), 30, 20));
    for (const auto& e : entries(dir_))
        fs::last_write_time(e, fs::file_time_type::clock::now() - std::chrono::hours(1));
    const fs::path b = pic("b.png", 11);
    ASSERT_TRUE(store->load(b.string(), 30, 20));
    const auto left = entries(dir_);
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(fs::file_size(left[0]), one);
}

TEST_F(PictureStoreTest, AnEntryOverItsSizeBoundIsGivenButNotKept) {
    const uint64_t one = 16 + 30 * 20 * 4;
    auto store = ScaledPictures::open(dir_, {.max_entry_bytes = one - 1});
    const fs::path a = pic("a.png", 13);
    auto px = store->load(a.string(), 30, 20);
    ASSERT_TRUE(px);
    EXPECT_EQ(px.value(), expected(a, 30, 20));
    EXPECT_TRUE(entries(dir_).empty());
    auto fits = ScaledPictures::open(dir_, {.max_entry_bytes = one});
    ASSERT_TRUE(fits->load(a.string(), 30, 20));
    EXPECT_EQ(entries(dir_).size(), 1u);
}

// Pictures cycling through a store too small for them (the attract loop's
// slides) must not rewrite the card on every load.
TEST_F(PictureStoreTest, RecentlyUsedEntriesAreNotPushedOutTheNewOneIsNotKept) {
    auto store = ScaledPictures::open(
        dir_, {.max_bytes = 1ull << 30, .max_files = 2, .keep_recent = std::chrono::minutes(10)});
    const fs::path a = pic("a.png", 14), b = pic("b.png", 15), c = pic("c.png", 16);
    ASSERT_TRUE(store->load(a.string(), 30, 20));
    const fs::path a_entry = entries(dir_).at(0);
    ASSERT_TRUE(store->load(b.string(), 30, 20));
    const auto working = entries(dir_);
    ASSERT_EQ(working.size(), 2u);
    for (int round = 0; round < 3; ++round) {
        auto px = store->load(c.string(), 30, 20);
        ASSERT_TRUE(px);
        EXPECT_EQ(px.value(), expected(c, 30, 20));
        EXPECT_EQ(entries(dir_), working);
    }
    // Once a has gone unused for longer than keep_recent, c takes its place.
    fs::last_write_time(a_entry, fs::file_time_type::clock::now() - std::chrono::minutes(11));
    ASSERT_TRUE(store->load(c.string(), 30, 20));
    const auto now_kept = entries(dir_);
    EXPECT_EQ(now_kept.size(), 2u);
    EXPECT_FALSE(fs::exists(a_entry));
}

TEST_F(PictureStoreTest, TemporariesLeftByACutPowerAreSweptFreshOnesKept) {
    auto store = ScaledPictures::open(dir_);
    std::ofstream(dir_ / ".tmp-old111") << "half an entry";
    std::ofstream(dir_ / ".tmp-new222") << "another thread's entry being written";
    fs::last_write_time(dir_ / ".tmp-old111",
                        fs::file_time_type::clock::now() - std::chrono::hours(1));
    ASSERT_TRUE(store->load(pic("a.png", 12).string(), 30, 20));
    EXPECT_FALSE(fs::exists(dir_ / ".tmp-old111"));
    EXPECT_TRUE(fs::exists(dir_ / ".tmp-new222"));
}

// The UI thread and the workers load at once; TSan runs this (make test-tsan).
TEST_F(PictureStoreTest, ThreadsLoadingTheSamePicturesAllGetThemWhole) {
    auto store = ScaledPictures::open(dir_, {.max_bytes = 1ull << 30, .max_files = 3});
    std::vector<fs::path> pics;
    for (int i = 0; i < 5; ++i)
        pics.push_back(pic("p" + std::to_string(i) + ".png", 20 + i));
    std::vector<std::vector<uint8_t>> want;
    for (const auto& p : pics)
        want.push_back(expected(p, 24, 24));
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < 20; ++round) {
                const size_t i = size_t(round + t) % pics.size();
                auto px = store->load(pics[i].string(), 24, 24);
                if (!px || px.value() != want[i])
                    ++wrong;
            }
        });
    for (auto& t : threads)
        t.join();
    EXPECT_EQ(wrong.load(), 0);
    EXPECT_LE(entries(dir_).size(), 3u);
}

// Several pictures at once (the first frame's): every result in its request's
// slot, errors where the picture is missing, whatever the thread count.
TEST_F(PictureStoreTest, ScalePicturesGivesEachResultInItsSlotOnAnyThreadCount) {
    std::vector<PictureRequest> wanted;
    for (int i = 0; i < 7; ++i)
        wanted.push_back({pic("b" + std::to_string(i) + ".png", 40 + i).string(), 20 + i, 16});
    wanted.insert(wanted.begin() + 3, {(root_ / "missing.png").string(), 20, 16});
    for (int threads : {0, 1, 2, 4, 16}) {
        auto got = scale_pictures(nullptr, wanted, threads);
        ASSERT_EQ(got.size(), wanted.size()) << threads;
        for (size_t i = 0; i < wanted.size(); ++i) {
            if (i == 3) {
                ASSERT_FALSE(got[i]) << threads;
                EXPECT_NE(got[i].error().str().find("missing.png"), std::string::npos);
                continue;
            }
            ASSERT_TRUE(got[i]) << threads << " " << i;
            EXPECT_EQ(got[i].value(), expected(wanted[i].path, wanted[i].w, wanted[i].h))
                << threads << " " << i;
        }
    }
    EXPECT_TRUE(scale_pictures(nullptr, {}, 4).empty());
}

// Through a store, on four threads: each picture is prepared (and kept) once.
TEST_F(PictureStoreTest, ScalePicturesKeepsEachPictureOnceThroughTheStore) {
    auto store = ScaledPictures::open(dir_);
    ASSERT_TRUE(store);
    std::vector<PictureRequest> wanted;
    for (int i = 0; i < 9; ++i)
        wanted.push_back({pic("c" + std::to_string(i) + ".png", 60 + i).string(), 24, 24});
    auto got = scale_pictures(&*store, wanted, 4);
    for (size_t i = 0; i < wanted.size(); ++i) {
        ASSERT_TRUE(got[i]);
        EXPECT_EQ(got[i].value(), expected(wanted[i].path, 24, 24)) << i;
    }
    EXPECT_EQ(entries(dir_).size(), wanted.size());
}

}  // namespace
}  // namespace kiosk::render
