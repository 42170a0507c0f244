#include "app/cli.h"

#include <cstdlib>
#include <iostream>
#include <sstream>

#include "app/runtime.h"
#include "base/log.h"
#include "content/loader.h"
#include "content/validate.h"
#include "layout/pages.h"
#include "text/layout_command.h"

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

int run_validate(const Options& o) {
    const fs::path dir = o.rest.empty() ? resolve_content_dir(o) : fs::path(o.rest[0]);
    auto fonts = text::FontStack::load();
    content::ValidateOptions opt;
    if (fonts) {
        text::FontStack& f = *fonts.value();
        opt.covers = [&f](char32_t cp, Lang lang) { return f.covers(cp, lang); };
        opt.title_fits = [&f](const std::string& t, Lang lang) {
            return layout::title_fits_tile(f, t, lang);
        };
    } else {
        std::cerr << fonts.error().str() << " (font checks skipped)\n";
    }
    const Diagnostics d = content::validate_content(dir, opt);
    std::cout << d.str();
    std::cerr << dir.string() << ": " << d.error_count() << " error(s), " << d.warning_count()
              << " warning(s)\n";
    return d.has_errors() ? 1 : 0;
}

}  // namespace

fs::path resolve_content_dir(const Options& o) {
    if (o.content_dir) return *o.content_dir;
    const fs::path active = fs::path(o.data_dir) / "current" / "content";
    if (fs::exists(active / "event.yaml")) return active;
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
    rt.content_dir = resolve_content_dir(o);
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
    if (o.command.empty()) return run_window(o);
    std::cerr << "kiosk: error: unknown command '" << o.command << "'\n" << usage();
    return 1;
}

}  // namespace kiosk::app
