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
    }
    return [opt](const std::filesystem::path& dir) { return content::validate_content(dir, opt); };
}

update::ContentValidator own_fonts_validator() {
    auto loaded = text::FontStack::load();
    if (!loaded) {
        log_warn(loaded.error().str() + " (font checks of imports skipped)");
        return content_validator(nullptr);
    }
    std::shared_ptr<text::FontStack> fonts = std::move(loaded.value());
    auto check = content_validator(fonts.get());
    // The validator keeps its FontStack alive; copies stay on the worker thread.
    return [fonts, check](const std::filesystem::path& dir) { return check(dir); };
}

}  // namespace kiosk::app
