// Loads a content directory (event.yaml, about.yaml, strings.yaml, areas/*.yaml)
// into a Bundle. Never throws; every problem is a Diagnostic with file:line:col.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>

#include "base/diagnostic.h"
#include "content/model.h"

namespace kiosk::content {

struct LoadResult {
    std::optional<Bundle> bundle;   // present only when there are no errors
    std::optional<Bundle> partial;  // what could be read despite errors (for validation)
    Diagnostics diagnostics;        // errors and warnings, in file order
};

// Fills missing zh-Hans fields from zh-HK with OpenCC when `derive_simplified`.
LoadResult load_bundle(const std::filesystem::path& dir, bool derive_simplified = true);

// Every LocalText in the bundle, with a short name of where it is used.
void for_each_text(const Bundle& bundle,
                   const std::function<void(const LocalText&, std::string_view what)>& fn);
void for_each_text(Bundle& bundle, const std::function<void(LocalText&)>& fn);

}  // namespace kiosk::content
