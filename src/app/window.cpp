// The kiosk on a real screen: KMSDRM on the device, X11/Wayland on a desktop.
// Set-up once, then one loop: sleep in SDL_WaitEventTimeout until input, a
// ContentService event (pushed as an SDL user event from its worker) or the
// time wait_ms() computes; feed App; carry out its effects; draw only when App
// says the picture changed, so a still screen costs zero frames and the UI
// thread does not wake once a second for the USB stick (the worker watches it).
#include <chrono>
#include <ctime>
#include <iostream>

#include "app/frame_draw.h"
#include "app/frame_trace.h"
#include "app/host.h"
#include "app/isolated_importer.h"
#include "app/runtime.h"
#include "app/service_notify.h"
#include "app/stats_glue.h"
#include "app/validator.h"
#include "fleet/status.h"
#include "input/rotation.h"
#include "render/picture_batch.h"
#include "render/picture_warmer.h"
#include "render/sdl_handles.h"
#include "stats/publish.h"

namespace kiosk::app {
namespace {

struct SdlSession {
    bool ok = SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0;
    ~SdlSession() { SDL_Quit(); }
};

std::optional<input::PointerEvent> pointer_event(const SDL_Event& e, int w, int h, Millis now) {
    using T = input::PointerEvent::Type;
    const auto fx = [w](float x) { return x * static_cast<float>(w); };
    const auto fy = [h](float y) { return y * static_cast<float>(h); };
    switch (e.type) {
        case SDL_FINGERDOWN:
            return input::PointerEvent{T::Down, fx(e.tfinger.x), fy(e.tfinger.y), now};
        case SDL_FINGERMOTION:
            return input::PointerEvent{T::Move, fx(e.tfinger.x), fy(e.tfinger.y), now};
        case SDL_FINGERUP:
            return input::PointerEvent{T::Up, fx(e.tfinger.x), fy(e.tfinger.y), now};
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT)
                break;
            return input::PointerEvent{T::Down, float(e.button.x), float(e.button.y), now};
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID || !(e.motion.state & SDL_BUTTON_LMASK))
                break;
            return input::PointerEvent{T::Move, float(e.motion.x), float(e.motion.y), now};
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT)
                break;
            return input::PointerEvent{T::Up, float(e.button.x), float(e.button.y), now};
        default:
            break;
    }
    return std::nullopt;
}

// The poller copies what StatsGlue publishes: one pair of names.
static_assert(std::string_view(fleet::kStatsFiles[0]) == stats::kPublishedCsv &&
              std::string_view(fleet::kStatsFiles[1]) == stats::kPublishedHtml);

// Fleet sync runs on the device only: where its data directory exists
// (a laptop's windowed preview has none and joins no fleet).
std::optional<FleetPaths> fleet_paths(const KioskConfig& kc) {
    std::error_code ec;
    if (!std::filesystem::is_directory(kc.data_dir, ec))
        return std::nullopt;
    FleetPaths p;
    p.data_dir = kc.data_dir;
    p.pubkey = kc.pubkey;
    p.stats_dir = std::filesystem::path(kc.data_dir) / stats::kPublishDir;  // StatsGlue publishes
    return p;
}

// Monotonic microseconds, for --trace lines that outside tools can line up.
int64_t monotonic_us() {
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

render::RendererPtr make_renderer(SDL_Window* window) {
    // SDL_RENDER_DRIVER (e.g. opengles2 on the device) picks the driver; asking
    // for ACCELERATED would override a request for "software".
    const char* driver = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
    // The software renderer draws into the window's surface; on X11 SDL would
    // present that surface through an OpenGL renderer (Mesa: ~100 MiB and over
    // a second to start under Xvfb) unless told to use X11's own (XShm) path.
    const char* video = SDL_GetCurrentVideoDriver();
    if (driver && SDL_strcasecmp(driver, "software") == 0 && video && SDL_strcmp(video, "x11") == 0)
        SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_DEFAULT);
    const Uint32 flags = driver && *driver ? SDL_RENDERER_PRESENTVSYNC
                                           : SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC;
    render::RendererPtr r(SDL_CreateRenderer(window, -1, flags));
    if (!r)
        r.reset(SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE));
    return r;
}

// Everything the loop owns, made once by set_up(); members are destroyed in
// reverse order, so the service's worker stops before SDL goes away.
struct Loop {
    Loop(const Options& opts, KioskConfig config, Runtime runtime, ServiceNotifier& notifier)
        : o(opts), kc(std::move(config)), rt(std::move(runtime)), service(notifier) {}

