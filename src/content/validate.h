// `kiosk validate`: everything that can be checked before a bundle reaches a
// kiosk. Checks that need fonts or layout arrive as callbacks so this module
// stays free of the text engine.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "base/diagnostic.h"
#include "base/lang.h"

namespace kiosk::content {

struct ValidateOptions {
    // True when the font stack can draw cp in lang. Unset: no tofu check.
    std::function<bool(char32_t cp, Lang lang)> covers;
    // True when an area title fits its tile on the smallest supported screen.
    std::function<bool(const std::string& title, Lang lang)> title_fits;
    // True when a label fits the area footer's ‹ › buttons at every supported size.
    std::function<bool(const std::string& label, Lang lang)> footer_fits;
    bool decode_pictures = true;  // full decode, not only the header
};

Diagnostics validate_content(const std::filesystem::path& dir, const ValidateOptions& options = {});

}  // namespace kiosk::content
