// `kiosk render`: exactly what the screen would show, drawn by SDL's software
// renderer into memory and written as PNG. Needs no display and no GPU, and is
// deterministic, so golden tests and staff previews can rely on it.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/frame_draw.h"
#include "app/replay.h"
#include "app/runtime.h"
#include "layout/page_id.h"
#include "render/sdl_handles.h"

namespace kiosk::app {
namespace {

namespace fs = std::filesystem;

class Canvas {
public:
    Canvas(int w, int h, text::FontStack& fonts)
        : w_(w), h_(h),
          surface_(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888)),
          sdl_(surface_ ? SDL_CreateSoftwareRenderer(surface_.get()) : nullptr),
          renderer_(sdl_ ? std::make_unique<render::Renderer>(sdl_.get(), fonts) : nullptr) {}

    bool ok() const { return renderer_ != nullptr; }
    bool shoot(App& app, const std::string& path) {
        draw_frame(*renderer_, app.frame());
        if (render::save_png(sdl_.get(), w_, h_, path)) return true;
        std::cerr << "kiosk: error: cannot write " << path << "\n";
        return false;
    }

private:
    int w_, h_;
    render::SurfacePtr surface_;
    render::RendererPtr sdl_;
    std::unique_ptr<render::Renderer> renderer_;
};

std::optional<std::vector<ReplayCommand>> read_events(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        std::cerr << path << ": error: cannot read the events file\n";
        return std::nullopt;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    auto cmds = parse_replay(ss.str(), path);
    if (!cmds) {
        std::cerr << cmds.error().str() << "\n";
        return std::nullopt;
    }
    return cmds.value();
}

int render_one(const Options& o, Runtime& rt, int w, int h) {
    auto page = layout::parse_page(*rt.bundle, o.page);
    if (!page) {
        std::cerr << "kiosk: error: no page '" << o.page << "'\n";
        return 1;
    }
    std::vector<ReplayCommand> events;
    if (o.events) {
        auto e = read_events(*o.events);
        if (!e) return 1;
        events = std::move(*e);
    }
    const AppConfig cfg = app_config(o, w, h);
    App app(rt.bundle, *rt.fonts, cfg);
    app.show(*page, cfg.default_lang, o.large_text);
    Canvas canvas(w, h, *rt.fonts);
    if (!canvas.ok()) {
        std::cerr << "kiosk: error: cannot create the software renderer: " << SDL_GetError() << "\n";
        return 1;
    }
    Millis clock = 0;
    bool ok = true;
    ReplayHooks hooks;
    hooks.shot = [&](const std::string& path) { ok = canvas.shoot(app, path) && ok; };
    run_replay(app, events, clock, hooks);
    if (!o.out.empty()) ok = canvas.shoot(app, o.out) && ok;
    return ok ? 0 : 1;
}

// Every page in every language, plus a contact sheet, for staff to preview a bundle.
int render_all(const Options& o, Runtime& rt, int w, int h) {
    const fs::path out = o.out.empty() ? fs::path("preview") : fs::path(o.out);
    fs::create_directories(out);
    std::vector<std::string> pages{"home", "about"};
    for (const auto& a : rt.bundle->areas) pages.push_back(a.id);
    Canvas canvas(w, h, *rt.fonts);
    if (!canvas.ok()) return 1;
    std::ofstream html(out / "index.html");
    html << "<!doctype html><meta charset=utf-8><title>Kiosk preview</title>"
            "<style>body{font-family:sans-serif;background:#eee}figure{display:inline-block;"
            "margin:8px}img{width:360px;border:1px solid #999}</style>\n";
    bool ok = true;
    for (Lang lang : kAllLangs) {
        html << "<h2>" << lang_tag(lang) << "</h2>\n";
        for (const auto& id : pages) {
            App app(rt.bundle, *rt.fonts, app_config(o, w, h));
            app.show(*layout::parse_page(*rt.bundle, id), lang, o.large_text);
            const std::string file = id + "." + std::string(lang_tag(lang)) + ".png";
            ok = canvas.shoot(app, (out / file).string()) && ok;
            html << "<figure><a href=\"" << file << "\"><img src=\"" << file << "\"></a><figcaption>"
                 << id << "</figcaption></figure>\n";
        }
    }
    std::cout << "wrote " << pages.size() * kAllLangs.size() << " pages to " << out.string()
              << "/index.html\n";
    return ok ? 0 : 1;
}

}  // namespace

int run_render(const Options& o) {
    if (!o.all && o.out.empty()) {
        std::cerr << "kiosk render: --out FILE.png is required\n";
        return 1;
    }
    auto rt = load_runtime(o);
    if (!rt) return 1;
    const int w = o.width ? o.width : 1920, h = o.height ? o.height : 1080;
    return o.all ? render_all(o, *rt, w, h) : render_one(o, *rt, w, h);
}

}  // namespace kiosk::app
