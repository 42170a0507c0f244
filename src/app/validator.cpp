#include "app/validator.h"

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
    }
    return [opt](const std::filesystem::path& dir) { return content::validate_content(dir, opt); };
}

}  // namespace kiosk::app
