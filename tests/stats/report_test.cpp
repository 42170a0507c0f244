// Reports: the summary, CSV and HTML of a known set of visits.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "stats/report.h"
#include "stats/store.h"
#include "stats_env.h"

namespace kiosk::stats {
namespace {

class ReportTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = test::temp_dir("report");
        auto store = Store::open(dir_ / kDbName);
        ASSERT_TRUE(store);
        ASSERT_TRUE(store.value().write(test::known_visit(1, test::at("2024-10-03", 9, 30))));
        ASSERT_TRUE(store.value().write(test::known_visit(2, test::at("2024-10-04", 10, 0))));
        auto more = test::known_visit(3, test::at("2024-10-04", 10, 40));
        std::get<ViewRow>(more[1]).dwell_ms = 50'000;
        ASSERT_TRUE(store.value().write(more));
        db_ = std::move(store.value());
    }
    std::filesystem::path dir_;
    std::optional<Store> db_;
};

TEST_F(ReportTest, SummaryOfADay) {
    const Summary s = summarize(db_->db(), "2024-10-04");
    EXPECT_EQ(s.title, "Today, 2024-10-04");
    EXPECT_EQ(s.visits, 2);
    EXPECT_EQ(s.views, 4);
    EXPECT_EQ(s.median_visit_ms, 60'000);
    EXPECT_EQ(s.lang_switches, 2);
    EXPECT_EQ(s.visits_by_hour[10], 2);
    EXPECT_EQ(s.visits_by_hour[9], 0);
    ASSERT_EQ(s.pages.size(), 2u);
    const auto& fin = s.pages[0].page == "finance" ? s.pages[0] : s.pages[1];
    EXPECT_EQ(fin.views, 2);
    EXPECT_EQ(fin.median_dwell_ms, 20'000);  // lower middle of 20 s and 50 s
    EXPECT_EQ(fin.total_dwell_ms, 70'000);
    ASSERT_EQ(s.langs.size(), 2u);
    EXPECT_EQ(s.langs[0].views, 2);
}

TEST_F(ReportTest, SummaryOfAllDays) {
    const Summary s = summarize(db_->db(), "");
    EXPECT_EQ(s.title, "All days, 2024-10-03 to 2024-10-04 (2 days)");
    EXPECT_EQ(s.visits, 3);
    EXPECT_EQ(s.days, 2);
    EXPECT_EQ(s.visits_by_hour[9], 1);
    EXPECT_EQ(newest_day(db_->db()), "2024-10-04");
}

TEST_F(ReportTest, CsvIsExact) {
    const std::string expected =
        "day,hour,page,language,visits,views,total_dwell_s,median_dwell_s,large_text_views,"
        "entered_by_tap,entered_by_swipe,entered_by_key,mean_depth_pct,lang_switches,"
        "median_visit_s\n"
        "2024-10-03,9,,,1,2,,,,,,,,1,60.0\n"
        "2024-10-03,9,aviation,en,,1,40.0,40.0,1,0,1,0,60,,\n"
        "2024-10-03,9,finance,zh-HK,,1,20.0,20.0,0,1,0,0,100,,\n"
        "2024-10-04,10,,,2,4,,,,,,,,2,60.0\n"
        "2024-10-04,10,aviation,en,,2,80.0,40.0,2,0,2,0,60,,\n"
        "2024-10-04,10,finance,zh-HK,,2,70.0,20.0,0,2,0,0,100,,\n";
    EXPECT_EQ(csv_report(db_->db()), expected);
    // Folded days give the same lines, medians rounded to their bucket.
    ASSERT_EQ(db_->fold_before(day_number("2024-10-04")), 1);
    const std::string folded = csv_report(db_->db());
    EXPECT_NE(folded.find("2024-10-03,9,finance,zh-HK,,1,20.0,25.0,0,1,0,0,100,,\n"),
              std::string::npos)
        << folded;
}

TEST_F(ReportTest, ExportWritesBothFilesSelfContained) {
    ReportStyle style;
    style.kiosk_name = "booth 3/A";
    style.today = "2024-10-04";
    style.pages = {{"finance", "Finance", 0x12, 0x34, 0x56}, {"aviation", "Aviation", 1, 2, 3}};
    const auto out = test::temp_dir("export-out");
    const Exported e = export_reports(dir_ / kDbName, out, style);
    ASSERT_FALSE(e.error) << e.error->str();
    ASSERT_EQ(e.files.size(), 2u);
    EXPECT_TRUE(std::filesystem::exists(out / "kiosk-stats-booth_3_A-2024-10-04.csv"));
    std::ifstream f(out / "kiosk-stats-booth_3_A.html");
    std::stringstream ss;
    ss << f.rdbuf();
    const std::string html = ss.str();
    EXPECT_NE(html.find("<svg"), std::string::npos);
    EXPECT_NE(html.find("fill=\"#123456\""), std::string::npos);  // the area's colour
    EXPECT_NE(html.find("Today, 2024-10-04"), std::string::npos);
    for (const char* banned : {"<script", "http:", "https:", "src=", "@import", "url("})
        EXPECT_EQ(html.find(banned), std::string::npos) << banned;
}

TEST(ReportText, Durations) {
    EXPECT_EQ(duration_text(42'400), "42 s");
    EXPECT_EQ(duration_text(65'000), "1 min 05 s");
    EXPECT_EQ(file_safe("a b/c"), "a_b_c");
}

}  // namespace
}  // namespace kiosk::stats
