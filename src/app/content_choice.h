// Which content the kiosk shows, decided by one rule for every subcommand:
// --content DIR exactly; else, when the data directory exists, its active
// signed version (falling back past versions that fail to load, which are
// marked bad); else the built-in content/.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "content/loader.h"
#include "content/model.h"

namespace kiosk::app {

// Loads one content folder; content::load_bundle in production, counted in tests.
using ContentLoader = std::function<content::LoadResult(const std::filesystem::path& dir)>;
content::LoadResult load_content(const std::filesystem::path& dir);

struct InstalledContent {
    std::shared_ptr<const content::Bundle> bundle;  // null: nothing installed loads
    int64_t version = 0;                            // 0: none
};

// The data directory's active content, falling back past damaged versions
// (marking them bad, logged).
InstalledContent load_installed_content(const std::filesystem::path& data_dir,
                                        const ContentLoader& load = load_content);

struct ContentChoice {
    enum class Source { Given, Installed, BuiltIn };
    Source source = Source::BuiltIn;
    std::filesystem::path dir;                      // empty: no content found at all
    std::shared_ptr<const content::Bundle> bundle;  // null: `dir` does not load
    int64_t version = 0;                            // installed version; 0 otherwise
    Diagnostics diagnostics;                        // of loading `dir` (Given / BuiltIn)
};

ContentChoice choose_content(const std::optional<std::filesystem::path>& given,
                             const std::filesystem::path& data_dir,
                             const std::filesystem::path& builtin_dir,
                             const ContentLoader& load = load_content);

}  // namespace kiosk::app
