#include "app/cli.h"

#include <cstdlib>
#include <iostream>
#include <sstream>

#include "app/runtime.h"
#include "app/stats_glue.h"
#include "base/log.h"
#include "content/loader.h"
#include "fleet/commands.h"
#include "layout/house_style.h"
#include "layout/pages.h"
#include "update/commands.h"

namespace kiosk::app {
namespace {

namespace fs = std::filesystem;

fs::path builtin_content_dir() {
    std::istringstream dirs(KIOSK_CONTENT_DIRS);
    std::string d;
    while (std::getline(dirs, d, ':')) {
        if (!d.empty() && fs::exists(fs::path(d) / "event.yaml"))
            return d;
    }
    return {};
}

std::unique_ptr<text::FontStack> fonts_or_warn() {
    auto fonts = text::FontStack::load();
    if (fonts)
        return std::move(fonts.value());
    std::cerr << fonts.error().str() << " (font checks skipped)\n";
    return nullptr;
}

int run_validate(const Options& o) {
    const fs::path dir = o.rest.empty() ? choose_content(o, settings(o)).dir : fs::path(o.rest[0]);
    auto fonts = fonts_or_warn();
    const Diagnostics d = content_validator(fonts.get())(dir);
    std::cout << d.str();
    std::cerr << dir.string() << ": " << d.error_count() << " error(s), " << d.warning_count()
              << " warning(s)\n";
    return d.has_errors() ? 1 : 0;
}

// keygen, bundle, import, status: the update module's commands.
int run_update_command(const Options& o) {
    if (o.command == "keygen")
        return update::run_keygen(o.rest, std::cout, std::cerr);
    if (o.command == "status")
        return update::run_status(o.rest, std::cout, std::cerr);
    auto fonts = fonts_or_warn();
    const auto validate = content_validator(fonts.get());
    if (o.command == "bundle")
        return update::run_bundle(o.rest, std::cout, std::cerr, validate);
    return update::run_import(o.rest, std::cout, std::cerr, validate);
}

}  // namespace

KioskConfig settings(const Options& o) {
    Diagnostics diags;
    KioskConfig c;
    if (o.config)
        c = load_config(*o.config, diags);
    else if (fs::exists(kDefaultConfigPath))
        c = load_config(kDefaultConfigPath, diags);
    std::cerr << diags.str();
    if (o.given.count("--data"))
        c.data_dir = o.data_dir;
    if (o.given.count("--pubkey"))
        c.pubkey = o.pubkey;
    if (o.given.count("--usb-root"))
        c.usb_root = o.usb_root;
    if (o.given.count("--size"))
        c.width = o.width, c.height = o.height;
    if (o.given.count("--rotation"))
        c.rotation = o.rotation;
    if (auto l = parse_lang(o.lang))
        c.default_lang = *l;
    return c;
}

ContentChoice choose_content(const Options& o, const KioskConfig& c) {
    std::optional<fs::path> given;
    if (o.content_dir)
        given = *o.content_dir;
    return app::choose_content(given, c.data_dir, builtin_content_dir());
}

std::optional<Runtime> load_runtime(const Options& o, const KioskConfig& c) {
    Runtime rt;
    auto fonts = text::FontStack::load();
    if (!fonts) {
        std::cerr << fonts.error().str() << "\n";
        return std::nullopt;
    }
    rt.fonts = std::move(fonts.value());
    ContentChoice chosen = choose_content(o, c);
    std::cerr << chosen.diagnostics.str();
    if (chosen.dir.empty()) {
        std::cerr << "kiosk: error: no content found (use --content DIR)\n";
        return std::nullopt;
    }
    if (!chosen.bundle) {
        std::cerr << "kiosk: error: the content in " << chosen.dir.string()
                  << " cannot be shown (see above)\n";
        return std::nullopt;
    }
    rt.bundle = std::move(chosen.bundle);
    rt.content_dir = chosen.dir;
    rt.version = chosen.version;
    rt.updatable = !o.content_dir && fs::is_directory(c.data_dir);
    if (rt.updatable)  // a device: each picture is scaled once per size, not once per visit
        rt.pictures =
            render::ScaledPictures::open(fs::path(c.data_dir) / render::kScaledPicturesDir);
    return rt;
}

AppConfig app_config(const KioskConfig& c, int width, int height) {
    AppConfig cfg;
    cfg.screen.width = width;
    cfg.screen.height = height;
    cfg.screen.dpi = c.dpi;
    cfg.default_lang = c.default_lang;
    cfg.idle_timeout_ms = Millis{c.idle_timeout_s} * 1000;
    cfg.attract = c.attract;
    cfg.attract_delay_ms = Millis{c.attract_delay_s} * 1000;
    cfg.attract_slide_ms = Millis{c.attract_slide_s} * 1000;
    cfg.attract_fade_ms = c.attract_fade_ms;
    cfg.staff_pin = c.staff_pin;
    return cfg;
}

// Exit status 2: the command line itself is wrong (as getopt-style tools do).
int run_cli(const std::vector<std::string>& args) {
    auto parsed = parse_options(args);
    if (!parsed) {
        const bool named = !args.empty() && !args[0].empty() && args[0][0] != '-';
        std::cerr << parsed.error().str() << "\n" << usage(named ? args[0] : "");
        return 2;
    }
    const Options& o = parsed.value();
    if (o.help) {
        std::cout << usage(o.command);
        return 0;
    }
    if (!o.lang.empty() && !parse_lang(o.lang)) {
        std::cerr << "kiosk: error: unknown language '" << o.lang << "' (zh-HK, zh-Hans, en)\n";
        return 2;
    }
    if (o.command == "layout")
        return layout::run_layout_command(o.rest, std::cout, std::cerr);
    if (o.command == "validate")
        return run_validate(o);
    if (o.command == "render")
        return run_render(o);
    if (o.command == "keygen" || o.command == "bundle" || o.command == "import" ||
        o.command == "status")
        return run_update_command(o);
    if (o.command == "stats")
        return run_stats(o);
    if (o.command == "fleet") {
        // Only installing needs the content checker (and so the fonts).
        const bool installs = !o.rest.empty() && (o.rest[0] == "install" || o.rest[0] == "poll");
        auto fonts = installs ? fonts_or_warn() : nullptr;
        return fleet::run_fleet(
            o.rest, std::cout, std::cerr,
            installs ? content_validator(fonts.get()) : update::ContentValidator{});
    }
    return run_window(o);  // the parser let only known commands through
}

}  // namespace kiosk::app
