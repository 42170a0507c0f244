// The fleet publish: DATA/fleet-stats/stats.csv and stats.html hold exactly
// what `kiosk stats` exports, replaced atomically, and the hourly decision.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "stats/command.h"
#include "stats/publish.h"
#include "stats/recorder.h"
#include "stats/store.h"
#include "stats_env.h"

namespace kiosk::stats {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& f) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream o;
    o << in.rdbuf();
    return o.str();
}

// One closed visit (a finance page, then idle), built field by field: GCC 12
// sees stats_env.h's braced rows as maybe-uninitialized when inlined here.
std::vector<Record> one_visit(int64_t serial, LocalTime start) {
    VisitRow open;
    open.serial = serial;
    open.start = start;
    ViewRow view;
    view.visit = serial;
    view.start = start;
    view.page = "finance";
    view.lang = "zh-HK";
    view.dwell_ms = 20'000;
    view.entered = Input::Tap;
    view.left = "idle";
    VisitRow closed = open;
    closed.duration_ms = 20'000;
    closed.views = 1;
    closed.ended = "idle";
    return {open, view, closed};
}

class PublishTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = test::temp_dir("publish");
        auto store = Store::open(dir_ / kDbName);
        ASSERT_TRUE(store);
        const auto rows = one_visit(1, test::at("2024-10-04", 10, 0));
        ASSERT_TRUE(store.value().write(rows));
        style_.kiosk_name = "hall-a";
        style_.today = "2024-10-04";
    }
    fs::path dir_;
    ReportStyle style_;
};

TEST_F(PublishTest, WritesTheSameReportsAsKioskStats) {
    const fs::path out = dir_ / kPublishDir;
    auto files = publish_reports(dir_ / kDbName, out, style_);
    ASSERT_TRUE(files) << files.error().str();
    EXPECT_EQ(files.value(), (std::vector<fs::path>{out / "stats.csv", out / "stats.html"}));

    std::ostringstream sout, serr;
    const std::string csv = (dir_ / "cmd.csv").string(), html = (dir_ / "cmd.html").string();
    ASSERT_EQ(run_stats_command({"--data", dir_.string(), "--csv", csv, "--html", html, "--name",
                                 "hall-a", "--publish", (dir_ / "cli").string()},
                                {}, sout, serr),
              0)
        << serr.str();
    EXPECT_EQ(read(out / "stats.csv"), read(csv));
    EXPECT_EQ(read(out / "stats.html"), read(html));
    EXPECT_NE(read(out / "stats.csv").find("finance"), std::string::npos);
    EXPECT_NE(read(out / "stats.html").find("hall-a"), std::string::npos);
    // The CLI's --publish writes the same two files.
    EXPECT_EQ(read(dir_ / "cli" / "stats.csv"), read(csv));
    EXPECT_EQ(read(dir_ / "cli" / "stats.html"), read(html));
}

TEST_F(PublishTest, ReplacesAtomicallyAndLeavesNoTemporaryFile) {
    const fs::path out = dir_ / kPublishDir;
    ASSERT_TRUE(publish_reports(dir_ / kDbName, out, style_));
    // A reader holding the old file keeps reading the old report: the new one is a new inode.
    std::ifstream old_reader(out / "stats.csv", std::ios::binary);
    const std::string before = read(out / "stats.csv");
    {
        auto store = Store::open(dir_ / kDbName);
        ASSERT_TRUE(store);
        const auto rows = one_visit(2, test::at("2024-10-04", 11, 0));
        ASSERT_TRUE(store.value().write(rows));
    }
    ASSERT_TRUE(publish_reports(dir_ / kDbName, out, style_));
    std::ostringstream held;
    held << old_reader.rdbuf();
    EXPECT_EQ(held.str(), before);
    EXPECT_NE(read(out / "stats.csv"), before);
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(out))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"stats.csv", "stats.html"}));
}

TEST_F(PublishTest, AFailedWriteIsAnErrorValue) {
    const fs::path blocked = dir_ / "blocked";
    std::ofstream(blocked) << "a file where the folder should be";
    auto r = publish_reports(dir_ / kDbName, blocked, style_);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().str().find("blocked"), std::string::npos);
    EXPECT_FALSE(publish_reports(dir_ / "missing.db", dir_ / "out", style_));
}

TEST_F(PublishTest, TheRecorderPublishesOnItsWriterThread) {
    RecorderOptions o;
    o.db_file = dir_ / kDbName;
    auto rec = Recorder::open(o);
    ASSERT_TRUE(rec);
    rec.value()->publish_to(dir_ / "from-recorder", style_);
    rec.value()->flush();
    ASSERT_TRUE(publish_reports(dir_ / kDbName, dir_ / "direct", style_));
    for (const char* name : {"stats.csv", "stats.html"})
        EXPECT_EQ(read(dir_ / "from-recorder" / name), read(dir_ / "direct" / name)) << name;
}

TEST(PublishDue, AtStartThenHourly) {
    const std::int64_t t0 = 1'700'000'000;
    EXPECT_TRUE(publish_due(std::nullopt, t0));  // start-up
    EXPECT_FALSE(publish_due(t0, t0));
    EXPECT_FALSE(publish_due(t0, t0 + 3599));
    EXPECT_TRUE(publish_due(t0, t0 + 3600));
    EXPECT_TRUE(publish_due(t0, t0 + 86'400));
    EXPECT_TRUE(publish_due(t0, t0 - 1));  // the clock was set back: do not wait an hour+
    EXPECT_FALSE(publish_due(t0, t0 + 59, 60));
    EXPECT_TRUE(publish_due(t0, t0 + 60, 60));
}

}  // namespace
}  // namespace kiosk::stats
