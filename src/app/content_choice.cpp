#include "app/content_choice.h"

#include "base/log.h"
#include "content/simplified_cache.h"
#include "update/store.h"

namespace kiosk::app {

namespace fs = std::filesystem;

content::LoadResult load_content(const fs::path& dir) {
    return content::load_bundle(dir);
}

InstalledContent load_installed_content(const fs::path& data_dir, const ContentLoader& load) {
    auto store = update::ContentStore::open(data_dir);
    if (!store) {
        log_warn(store.error().str());
        return {};
    }
    std::shared_ptr<const content::Bundle> loaded;
    auto active = store.value().select_loadable([&](const fs::path& dir) {
        auto r = load(dir);
        if (!r.bundle) {
            log_error("installed content in " + dir.string() + " does not load; falling back:\n" +
                      r.diagnostics.str());
            return false;
        }
        loaded = std::make_shared<const content::Bundle>(std::move(*r.bundle));
        content::save_simplified_cache(
            *loaded);  // once per installed version: no OpenCC next start
        return true;
    });
    if (!active)
        return {};
    return {loaded, active->version};
}

ContentChoice choose_content(const std::optional<fs::path>& given, const fs::path& data_dir,
                             const fs::path& builtin_dir, const ContentLoader& load) {
    ContentChoice c;
    if (!given && fs::is_directory(data_dir)) {
        auto installed = load_installed_content(data_dir, load);
        if (installed.bundle) {
            c.source = ContentChoice::Source::Installed;
            c.bundle = std::move(installed.bundle);
            c.dir = c.bundle->dir;
            c.version = installed.version;
            log_info("showing installed content version " + std::to_string(c.version));
            return c;
        }
        log_info("no installed content loads; showing the built-in content");
    }
    c.source = given ? ContentChoice::Source::Given : ContentChoice::Source::BuiltIn;
    c.dir = given ? *given : builtin_dir;
    if (c.dir.empty())
        return c;
    auto r = load(c.dir);
    c.diagnostics = std::move(r.diagnostics);
    if (r.bundle)
        c.bundle = std::make_shared<const content::Bundle>(std::move(*r.bundle));
    return c;
}

}  // namespace kiosk::app
