#include "app/cli.h"

#include <cstdlib>
#include <iostream>
#include <sstream>

#include "app/runtime.h"
#include "app/updater.h"
#include "base/log.h"
#include "content/loader.h"
#include "layout/pages.h"
#include "text/layout_command.h"
#include "update/commands.h"
#include "update/store.h"

namespace kiosk::app {
namespace {

namespace fs = std::filesystem;

fs::path builtin_content_dir() {
    std::istringstream dirs(KIOSK_CONTENT_DIRS);
    std::string d;
    while (std::getline(dirs, d, ':')) {
        if (!d.empty() && fs::exists(fs::path(d) / "event.yaml")) return d;
    }
    return {};
}

std::unique_ptr<text::FontStack> fonts_or_warn() {
    auto fonts = text::FontStack::load();
    if (fonts) return std::move(fonts.value());
    std::cerr << fonts.error().str() << " (font checks skipped)\n";
    return nullptr;
}

int run_validate(const Options& o) {
    const fs::path dir = o.rest.empty() ? resolve_content_dir(o) : fs::path(o.rest[0]);
    auto fonts = fonts_or_warn();
    const Diagnostics d = content_validator(fonts.get())(dir);
    std::cout << d.str();
    std::cerr << dir.string() << ": " << d.error_count() << " error(s), " << d.warning_count()
              << " warning(s)\n";
    return d.has_errors() ? 1 : 0;
}

// keygen, bundle, import, status: the update module's commands.
int run_update_command(const Options& o) {
    if (o.command == "keygen") return update::run_keygen(o.rest, std::cout, std::cerr);
    if (o.command == "status") return update::run_status(o.rest, std::cout, std::cerr);
    auto fonts = fonts_or_warn();
    const auto validate = content_validator(fonts.get());
    if (o.command == "bundle") return update::run_bundle(o.rest, std::cout, std::cerr, validate);
    return update::run_import(o.rest, std::cout, std::cerr, validate);
}

}  // namespace

fs::path resolve_content_dir(const Options& o) {
    if (o.content_dir) return *o.content_dir;
    // An installed bundle wins when the data directory exists (on the device);
    // a developer's machine without /var/lib/kiosk uses the built-in content.
    if (fs::is_directory(o.data_dir)) {
        if (auto store = update::ContentStore::open(o.data_dir)) {
            if (auto dir = store.value().active_content_dir()) return *dir;
        }
    }
    return builtin_content_dir();
}

std::optional<Runtime> load_runtime(const Options& o) {
    Runtime rt;
    auto fonts = text::FontStack::load();
    if (!fonts) {
        std::cerr << fonts.error().str() << "\n";
        return std::nullopt;
    }
    rt.fonts = std::move(fonts.value());
    if (!o.content_dir && fs::is_directory(o.data_dir)) {
        int64_t version = 0;
        if ((rt.bundle = load_installed_content(o.data_dir, &version))) {
            rt.content_dir = rt.bundle->dir;
            log_info("showing installed content version " + std::to_string(version));
            return rt;
        }
        log_info("no installed content loads; showing the built-in content");
    }
    rt.content_dir = o.content_dir ? fs::path(*o.content_dir) : builtin_content_dir();
    if (rt.content_dir.empty()) {
        std::cerr << "kiosk: error: no content found (use --content DIR)\n";
        return std::nullopt;
    }
    content::LoadResult r = content::load_bundle(rt.content_dir);
    std::cerr << r.diagnostics.str();
    if (!r.bundle) {
        std::cerr << "kiosk: error: the content in " << rt.content_dir.string()
                  << " cannot be shown (see above)\n";
        return std::nullopt;
    }
    rt.bundle = std::make_shared<const content::Bundle>(std::move(*r.bundle));
    return rt;
}

AppConfig app_config(const Options& o, int width, int height) {
    AppConfig cfg;
    cfg.screen.width = width;
    cfg.screen.height = height;
    if (auto l = parse_lang(o.lang)) cfg.default_lang = *l;
    return cfg;
}

int run_cli(const std::vector<std::string>& args) {
    auto parsed = parse_options(args);
    if (!parsed) {
        std::cerr << parsed.error().str() << "\n" << usage();
        return 1;
    }
    const Options& o = parsed.value();
    if (!o.lang.empty() && !parse_lang(o.lang)) {
        std::cerr << "kiosk: error: unknown language '" << o.lang << "' (zh-HK, zh-Hans, en)\n";
        return 1;
    }
    if (o.command == "help") {
        std::cout << usage();
        return 0;
    }
    if (o.command == "layout") return text::run_layout_command(o.rest, std::cout, std::cerr);
    if (o.command == "validate") return run_validate(o);
    if (o.command == "render") return run_render(o);
    if (o.command == "keygen" || o.command == "bundle" || o.command == "import" ||
        o.command == "status")
        return run_update_command(o);
    if (o.command.empty()) return run_window(o);
    std::cerr << "kiosk: error: unknown command '" << o.command << "'\n" << usage();
    return 1;
}

}  // namespace kiosk::app
