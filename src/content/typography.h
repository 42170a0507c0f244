// The house style of a bundle (event.yaml `typography`): Han–digit spacing and
// the keep-together list the line breaker never breaks inside (docs/content.md).
#pragma once

#include <yaml-cpp/yaml.h>

#include "base/diagnostic.h"
#include "content/model.h"
#include "content/simplified_cache.h"
#include "content/yaml_reader.h"

namespace kiosk::content {

// Reads the optional `typography` mapping of event.yaml into b.typography.
void read_typography(YamlReader& r, const YAML::Node& event, Bundle& b);

// Adds the Simplified form of every Chinese keep-together term (the zh-Hans
// texts are derived with the same converter). Terms found in `cached` are
// taken from there: OpenCC is opened only for the rest.
void derive_simplified_terms(Bundle& b, const SimplifiedPairs& cached = {});

// Warns about keep-together terms that no text of the bundle contains: a typo
// there silently stops protecting a name.
void check_typography(const Bundle& b, Diagnostics& diags);

}  // namespace kiosk::content
