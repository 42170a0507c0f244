// The kiosk on a real screen: KMSDRM on the device, X11/Wayland on a desktop.
// The loop sleeps in SDL_WaitEventTimeout until input arrives or the next
// deadline (idle timeout); it draws only when the app says the picture changed,
// so a static page costs zero frames.
#include <chrono>
#include <iostream>

#include "app/frame_draw.h"
#include "app/runtime.h"
#include "app/service_notify.h"
#include "app/staff_host.h"
#include "app/stats_glue.h"
#include "app/updater.h"
#include "input/rotation.h"
#include "render/sdl_handles.h"

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

// Monotonic microseconds, for --trace lines that outside tools can line up.
int64_t monotonic_us() {
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

std::string fill_in(std::string text, const std::string& key, const std::string& value) {
    if (auto at = text.find(key); at != std::string::npos)
        text.replace(at, key.size(), value);
    return text;
}

// Staff see what the stick did, in the visitor's current language.
void show_update(App& app, const UpdateEvent& ev, Millis now) {
    constexpr Millis kResultMs = 8000;
    const content::Bundle& b = app.bundle();
    const Lang lang = app.session().lang();
    switch (ev.kind) {
        case UpdateEvent::Kind::Progress:
            app.notify(b.ui("update_in_progress", lang), static_cast<float>(ev.fraction),
                       now + 60'000);
            break;
        case UpdateEvent::Kind::Installed:
            app.set_bundle(ev.bundle);
            app.notify(fill_in(app.bundle().ui("update_done", lang), "{version}",
                               std::to_string(ev.version)),
                       -1, now + kResultMs);
            break;
        case UpdateEvent::Kind::Refused:
            app.notify(fill_in(b.ui("update_refused", lang), "{reason}", ev.reason), -1,
                       now + kResultMs * 2);
            break;
    }
}

render::RendererPtr make_renderer(SDL_Window* window) {
    // SDL_RENDER_DRIVER (e.g. opengles2 on the device) picks the driver; asking
    // for ACCELERATED would override a request for "software".
    const char* driver = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
    const Uint32 flags = driver && *driver ? SDL_RENDERER_PRESENTVSYNC
                                           : SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC;
    render::RendererPtr r(SDL_CreateRenderer(window, -1, flags));
    if (!r)
        r.reset(SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE));
    return r;
}

}  // namespace