    const Options& o;
    KioskConfig kc;
    Runtime rt;
    ServiceNotifier& service;
    SdlSession sdl;
    render::WindowPtr window;
    render::RendererPtr sdl_renderer;
    int w = 0, h = 0, rotation = 0;
    std::unique_ptr<render::Renderer> renderer;
    std::unique_ptr<render::Output> output;
    std::unique_ptr<App> app;
    Uint32 content_event = 0;  // SDL user event: the ContentService has news
    std::optional<ContentService> content;
    std::unique_ptr<Host> host;
    std::unique_ptr<StatsGlue> statistics;          // visitor statistics, with a data directory
    std::unique_ptr<render::PictureWarmer> warmer;  // with a picture store: after the renderer
    bool running = true;
    int frames_presented = 0;
    bool software = false;  // SDL's software renderer: fades write into the window surface

    bool set_up();
    int wait_ms() const;
    void handle(const SDL_Event& e);
    void turn(int degrees);
    void carry_out_effects();
    void draw(int64_t cpu0);
    void warm_pictures();
};

bool Loop::set_up() {
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");  // fingers arrive once, as fingers
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (!sdl.ok) {
        std::cerr
            << "kiosk: error: no display available (" << SDL_GetError()
            << ").\nTo see the kiosk without a screen: kiosk render --page home --out home.png\n";
        return false;
    }
    const int ww = kc.width ? kc.width : 1280, wh = kc.height ? kc.height : 720;
    const Uint32 flags = o.windowed ? SDL_WINDOW_RESIZABLE : SDL_WINDOW_FULLSCREEN_DESKTOP;
    window.reset(SDL_CreateWindow("2023港澳•浙江周", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                  ww, wh, flags));
    if (!window) {
        std::cerr << "kiosk: error: cannot open a window: " << SDL_GetError() << "\n";
        return false;
    }
    if (!o.windowed)
        SDL_ShowCursor(SDL_DISABLE);
    sdl_renderer = make_renderer(window.get());
    if (!sdl_renderer) {
        std::cerr << "kiosk: error: cannot create a renderer: " << SDL_GetError() << "\n";
        return false;
    }
    SDL_GetRendererOutputSize(sdl_renderer.get(), &w, &h);
    renderer = std::make_unique<render::Renderer>(sdl_renderer.get(), *rt.fonts);
    SDL_RendererInfo info;
    software = SDL_GetRendererInfo(sdl_renderer.get(), &info) == 0 &&
               (info.flags & SDL_RENDERER_SOFTWARE) != 0;
    renderer->enable_painter();  // pages are drawn off the UI thread before transitions show them
    renderer->set_picture_store(rt.pictures);
    rotation = kc.rotation;
    output = std::make_unique<render::Output>(sdl_renderer.get(), w, h, rotation);
    app = std::make_unique<App>(rt.bundle, *rt.fonts,
                                app_config(kc, output->logical_w(), output->logical_h()));
    app->show(layout::PageId::home(), app->session().lang());
    const std::optional<FleetPaths> fleet = rt.updatable ? fleet_paths(kc) : std::nullopt;
    if (rt.updatable) {
        content_event = SDL_RegisterEvents(1);
        ContentServiceOptions so;
        so.data_dir = kc.data_dir;
        so.public_key = kc.pubkey;
        so.usb_root = kc.usb_root;
        // Stick imports run in a limited child process that validates with its
        // own fonts (issue 16's second wall). A peer's bundle (fleet) is checked
        // on the worker with a validator and fonts of its own, made per check.
        so.import = isolated_importer(kc.pubkey);
        so.make_validator = own_fonts_validator;
        so.fleet = fleet;
        so.wake = [type = content_event] {
            SDL_Event e{};
            e.type = type;
            SDL_PushEvent(&e);  // thread-safe: wakes SDL_WaitEventTimeout
        };
        content.emplace(so, rt.version);
        statistics = StatsGlue::open(kc.data_dir, [](Millis) { return stats::local_now(); });
    }
    StaffDevice device(kc.data_dir, paths::kBacklightRoot);
    if (fleet)
        device.set_fleet(*fleet);
    host = std::make_unique<Host>(content ? &*content : nullptr, std::move(device));
    if (rt.pictures)  // warms from the first frame on (draw): start-up comes first
        warmer = std::make_unique<render::PictureWarmer>(*rt.fonts, rt.pictures);
    return true;
}

// Every picture the content draws on this screen scaled into the store ahead
// of the first visit (render/picture_warmer.h); nothing when neither changed.
void Loop::warm_pictures() {
    if (warmer && frames_presented > 0)
        warmer->warm(app->bundle_snapshot(), app->base_screen());
}

// The one place the loop's sleep is decided: 0 while a picture is pending,
// else until App's next deadline, capped by the watchdog's interval.
int Loop::wait_ms() const {
    if (app->animating() || app->dirty())
        return 0;
    int timeout = -1;
    if (Millis d = app->next_deadline(); d >= 0)
        timeout = static_cast<int>(std::max<Millis>(0, d - static_cast<Millis>(SDL_GetTicks64())));
    const int watchdog = service.max_sleep_ms();
    if (watchdog >= 0 && (timeout < 0 || timeout > watchdog))
        timeout = watchdog;  // wake to feed the watchdog, without drawing
    // Wake for the hourly statistics publish too (the loop calls publish_if_due), without drawing.
    constexpr int kPublishCheckMs = 60'000;
    if (statistics && (timeout < 0 || timeout > kPublishCheckMs))
        timeout = kPublishCheckMs;
    return timeout;
}

