#include "app/validator.h"

#include "base/log.h"
#include "content/validate.h"
#include "layout/pages.h"

namespace kiosk::app {

update::ContentValidator content_validator(text::FontStack* fonts) {
    content::ValidateOptions opt;
    if (fonts) {
        opt.covers = [fonts](char32_t cp, Lang lang) { return fonts->covers(cp, lang); };
        opt.title_fits = [fonts](const std::string& t, Lang lang) {
            return layout::title_fits_tile(*fonts, t, lang);
        };
        opt.footer_fits = [fonts](const std::string& t, Lang lang) {
            return layout::label_fits_footer(*fonts, t, lang);
        };
    }
    return [opt](const std::filesystem::path& dir) { return content::validate_content(dir, opt); };
}

// Loads the fonts only when a check runs (on the caller's thread) and drops
// them after it: an import done by the child process never pays for them.
update::ContentValidator own_fonts_validator() {
    return [](const std::filesystem::path& dir) {
        auto loaded = text::FontStack::load();
        if (!loaded) {
            log_warn(loaded.error().str() + " (font checks of imports skipped)");
            return content_validator(nullptr)(dir);
        }
        return content_validator(loaded.value().get())(dir);
    };
}

}  // namespace kiosk::app
