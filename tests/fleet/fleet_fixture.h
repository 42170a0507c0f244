// Fixtures for the fleet tests: temp dirs, keys, tiny content trees, bundles
// made with the real update code, and a kiosk data dir + share pair.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "fleet/share.h"
#include "update/bundle.h"

namespace kiosk::fleet::test {

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

update::SecretKey new_key();

// Content with event.yaml `version: N`; `extra` files (name -> text) added.
void make_content(const fs::path& dir, std::int64_t version,
                  const std::vector<std::pair<std::string, std::string>>& extra = {});
fs::path make_bundle(const fs::path& work, const update::SecretKey& key, std::int64_t version,
                     const std::vector<std::pair<std::string, std::string>>& extra = {});

// Errors only when event.yaml is missing (the real validator is the app's).
Diagnostics test_validator(const fs::path& content_dir);

struct Kiosk {
    fs::path data;
    fs::path share;
    PollConfig config(const update::SecretKey& key) const;
    std::optional<std::int64_t> active() const;
};

// Two real Syncthing-generated IDs (syncthing generate), valid check characters.
inline constexpr const char* kIdA =
    "6LTBX3Q-625FFQI-UG5R4JH-K3OBQA6-D7EMCCX-EHMBB56-IYTVJEP-BSNADAV";
inline constexpr const char* kIdB =
    "LG457CF-3O5BYIQ-2XGSA4Z-SIQZRJH-XKUPVSD-5LUAARG-32OFH4Q-R63XRQG";

}  // namespace kiosk::fleet::test
