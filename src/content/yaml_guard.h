// A first pass over a content YAML file's parse events, before any node tree is
// built: refuses what would make loading unbounded or ambiguous. Aliases
// (`*name`) are refused because each repetition of a shared node is copied
// (and converted, and decoded) again by the loader; a 1 MiB file could
// otherwise expand to gigabytes. Duplicate keys are refused because yaml-cpp
// silently keeps one of them. Depth and node count are bounded so that the
// tree yaml-cpp builds afterwards stays small (limits: base/limits.h).
#pragma once

#include <optional>
#include <string>

#include "base/diagnostic.h"

namespace kiosk::content {

// `file` names the file in the returned error. nullopt: the structure is fine
// (syntax errors are left to the real parse, which reports them).
std::optional<Diagnostic> check_yaml_structure(const std::string& text, const std::string& file);

}  // namespace kiosk::content