void Loop::turn(int degrees) {
    rotation = degrees;
    output = std::make_unique<render::Output>(sdl_renderer.get(), w, h, rotation);
    app->resize(app_config(kc, output->logical_w(), output->logical_h()).screen);
    warm_pictures();
}

void Loop::handle(const SDL_Event& e) {
    const Millis now = SDL_GetTicks64();
    if (e.type == SDL_QUIT) {
        running = false;
    } else if (auto p = pointer_event(e, w, h, now)) {
        std::tie(p->x, p->y) = input::to_logical(p->x, p->y, w, h, output->degrees());
        if (statistics)
            statistics->pointer(*p);
        app->pointer(*p);
    } else if (e.type == SDL_KEYDOWN) {
        if (statistics)
            statistics->key();
        app->key(SDL_GetKeyName(e.key.keysym.sym), now);
    } else if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
        SDL_GetRendererOutputSize(sdl_renderer.get(), &w, &h);
        turn(rotation);
    } else if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_EXPOSED) {
        app->invalidate();
    } else if (e.type == SDL_RENDER_TARGETS_RESET || e.type == SDL_RENDER_DEVICE_RESET) {
        renderer->layers().clear();  // the retained page textures lost their pixels
        app->invalidate();
    } else if (content && e.type == content_event) {
        while (auto ev = content->poll()) {
            if (ev->kind == ContentEvent::Kind::StickInserted && statistics)
                statistics->export_to(ev->stick, app->bundle());  // on its writer thread
            host->apply(*app, *ev, SDL_GetTicks64());
        }
        warm_pictures();  // new content (installed or rolled back)
    }
}

void Loop::carry_out_effects() {
    for (const auto& fx : app->take_effects()) {
        if (host->run(*app, fx))
            continue;
        if (fx.kind == Effect::Kind::Restart) {
            running = false;  // systemd's Restart=always brings it back
        } else if (fx.kind == Effect::Kind::ShowVisitors) {
            app->set_staff_visitors(statistics ? statistics->summary(fx.value != 0)
                                               : stats::Summary{});
        } else if (fx.kind == Effect::Kind::Rotate) {
            turn((rotation + 90) % 360);
            app->staff_message("Screen turned to " + std::to_string(rotation) +
                               "° until restart (set screen.rotation in " + paths::kConfigFile +
                               " to keep it)");
        }
    }
}

void Loop::draw(int64_t cpu0) {
    if (statistics)
        statistics->observe(*app, SDL_GetTicks64());
    if (software)  // the surface SDL's software renderer draws into (SDL re-makes it on resize)
        renderer->set_screen_surface(SDL_GetWindowSurface(window.get()));
    // A page just tapped is painted on the worker while the transition starts.
    prepare_frame(*app, *renderer);
    const auto [upcoming, background] = app->upcoming();
    const Frame frame = app->frame();
    if (frames_presented == 0)  // start-up: every core, the screen is still black
        prepare_pictures(*renderer, frame, render::picture_threads());
    draw_frame(*renderer, *output, frame);
    renderer->present();
    renderer->prefetch(upcoming, background);  // the first frame told it the screen size
    if (!app->animating() && !app->dirty())
        rt.fonts->release_pages();  // the screen is still: the font files' pages leave the RSS
    service.ready();
    // Some KMS drivers (virtio-gpu here) show nothing until the second page
    // flip: present the first picture twice so it is really on the glass.
    if (++frames_presented == 1) {
        app->invalidate();
        warm_pictures();
    }
    if (o.trace)
        trace_frame(std::cerr, monotonic_us(), frame.cause, thread_cpu_us() - cpu0);
}

}  // namespace

int run_window(const Options& o) {
    ServiceNotifier service;  // first: start-up itself must feed the watchdog on a slow board
    const KioskConfig kc = settings(o);
    auto rt = load_runtime(o, kc);
    if (!rt)
        return 1;
    service.alive();
    Loop loop(o, kc, std::move(*rt), service);
    if (!loop.set_up())
        return 1;
    service.alive();
    while (loop.running) {
        service.alive();
        const int timeout = loop.wait_ms();
        SDL_Event e;
        bool got = timeout < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, timeout);
        const int64_t cpu0 = thread_cpu_us();
        for (; got; got = SDL_PollEvent(&e))
            loop.handle(e);
        loop.carry_out_effects();
        if (loop.statistics)  // at start-up, then hourly; written on the stats writer thread
            loop.statistics->publish_if_due(loop.app->bundle(), std::time(nullptr));
        if (loop.app->tick(SDL_GetTicks64()))
            loop.draw(cpu0);
    }
    return 0;
}

}  // namespace kiosk::app
