// `kiosk render`: exactly what the screen would show, drawn by SDL's software
// renderer into memory and written as PNG. Needs no display and no GPU, and is
// deterministic, so golden tests and staff previews can rely on it.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "app/frame_draw.h"
#include "app/frame_trace.h"
#include "app/host.h"
#include "app/replay.h"
#include "app/runtime.h"
#include "app/stats_glue.h"
#include "input/rotation.h"
#include "layout/page_id.h"
#include "render/picture_batch.h"
#include "render/sdl_handles.h"

namespace kiosk::app {
namespace {

namespace fs = std::filesystem;

// A physical panel in memory: w×h pixels, the picture turned by `degrees`.
class Canvas {
  public:
    Canvas(int w, int h, int degrees, text::FontStack& fonts,
           std::shared_ptr<const render::ScaledPictures> pictures)
        : w_(w),
          h_(h),
          surface_(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888)),
          sdl_(surface_ ? SDL_CreateSoftwareRenderer(surface_.get()) : nullptr),
          renderer_(sdl_ ? std::make_unique<render::Renderer>(sdl_.get(), fonts) : nullptr),
          output_(sdl_ ? std::make_unique<render::Output>(sdl_.get(), w, h, degrees) : nullptr) {
        if (!renderer_)
            return;
        renderer_->set_screen_surface(surface_.get());
        renderer_->set_picture_store(std::move(pictures));
    }

