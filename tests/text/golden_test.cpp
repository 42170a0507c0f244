// Golden layouts: tests/text/layout/*.test, libraqm style. Header lines
// ("text: …", "width: 300", "size: 32", "lang: zh-HK", "justify: true",
// "indent: 2", "weight: bold", "align: center", "json: true"), then "---" and
// the expected output of `kiosk layout` with those arguments.
// KIOSK_REGENERATE_GOLDEN=1 rewrites the expectations (review the diff by eye).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "text/layout_command.h"
#include "text_test_util.h"

namespace kiosk::text {
namespace {

namespace fs = std::filesystem;

struct Golden {
    std::vector<std::string> header;  // kept verbatim for regeneration
    std::vector<std::string> args;
    std::string expected;
};

// "\n" in a header value stands for a newline (headers are one line each).
std::string unescape(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
            out += '\n';
            ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

void add_arg(Golden& g, const std::string& key, const std::string& value) {
    if (key == "text")
        g.args.insert(g.args.end(), {"--text", unescape(value)});
    if (key == "width")
        g.args.insert(g.args.end(), {"--width", value});
    if (key == "size")
        g.args.insert(g.args.end(), {"--font-size", value});
    if (key == "lang")
        g.args.insert(g.args.end(), {"--lang", value});
    if (key == "indent")
        g.args.insert(g.args.end(), {"--indent", value});
    if (key == "justify" && value == "true")
        g.args.push_back("--justify");
    if (key == "json" && value == "true")
        g.args.push_back("--json");
    if (key == "weight" && value == "bold")
        g.args.push_back("--bold");
    if (key == "align" && value == "center")
        g.args.push_back("--center");
}

Golden parse(const fs::path& path) {
    std::ifstream in(path);
    Golden g;
    std::string line;
    while (std::getline(in, line) && line != "---") {
        g.header.push_back(line);
        const size_t colon = line.find(": ");
        if (colon != std::string::npos)
            add_arg(g, line.substr(0, colon), line.substr(colon + 2));
    }
    std::ostringstream rest;
    rest << in.rdbuf();
    g.expected = rest.str();
    return g;
}

std::vector<fs::path> golden_files() {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(fs::path(KIOSK_TEST_DATA) / "text" / "layout"))
        if (e.path().extension() == ".test")
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

TEST(Golden, LayoutsMatchTheirExpectations) {
    const char* regen = std::getenv("KIOSK_REGENERATE_GOLDEN");
    const bool regenerate = regen && std::string(regen) == "1";
    const auto files = golden_files();
    ASSERT_GE(files.size(), 8u);
    for (const fs::path& path : files) {
        const Golden g = parse(path);
        std::ostringstream out, err;
        ASSERT_EQ(run_layout_command(g.args, out, err, testing::fonts()), 0)
            << path << ": " << err.str();
        if (regenerate) {
            std::ofstream o(path);
            for (const std::string& h : g.header)
                o << h << '\n';
            o << "---\n" << out.str();
            continue;
        }
        EXPECT_EQ(out.str(), g.expected) << path.filename();
    }
}

}  // namespace
}  // namespace kiosk::text
