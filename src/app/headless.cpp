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
#include "app/staff_host.h"
#include "app/stats_glue.h"
#include "input/rotation.h"
#include "layout/page_id.h"
#include "render/sdl_handles.h"

namespace kiosk::app {
namespace {

namespace fs = std::filesystem;

// A physical panel in memory: w×h pixels, the picture turned by `degrees`.
class Canvas {
  public:
    Canvas(int w, int h, int degrees, text::FontStack& fonts)
        : w_(w),
          h_(h),
          surface_(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888)),
          sdl_(surface_ ? SDL_CreateSoftwareRenderer(surface_.get()) : nullptr),
          renderer_(sdl_ ? std::make_unique<render::Renderer>(sdl_.get(), fonts) : nullptr),
          output_(sdl_ ? std::make_unique<render::Output>(sdl_.get(), w, h, degrees) : nullptr) {}

    bool ok() const { return renderer_ != nullptr; }
    int logical_w() const { return output_->logical_w(); }
    int logical_h() const { return output_->logical_h(); }
    int degrees() const { return output_->degrees(); }
    bool shoot(App& app, const std::string& path) {
        draw_frame(*renderer_, *output_, app.frame());
        if (render::save_png(sdl_.get(), w_, h_, path))
            return true;
        std::cerr << "kiosk: error: cannot write " << path << "\n";
        return false;
    }

  private:
    int w_, h_;
    render::SurfacePtr surface_;
    render::RendererPtr sdl_;
    std::unique_ptr<render::Renderer> renderer_;
    std::unique_ptr<render::Output> output_;
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

std::unique_ptr<StatsGlue> replay_stats(const Options& o, const KioskConfig& kc) {
    const auto start = o.clock ? stats::parse_local(*o.clock) : stats::local_now();
    if (!start) {
        std::cerr << "kiosk render: --clock wants YYYY-MM-DDTHH:MM[:SS]\n";
        return nullptr;
    }
    auto glue = StatsGlue::open(kc.data_dir,
                                [start](Millis now) { return stats::LocalTime{start->ms + now}; });
    if (!glue)
        std::cerr << "kiosk render: cannot record statistics in " << kc.data_dir << "\n";
    return glue;
}

stats::Summary visitors(const StatsGlue* glue, const KioskConfig& kc, bool all_days) {
    if (glue)
        return glue->summary(all_days);
    const auto db = std::filesystem::path(kc.data_dir) / stats::kDbName;
    auto day = stats::local_now().day();
    if (auto d = stats::open_db(db, true); d && !all_days)
        day = stats::newest_day(d.value().get());  // a preview of a copied database
    return stats::summarize_file(db, all_days ? "" : day);
}

int render_one(const Options& o, const KioskConfig& kc, Runtime& rt, int w, int h) {
    auto page = layout::parse_page(*rt.bundle, o.page);
    if (!page) {
        std::cerr << "kiosk: error: no page '" << o.page << "'\n";
        return 1;
    }
    std::vector<ReplayCommand> events;
    if (o.events) {
        auto e = read_events(*o.events);
        if (!e)
            return 1;
        events = std::move(*e);
    }
    Canvas canvas(w, h, kc.rotation, *rt.fonts);
    if (!canvas.ok()) {
        std::cerr << "kiosk: error: cannot create the software renderer: " << SDL_GetError()
                  << "\n";
        return 1;
    }
    const AppConfig cfg = app_config(kc, canvas.logical_w(), canvas.logical_h());
    App app(rt.bundle, *rt.fonts, cfg);
    app.show(*page, cfg.default_lang, o.large_text);
    // --data with --events: the replayed visit is recorded like the device's, on the virtual clock.
    std::unique_ptr<StatsGlue> statistics;
    if (o.events && o.given.count("--data") && !(statistics = replay_stats(o, kc)))
        return 1;
    StaffHooks staff_hooks;  // previews of the staff menu; nothing to rotate or restart
    staff_hooks.visitors = [&](bool all) { return visitors(statistics.get(), kc, all); };
    DeviceStaffHost staff(kc.data_dir, {}, staff_hooks);
    app.set_staff(&staff, kc.staff_pin);
    Millis clock = 0;
    bool ok = true;
    ReplayHooks hooks;
    // Replayed touches arrive in panel coordinates, like a real touchscreen's.
    hooks.map_pointer = [&](input::PointerEvent e) {
        std::tie(e.x, e.y) = input::to_logical(e.x, e.y, w, h, canvas.degrees());
        if (statistics)
            statistics->pointer(e);
        return e;
    };
    hooks.key = [&] {
        if (statistics)
            statistics->key();
    };
    hooks.present = [&](Millis now) {
        if (statistics)
            statistics->observe(app, now);
    };
    hooks.shot = [&](const std::string& path) { ok = canvas.shoot(app, path) && ok; };
    run_replay(app, events, clock, hooks);
    if (!o.out.empty())
        ok = canvas.shoot(app, o.out) && ok;
    return ok ? 0 : 1;
}

// Every page in every language, plus a contact sheet, for staff to preview a bundle.
int render_all(const Options& o, const KioskConfig& kc, Runtime& rt, int w, int h) {
    const fs::path out = o.out.empty() ? fs::path("preview") : fs::path(o.out);
    fs::create_directories(out);
    std::vector<std::string> pages{"home", "about"};
    for (const auto& a : rt.bundle->areas)
        pages.push_back(a.id);
    Canvas canvas(w, h, kc.rotation, *rt.fonts);
    if (!canvas.ok())
        return 1;
    std::ofstream html(out / "index.html");
    html << "<!doctype html><meta charset=utf-8><title>Kiosk preview</title>"
            "<style>body{font-family:sans-serif;background:#eee}figure{display:inline-block;"
            "margin:8px}img{width:360px;border:1px solid #999}</style>\n";
    bool ok = true;
    for (Lang lang : kAllLangs) {
        html << "<h2>" << lang_tag(lang) << "</h2>\n";
        for (const auto& id : pages) {
            App app(rt.bundle, *rt.fonts, app_config(kc, canvas.logical_w(), canvas.logical_h()));
            app.show(*layout::parse_page(*rt.bundle, id), lang, o.large_text);
            const std::string file = id + "." + std::string(lang_tag(lang)) + ".png";
            ok = canvas.shoot(app, (out / file).string()) && ok;
            html << "<figure><a href=\"" << file << "\"><img src=\"" << file
                 << "\"></a><figcaption>" << id << "</figcaption></figure>\n";
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
    const KioskConfig kc = settings(o);
    auto rt = load_runtime(o, kc);
    if (!rt)
        return 1;
    const int w = kc.width ? kc.width : 1920, h = kc.height ? kc.height : 1080;
    return o.all ? render_all(o, kc, *rt, w, h) : render_one(o, kc, *rt, w, h);
}

}  // namespace kiosk::app