    bool ok() const { return renderer_ != nullptr; }
    int width() const { return w_; }
    int height() const { return h_; }
    int logical_w() const { return output_->logical_w(); }
    int logical_h() const { return output_->logical_h(); }
    int degrees() const { return output_->degrees(); }
    // Draws the frame the app wants now, like the window loop; returns its cause.
    Cause draw(App& app) {
        const Frame f = app.frame();
        draw_frame(*renderer_, *output_, f);
        return f.cause;
    }
    // Draws pages off the thread before transitions show them, as the window loop does.
    void enable_painter() { renderer_->enable_painter(); }
    // As the window loop does before and after each frame; then waits for the
    // worker, as if it always finished within a vsync, so replays are deterministic.
    void prefetch(App& app) {
        const auto [page, background] = app.upcoming();
        renderer_->prefetch(page, background);
        if (auto* painter = renderer_->painter())
            painter->wait_idle();
    }
    // `threads` > 1: the pictures not drawn yet are prepared on that many
    // threads first (a single shot, like the window's first frame).
    bool shoot(App& app, const std::string& path, int threads = 1) {
        const Frame f = app.frame();
        if (threads > 1)
            prepare_pictures(*renderer_, f, threads);
        draw_frame(*renderer_, *output_, f);
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

// One replayed frame's effects. A preview waits for the service's answer so
// that the same events always give the same pictures.
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

void preview_step(App& app, Host& host, ContentService* service, const StatsGlue* statistics,
                  const KioskConfig& kc, Millis now) {
    for (const auto& fx : app.take_effects()) {
        if (fx.kind == Effect::Kind::ShowVisitors) {
            app.set_staff_visitors(visitors(statistics, kc, fx.value != 0));
            continue;
        }
        if (!host.run(app, fx))
            app.staff_message("Not available in a preview");
        if (fx.kind == Effect::Kind::Rollback && service)
            if (auto ev = service->wait_result(10'000))
                host.apply(app, *ev, now);
    }
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
    Canvas canvas(w, h, kc.rotation, *rt.fonts, rt.pictures);
    if (!canvas.ok()) {
        std::cerr << "kiosk: error: cannot create the software renderer: " << SDL_GetError()
                  << "\n";
        return 1;
    }
    if (o.events)
        canvas.enable_painter();  // a replay exercises what the device does
    const AppConfig cfg = app_config(kc, canvas.logical_w(), canvas.logical_h());
    App app(rt.bundle, *rt.fonts, cfg);
    app.show(*page, cfg.default_lang, o.large_text);
    // Staff menu previews: rollback goes through a ContentService (no stick
    // watching); nothing to rotate, dim or restart.
    std::optional<ContentService> service;
    if (rt.updatable) {
        ContentServiceOptions so;
        so.data_dir = kc.data_dir;
        so.watch_usb = false;
        service.emplace(so, rt.version);
    }
    StaffDevice device(kc.data_dir, {});
    if (o.given.count("--data")) {
        // A data folder copied from a kiosk holds its fleet files at the device's places.
        FleetPaths fleet;
        fleet.data_dir = kc.data_dir;
        fleet.share_dir = std::filesystem::path(kc.data_dir) / "fleet-share";
        fleet.syncthing_home = std::filesystem::path(kc.data_dir) / ".syncthing";
        fleet.pubkey = kc.pubkey;
        device.set_fleet(fleet);
    }
    Host host(service ? &*service : nullptr, std::move(device));
    // --data with --events: the replayed visit is recorded like the device's, on the virtual clock.
    std::unique_ptr<StatsGlue> statistics;
    if (o.events && o.given.count("--data") && !(statistics = replay_stats(o, kc)))
        return 1;
    Millis clock = 0;
    bool ok = true;
    ReplayHooks hooks;
    hooks.step = [&](Millis now) {
        preview_step(app, host, service ? &*service : nullptr, statistics.get(), kc, now);
    };
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
    hooks.shot = [&](const std::string& path) { ok = canvas.shoot(app, path) && ok; };
    // Every frame the window loop would present on a 16 ms vsync, so a replay
    // exercises the same caches as the device.
    hooks.present = [&](Millis now) {
        if (statistics)
            statistics->observe(app, now);
        canvas.prefetch(app);  // before the clock starts: the worker's time is not the UI's
        const int64_t cpu0 = thread_cpu_us();
        const Cause cause = canvas.draw(app);
        canvas.prefetch(app);
        if (o.trace)
            trace_frame(std::cerr, now * 1000, cause, thread_cpu_us() - cpu0);
    };
    run_replay(app, events, clock, hooks);
    if (!o.out.empty())
        ok = canvas.shoot(app, o.out, render::picture_threads()) && ok;
    return ok ? 0 : 1;
}

struct Shot {
    std::string page;
    Lang lang;
    int w, h;
    std::string file;
};

// Draws shots[i] for every i taken from `next`, with its own fonts and canvases:
// FontStack and the renderer's caches are per thread; the bundle is immutable.
// Shots come grouped by size, so a thread makes a new canvas only when the size changes.
bool render_shots(const std::vector<Shot>& shots, std::atomic<size_t>& next, const Options& o,
                  const KioskConfig& kc, const Runtime& rt, text::FontStack& fonts,
                  const fs::path& out) {
    std::unique_ptr<Canvas> canvas;
    bool ok = true;
    for (size_t i = next++; i < shots.size(); i = next++) {
        const Shot& s = shots[i];
        if (!canvas || canvas->width() != s.w || canvas->height() != s.h) {
            canvas = std::make_unique<Canvas>(s.w, s.h, kc.rotation, fonts, rt.pictures);
            if (!canvas->ok())
                return false;
        }
        App app(rt.bundle, fonts, app_config(kc, canvas->logical_w(), canvas->logical_h()));
        app.show(*layout::parse_page(*rt.bundle, s.page), s.lang, o.large_text);
        ok = canvas->shoot(app, (out / s.file).string()) && ok;
    }
    return ok;
}

// Every page in every language at every --size given, plus one contact sheet,
// for staff to preview a bundle on each panel the venue has. Pages are shared
// out to one thread per core (at most 4: memory).
int render_all(const Options& o, const KioskConfig& kc, Runtime& rt, int w, int h) {
    const fs::path out = o.out.empty() ? fs::path("preview") : fs::path(o.out);
    fs::create_directories(out);
    std::vector<std::string> pages{"home", "about"};
    for (const auto& a : rt.bundle->areas)
        pages.push_back(a.id);
    std::vector<std::pair<int, int>> sizes = o.more_sizes;
    sizes.emplace_back(w, h);
    std::ofstream html(out / "index.html");
    html << "<!doctype html><meta charset=utf-8><title>Kiosk preview</title>"
            "<style>body{font-family:sans-serif;background:#eee}figure{display:inline-block;"
            "margin:8px}img{width:360px;border:1px solid #999}</style>\n";
    std::vector<Shot> shots;
    for (const auto& [sw, sh] : sizes) {
        const std::string prefix =
            sizes.size() > 1 ? std::to_string(sw) + "x" + std::to_string(sh) + "-" : "";
        for (Lang lang : kAllLangs) {
            html << "<h2>" << sw << "×" << sh << " " << lang_tag(lang) << "</h2>\n";
            for (const auto& id : pages) {
                const std::string file = prefix + id + "." + std::string(lang_tag(lang)) + ".png";
                shots.push_back({id, lang, sw, sh, file});
                html << "<figure><a href=\"" << file << "\"><img src=\"" << file
                     << "\"></a><figcaption>" << id << "</figcaption></figure>\n";
            }
        }
    }
    std::atomic<size_t> next{0};
    const unsigned helpers = std::clamp(std::thread::hardware_concurrency(), 1u, 4u) - 1;
    std::vector<std::thread> threads;
    std::vector<char> helper_ok(helpers, 0);
    for (unsigned t = 0; t < helpers; ++t) {
        threads.emplace_back([&, t] {
            auto fonts = text::FontStack::load(rt.fonts->paths());
            helper_ok[t] = fonts && render_shots(shots, next, o, kc, rt, *fonts.value(), out);
        });
    }
    bool ok = render_shots(shots, next, o, kc, rt, *rt.fonts, out);
    for (auto& t : threads)
        t.join();
    ok = ok && std::all_of(helper_ok.begin(), helper_ok.end(), [](char c) { return c != 0; });
    std::cout << "wrote " << shots.size() << " pages to " << out.string() << "/index.html\n";
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
