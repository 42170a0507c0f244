// Fixtures for the update tests: temp dirs, small content trees, keys, and
// hand-crafted (hostile) archives sealed with a real key.
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "update/bundle.h"
#include "update/import.h"

namespace kiosk::update::test {

namespace fs = std::filesystem;

class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& s) const { return path_ / s; }

  private:
    fs::path path_;
};

void write_text(const fs::path& file, const std::string& text);
std::string read_text(const fs::path& file);

// event.yaml (with `version: N`), about.yaml, strings.yaml, areas/*.yaml,
// icons/a.png, pictures/p.jpg (random bytes of `picture_bytes`).
void make_content(const fs::path& dir, std::int64_t version, std::size_t picture_bytes = 4096);

// Errors if event.yaml is missing or any .yaml contains "INVALID".
Diagnostics test_validator(const fs::path& content_dir);

// relative path -> contents, for "complete old or complete new" checks.
using Manifest = std::map<std::string, std::string>;
Manifest manifest(const fs::path& dir);

SecretKey new_key();

// A ready bundle file for `content_dir`.
fs::path bundle_file(const fs::path& content_dir, const SecretKey& key, std::int64_t version,
                     const fs::path& out, const std::string& label = "");

struct CraftEntry {
    // A constructor rather than an aggregate: -Wmissing-field-initializers.
    CraftEntry(std::string p, mode_t t = AE_IFREG, std::string d = {}, std::string l = {},
               std::uint64_t z = 0)
        : path(std::move(p)), type(t), data(std::move(d)), link(std::move(l)), zero_bytes(z) {}
    std::string path;
    mode_t type = AE_IFREG;
    std::string data;
    std::string link;              // symlink target or hardlink target
    std::uint64_t zero_bytes = 0;  // extra bytes of zeros streamed after data (bombs)
};
// A gzip'd pax tar with exactly these entries (a bare tar if !compress).
std::vector<unsigned char> craft_payload(const std::vector<CraftEntry>& entries,
                                         bool compress = true);
// One gzip member holding `raw`.
std::vector<unsigned char> gzip(const std::vector<unsigned char>& raw);
// Header + payload + valid signature: only the unpacker stands in the way.
std::vector<unsigned char> seal(const std::vector<unsigned char>& payload, const SecretKey& key,
                                std::int64_t version);
void write_bytes(const fs::path& file, const std::vector<unsigned char>& bytes);
std::vector<unsigned char> read_bytes(const fs::path& file);

ImportOptions options_for(const fs::path& data, const SecretKey& key);

// The active content's manifest, or nullopt if built-in content is active.
std::optional<Manifest> active_manifest(const fs::path& data);

}  // namespace kiosk::update::test
