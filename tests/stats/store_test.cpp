// The store: records become exactly the expected rows; old days fold into
// hourly rows without losing a view; the database is in WAL mode.
#include <gtest/gtest.h>

#include "stats/report.h"
#include "stats/store.h"
#include "stats_env.h"

namespace kiosk::stats {
namespace {

using test::count;

TEST(StoreTest, AVisitBecomesRows) {
    const auto dir = test::temp_dir("rows");
    auto store = Store::open(dir / kDbName);
    ASSERT_TRUE(store) << store.error().str();
    ASSERT_TRUE(store.value().write(test::known_visit(1, test::at("2024-10-04", 10, 0))));
    sqlite3* db = store.value().db();
    EXPECT_EQ(count(db, "SELECT count(*) FROM visits"), 1);
    EXPECT_EQ(count(db,
                    "SELECT duration_ms FROM visits WHERE ended='idle' AND views=2 "
                    "AND lang_switches=1 AND day='2024-10-04' AND time='10:00:00' AND hour=10"),
              60'000);
    EXPECT_EQ(count(db, "SELECT count(*) FROM views"), 2);
    EXPECT_EQ(count(db,
                    "SELECT dwell_ms FROM views WHERE page='aviation' AND lang='en' AND "
                    "large_text=1 AND depth_pct=60 AND entered='swipe' AND left_by='idle' "
                    "AND time='10:00:20'"),
              40'000);
    EXPECT_EQ(count(db,
                    "SELECT count(*) FROM lang_switches WHERE from_lang='zh-HK' AND "
                    "to_lang='en' AND page='aviation' AND visit=(SELECT id FROM visits)"),
              1);
    EXPECT_EQ(count(db, "SELECT count(*) FROM views WHERE visit=(SELECT id FROM visits)"), 2);
    Stmt mode(db, "PRAGMA journal_mode");
    ASSERT_TRUE(mode.row());
    EXPECT_EQ(mode.text(0), "wal");
}

TEST(StoreTest, FoldingKeepsTheFigures) {
    const auto dir = test::temp_dir("fold");
    auto store = Store::open(dir / kDbName);
    ASSERT_TRUE(store);
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE(store.value().write(test::known_visit(i + 1, test::at("2024-10-01", 10, i))));
    ASSERT_TRUE(store.value().write(test::known_visit(9, test::at("2024-10-09", 14, 0))));
    sqlite3* db = store.value().db();
    const Summary before = summarize(db, "");

    EXPECT_EQ(store.value().fold_before(day_number("2024-10-05")), 1);
    EXPECT_EQ(count(db, "SELECT count(*) FROM views WHERE day='2024-10-01'"), 0);
    EXPECT_EQ(count(db, "SELECT count(*) FROM visits WHERE day='2024-10-01'"), 0);
    EXPECT_EQ(count(db, "SELECT count(*) FROM views WHERE day='2024-10-09'"), 2);
    EXPECT_EQ(count(db,
                    "SELECT views FROM hourly_views WHERE day='2024-10-01' AND hour=10 "
                    "AND page='finance' AND lang='zh-HK'"),
              3);
    EXPECT_EQ(count(db, "SELECT dwell_ms FROM hourly_views WHERE page='aviation'"), 120'000);
    EXPECT_EQ(count(db, "SELECT visits FROM hourly_visits WHERE day='2024-10-01' AND hour=10"), 3);
    EXPECT_EQ(count(db, "SELECT lang_switches FROM hourly_visits"), 3);
    EXPECT_EQ(store.value().fold_before(day_number("2024-10-05")), 0);  // nothing left

    const Summary after = summarize(db, "");
    EXPECT_EQ(after.visits, before.visits);
    EXPECT_EQ(after.views, before.views);
    EXPECT_EQ(after.lang_switches, before.lang_switches);
    EXPECT_EQ(after.visits_by_hour, before.visits_by_hour);
    EXPECT_EQ(after.by_swipe, 4);
    EXPECT_EQ(after.large_text_views, 4);
    ASSERT_EQ(after.pages.size(), 2u);
    const auto& fin = after.pages[0].page == "finance" ? after.pages[0] : after.pages[1];
    // 20 s falls in the 20-30 s bucket once folded; the stand-in is its middle.
    EXPECT_EQ(fin.median_dwell_ms, 25'000);
}

TEST(StoreTest, HistogramBuckets) {
    EXPECT_EQ(bucket_of(0), 0);
    EXPECT_EQ(bucket_of(1'999), 0);
    EXPECT_EQ(bucket_of(2'000), 1);
    EXPECT_EQ(bucket_of(10'000'000), kBuckets - 1);
    std::vector<int64_t> h(kBuckets, 0);
    h[3] = 7;
    h[14] = 1;
    EXPECT_EQ(format_hist(h), "3:7,14:1");
    EXPECT_EQ(parse_hist(format_hist(h)), h);
}

}  // namespace
}  // namespace kiosk::stats
