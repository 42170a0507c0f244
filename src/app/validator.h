// Everything `kiosk validate` checks, as one function: `kiosk bundle` refuses
// invalid content with it and imports refuse invalid bundles with it.
#pragma once

#include "text/text.h"
#include "update/import.h"

namespace kiosk::app {

// `fonts` must outlive the returned function; null skips the font checks.
update::ContentValidator content_validator(text::FontStack* fonts);

}  // namespace kiosk::app
