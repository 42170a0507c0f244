// The CLI entry points the app's `kiosk` executable dispatches to.
#include <gtest/gtest.h>

#include <sstream>

#include "test_util.h"
#include "update/commands.h"

namespace kiosk::update::test {
namespace {

struct Cli {
    std::ostringstream out, err;
};

TEST(Commands, KeygenBundleImportStatus) {
    TempDir tmp;
    const std::string p = tmp.path().string();
    Cli k;
    ASSERT_EQ(run_keygen({"--out", p + "/staff"}, k.out, k.err), 0) << k.err.str();
    EXPECT_NE(k.out.str().find("staff.key"), std::string::npos);

    make_content(tmp / "content", 42);
    Cli b;
    ASSERT_EQ(run_bundle({p + "/content", "--key", p + "/staff.key", "--out", p + "/zw.kiosk",
                          "--label", "Day 1"},
                         b.out, b.err, test_validator),
              0)
        << b.err.str();
    EXPECT_NE(b.out.str().find("version 42"), std::string::npos) << b.out.str();

    Cli i;
    ASSERT_EQ(run_import({p + "/zw.kiosk", "--data", p + "/data", "--pubkey", p + "/staff.pub"},
                         i.out, i.err, test_validator),
              0)
        << i.err.str();
    EXPECT_EQ(i.out.str(), "updated to version 42 (Day 1)\n");

    Cli s;
    ASSERT_EQ(run_status({"--data", p + "/data"}, s.out, s.err), 0);
    EXPECT_NE(s.out.str().find("Showing version 42 \"Day 1\""), std::string::npos) << s.out.str();
}

TEST(Commands, BundleRefusesInvalidContent) {
    TempDir tmp;
    const std::string p = tmp.path().string();
    Cli k;
    ASSERT_EQ(run_keygen({"--out", p + "/staff"}, k.out, k.err), 0);
    make_content(tmp / "content", 1);
    write_text(tmp / "content/about.yaml", "INVALID\n");
    Cli b;
    EXPECT_EQ(run_bundle({p + "/content", "--key", p + "/staff.key", "--out", p + "/x.kiosk"},
                         b.out, b.err, test_validator),
              1);
    EXPECT_NE(b.err.str().find("not bundled"), std::string::npos) << b.err.str();
    EXPECT_FALSE(fs::exists(tmp / "x.kiosk"));
}

TEST(Commands, ImportRefusalAndDowngradeFlag) {
    TempDir tmp;
    const std::string p = tmp.path().string();
    Cli k;
    ASSERT_EQ(run_keygen({"--out", p + "/staff"}, k.out, k.err), 0);
    for (int v : {5, 3}) {
        make_content(tmp / ("c" + std::to_string(v)), v);
        Cli b;
        ASSERT_EQ(run_bundle({p + "/c" + std::to_string(v), "--key", p + "/staff.key", "--out",
                              p + "/" + std::to_string(v) + ".kiosk"},
                             b.out, b.err, test_validator),
                  0);
    }
    const std::vector<std::string> common = {"--data", p + "/data", "--pubkey", p + "/staff.pub"};
    auto args = [&](std::vector<std::string> a) {
        a.insert(a.end(), common.begin(), common.end());
        return a;
    };
    Cli a, b, c;
    EXPECT_EQ(run_import(args({p + "/5.kiosk"}), a.out, a.err, test_validator), 0);
    EXPECT_EQ(run_import(args({p + "/3.kiosk"}), b.out, b.err, test_validator), 1);
    EXPECT_NE(b.err.str().find("older than the active version 5"), std::string::npos)
        << b.err.str();
    EXPECT_EQ(run_import(args({p + "/3.kiosk", "--allow-downgrade"}), c.out, c.err, test_validator),
              0)
        << c.err.str();
}

TEST(Commands, UsageErrors) {
    Cli c;
    EXPECT_EQ(run_keygen({}, c.out, c.err), 2);
    EXPECT_EQ(run_bundle({"content"}, c.out, c.err, test_validator), 2);
    EXPECT_EQ(run_import({"x.kiosk", "--bogus"}, c.out, c.err, test_validator), 2);
    EXPECT_EQ(run_bundle({"c", "--key", "k", "--out", "o", "--version", "abc"}, c.out, c.err,
                         test_validator),
              2);
    Cli m;
    EXPECT_EQ(
        run_import({"x.kiosk", "--pubkey", "/nonexistent/staff.pub"}, m.out, m.err, test_validator),
        1);
    EXPECT_NE(m.err.str().find("cannot open"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::update::test
