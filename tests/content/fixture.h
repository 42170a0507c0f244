// A temporary content folder built from the bundled content/ and then edited,
// so each test breaks exactly one thing.
#pragma once

#include <filesystem>
#include <string>

namespace kiosk::test {

class ContentFixture {
  public:
    ContentFixture();  // copies KIOSK_SOURCE_DIR/content into a fresh temp dir
    ~ContentFixture();
    const std::filesystem::path& dir() const { return dir_; }
    void write(const std::string& rel, const std::string& text) const;
    std::string read(const std::string& rel) const;
    // Replaces the first occurrence of `from` in file `rel`; fails the test if absent.
    void replace(const std::string& rel, const std::string& from, const std::string& to) const;

  private:
    std::filesystem::path dir_;
};

std::filesystem::path source_content_dir();

}  // namespace kiosk::test
