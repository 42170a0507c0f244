// `kiosk layout` argument handling and output formats.
#include <sstream>

#include "text/layout_command.h"
#include "text_test_util.h"

namespace kiosk::text {
namespace {

struct CommandResult {
    int code;
    std::string out, err;
};

CommandResult run(std::vector<std::string> args) {
    std::ostringstream out, err;
    const int code = run_layout_command(args, out, err, testing::fonts());
    return {code, out.str(), err.str()};
}

TEST(Command, PrintsOneLinePerLaidOutLine) {
    const CommandResult r = run({"--text", "港澳浙江合作", "--width", "100", "--font-size", "32"});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, "港澳\n浙江\n合作\n");  // three phrases, not 港澳浙|江合作
}

TEST(Command, JsonHasExactlyTheDocumentedShape) {
    const CommandResult r = run({"--text", "港A", "--width", "300", "--lang", "zh-HK", "--json"});
    ASSERT_EQ(r.code, 0);
    EXPECT_EQ(r.out.rfind("{\"lines\":[{\"text\":\"港A\",\"width\":", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("\"glyphs\":[{\"gid\":"), std::string::npos);
    EXPECT_NE(r.out.find(",\"cluster\":0,\"x\":0,\"y\":"), std::string::npos);
    EXPECT_NE(r.out.find(",\"cluster\":3,\"x\":36,"), std::string::npos);  // 32 + Han–Latin 4
    ASSERT_GE(r.out.size(), 6u);
    EXPECT_EQ(r.out.substr(r.out.size() - 6), "}]}]}\n");
}

TEST(Command, JsonEscapesQuotesAndBackslashes) {
    const CommandResult r = run({"--text", "a\"b\\c", "--width", "300", "--lang", "en", "--json"});
    EXPECT_NE(r.out.find("\"text\":\"a\\\"b\\\\c\""), std::string::npos) << r.out;
}

TEST(Command, BadArgumentsExitOneWithAMessage) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {},
             {"--text", "x"},
             {"--width", "100"},
             {"--text", "x", "--width", "abc"},
             {"--text", "x", "--width", "-5"},
             {"--text", "x", "--width", "nan"},
             {"--text", "x", "--width", "100", "--font-size", "0"},
             {"--text", "x", "--width", "100", "--lang", "klingon"},
             {"--text", "x", "--width", "100", "--bogus"},
             {"--text"},
         }) {
        const CommandResult r = run(args);
        EXPECT_EQ(r.code, 1);
        EXPECT_NE(r.err.find("kiosk layout:"), std::string::npos);
        EXPECT_TRUE(r.out.empty());
    }
}

TEST(Command, InvalidUtf8NeverCrashes) {
    const CommandResult r = run({"--text", "\xFF\xFE\xC3(\xF0\x9F", "--width", "50", "--json"});
    EXPECT_EQ(r.code, 0);
}

TEST(Command, LoadsItsOwnFontsWhenNoneAreGiven) {
    std::ostringstream out, err;
    EXPECT_EQ(run_layout_command({"--text", "港", "--width", "100"}, out, err), 0);
    EXPECT_EQ(out.str(), "港\n");
}

}  // namespace
}  // namespace kiosk::text
