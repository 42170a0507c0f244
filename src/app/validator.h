// Everything `kiosk validate` checks, as one function: `kiosk bundle` refuses
// invalid content with it and imports refuse invalid bundles with it.
#pragma once

#include <memory>

#include "text/text.h"
#include "update/import.h"

namespace kiosk::app {

// `fonts` must outlive the returned function; null skips the font checks.
update::ContentValidator content_validator(text::FontStack* fonts);

// A validator with a FontStack of its own, loaded when it runs and dropped
// after: for the ContentService's worker, which must share no FontStack with
// the UI thread. Without fonts it warns and skips the font checks.
update::ContentValidator own_fonts_validator();

}  // namespace kiosk::app
