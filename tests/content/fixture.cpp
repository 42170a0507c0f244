#include "fixture.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

namespace kiosk::test {

namespace fs = std::filesystem;

fs::path source_content_dir() {
    return fs::path(KIOSK_SOURCE_DIR) / "content";
}

ContentFixture::ContentFixture() {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("kiosk-content-" + std::to_string(rd()));
    fs::copy(source_content_dir(), dir_, fs::copy_options::recursive);
}

ContentFixture::~ContentFixture() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

void ContentFixture::write(const std::string& rel, const std::string& text) const {
    fs::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel, std::ios::binary) << text;
}

std::string ContentFixture::read(const std::string& rel) const {
    std::ifstream in(dir_ / rel, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void ContentFixture::replace(const std::string& rel, const std::string& from,
                             const std::string& to) const {
    std::string text = read(rel);
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << "'" << from << "' not in " << rel;
    text.replace(at, from.size(), to);
    write(rel, text);
}

}  // namespace kiosk::test