int run_window(const Options& o) {
    ServiceNotifier service;  // first: start-up itself must feed the watchdog on a slow board
    const KioskConfig kc = settings(o);
    auto rt = load_runtime(o, kc);
    if (!rt)
        return 1;
    service.alive();
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");  // fingers arrive once, as fingers
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SdlSession sdl;
    if (!sdl.ok) {
        std::cerr
            << "kiosk: error: no display available (" << SDL_GetError()
            << ").\nTo see the kiosk without a screen: kiosk render --page home --out home.png\n";
        return 1;
    }
    const int ww = kc.width ? kc.width : 1280, wh = kc.height ? kc.height : 720;
    const Uint32 flags = o.windowed ? SDL_WINDOW_RESIZABLE : SDL_WINDOW_FULLSCREEN_DESKTOP;
    render::WindowPtr window(SDL_CreateWindow("2023港澳•浙江周", SDL_WINDOWPOS_CENTERED,
                                              SDL_WINDOWPOS_CENTERED, ww, wh, flags));
    if (!window) {
        std::cerr << "kiosk: error: cannot open a window: " << SDL_GetError() << "\n";
        return 1;
    }
    if (!o.windowed)
        SDL_ShowCursor(SDL_DISABLE);
    render::RendererPtr sdl_renderer = make_renderer(window.get());
    if (!sdl_renderer) {
        std::cerr << "kiosk: error: cannot create a renderer: " << SDL_GetError() << "\n";
        return 1;
    }
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(sdl_renderer.get(), &w, &h);
    render::Renderer renderer(sdl_renderer.get(), *rt->fonts);
    auto output = std::make_unique<render::Output>(sdl_renderer.get(), w, h, kc.rotation);
    App app(rt->bundle, *rt->fonts, app_config(kc, output->logical_w(), output->logical_h()));
    app.show(layout::PageId::home(), app.session().lang());

    UpdaterOptions uo;
    uo.data_dir = kc.data_dir;
    uo.public_key = kc.pubkey;
    uo.usb_root = kc.usb_root;
    uo.validate = content_validator(rt->fonts.get());
    std::optional<Updater> updater;
    std::unique_ptr<StatsGlue> statistics;  // visitor statistics, on a device with a data directory
    if (!o.content_dir && std::filesystem::is_directory(kc.data_dir)) {
        statistics = StatsGlue::open(kc.data_dir, [](Millis) { return stats::local_now(); });
        if (statistics)
            uo.on_stick = [&](const std::filesystem::path& p) {
                statistics->export_to(p, app.bundle());
            };
        updater.emplace(uo);
    }

    bool running = true;
    int rotation = kc.rotation;
    StaffHooks hooks;
    hooks.restart = [&running] { running = false; };  // systemd's Restart=always brings it back
    hooks.show = [&app](std::shared_ptr<const content::Bundle> b) { app.set_bundle(std::move(b)); };
    hooks.rotate = [&] {
        rotation = (rotation + 90) % 360;
        output = std::make_unique<render::Output>(sdl_renderer.get(), w, h, rotation);
        app.resize(app_config(kc, output->logical_w(), output->logical_h()).screen);
        return "Screen turned to " + std::to_string(rotation) +
               "° until restart (set screen.rotation in /etc/kiosk/kiosk.yaml to keep it)";
    };
    hooks.downgrade_pending = [&updater] { return updater && updater->downgrade_pending(); };
    hooks.accept_downgrade = [&updater] {
        if (updater)
            updater->accept_downgrade();
    };
    hooks.visitors = [&statistics](bool all) {
        return statistics ? statistics->summary(all) : stats::Summary{};
    };
    DeviceStaffHost staff_host(kc.data_dir, "/sys/class/backlight", hooks);
    app.set_staff(&staff_host, kc.staff_pin);

    service.alive();
    int frames_presented = 0;
    while (running) {
        service.alive();
        Millis now = SDL_GetTicks64();
        int timeout = -1;
        if (app.animating() || app.dirty())
            timeout = 0;  // a pending picture is drawn without waiting for input
        else if (Millis d = app.next_deadline(); d >= 0)
            timeout = static_cast<int>(std::max<Millis>(0, d - now));
        if (service.max_sleep_ms() >= 0 && (timeout < 0 || timeout > service.max_sleep_ms()))
            timeout = service.max_sleep_ms();  // wake to feed the watchdog, without drawing
        if (updater) {
            // Look for sticks once a second (a wake-up, not a redraw); follow an import closely.
            const int poll_ms = updater->busy() ? 50 : 1000;
            if (timeout < 0 || timeout > poll_ms)
                timeout = poll_ms;
        }
        SDL_Event e;
        bool got = timeout < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, timeout);
        while (got) {
            now = SDL_GetTicks64();
            if (e.type == SDL_QUIT)
                running = false;
            else if (auto p = pointer_event(e, w, h, now)) {
                std::tie(p->x, p->y) = input::to_logical(p->x, p->y, w, h, output->degrees());
                if (statistics)
                    statistics->pointer(*p);
                app.pointer(*p);
            } else if (e.type == SDL_KEYDOWN) {
                if (statistics)
                    statistics->key();
                app.key(SDL_GetKeyName(e.key.keysym.sym), now);
            } else if (e.type == SDL_WINDOWEVENT &&
                       e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                SDL_GetRendererOutputSize(sdl_renderer.get(), &w, &h);
                output = std::make_unique<render::Output>(sdl_renderer.get(), w, h, rotation);
                app.resize(app_config(kc, output->logical_w(), output->logical_h()).screen);
            } else if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_EXPOSED) {
                app.invalidate();
            } else if (e.type == SDL_RENDER_TARGETS_RESET || e.type == SDL_RENDER_DEVICE_RESET) {
                app.invalidate();
            }
            got = SDL_PollEvent(&e);
        }
        if (updater) {
            if (auto ev = updater->poll())
                show_update(app, *ev, SDL_GetTicks64());
        }
        if (app.tick(SDL_GetTicks64())) {
            if (statistics)
                statistics->observe(app, SDL_GetTicks64());
            const Frame frame = app.frame();
            draw_frame(renderer, *output, frame);
            renderer.present();
            service.ready();
            // Some KMS drivers (virtio-gpu here) show nothing until the second page
            // flip: present the first picture twice so it is really on the glass.
            if (++frames_presented == 1)
                app.invalidate();
            if (o.trace)
                std::cerr << "frame " << monotonic_us() << " " << cause_name(frame.cause) << "\n";
        }
    }
    return 0;
}

}  // namespace kiosk::app
