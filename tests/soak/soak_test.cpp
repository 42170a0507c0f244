// Soak: a monkey feeds 100,000 random taps, drags, swipes and keys to an App
// (real bundled content, real fonts) on a virtual clock, drawing every Nth
// frame with SDL's software renderer. Checks: no crash or sanitizer report,
// every page and language reached, RSS flat over the second half.
//
// KIOSK_SOAK_GESTURES overrides the count (e.g. 1000000 for an overnight run).
#include <SDL.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>

#include "app/app.h"
#include "app/frame_draw.h"
#include "content/loader.h"
#include "layout/page_id.h"
#include "render/renderer.h"
#include "render/sdl_handles.h"

#if defined(__SANITIZE_ADDRESS__)
#define KIOSK_SOAK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KIOSK_SOAK_ASAN 1
#endif
#endif

namespace kiosk::app {
namespace {

// ASan makes each gesture several times dearer; a quarter of the run still
// crosses every page many times and keeps `make test` within its timeout.
#ifdef KIOSK_SOAK_ASAN
constexpr int kDefaultGestures = 25'000;
#else
constexpr int kDefaultGestures = 100'000;
#endif

using input::Millis;
using input::PointerEvent;

long rss_kib() {
    long size = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &size, &resident) != 2)
            resident = 0;
        std::fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

class Monkey {
  public:
    Monkey(App& app, std::mt19937& rng, int w, int h) : app_(app), rng_(rng), w_(w), h_(h) {}

    Millis now = 1000;
    // Ticks like the window loop: every 16 ms while animating, else jump ahead.
    template <class Draw>
    void wait(Millis ms, Draw&& draw) {
        const Millis until = now + ms;
        while (now < until) {
            now = app_.animating() ? std::min(until, now + 16) : until;
            if (app_.tick(now))
                draw(app_.frame());
        }
    }
    float rx() { return std::uniform_real_distribution<float>(0, static_cast<float>(w_))(rng_); }
    float ry() { return std::uniform_real_distribution<float>(0, static_cast<float>(h_))(rng_); }
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

    template <class Draw>
    void gesture(Draw&& draw) {
        using T = PointerEvent::Type;
        const int kind = pick(100);
        if (kind < 45) {  // tap: on a hit target two times in three, else anywhere
            float x = rx(), y = ry();
            auto dl = app_.page();
            if (!dl->targets.empty() && pick(3) != 0) {
                const auto& t =
                    dl->targets[static_cast<size_t>(pick(static_cast<int>(dl->targets.size())))];
                x = t.rect.x + t.rect.w / 2;
                y = t.rect.y + t.rect.h / 2;
                if (t.layer == layout::Layer::Content) {
                    x += dl->viewport.x;
                    y += dl->viewport.y - app_.scroll();
                }
            }
            app_.pointer({T::Down, x, y, now});
            wait(20 + pick(150), draw);
            app_.pointer({T::Up, x, y, now});
        } else if (kind < 70) {  // vertical drag (scroll), sometimes flung
            float x = rx(), y = ry();
            const float dy = static_cast<float>(pick(900) - 450);
            const int steps = 2 + pick(20);
            app_.pointer({T::Down, x, y, now});
            for (int i = 0; i < steps; ++i) {
                wait(8 + pick(16), draw);
                y += dy / static_cast<float>(steps);
                app_.pointer({T::Move, x + static_cast<float>(pick(9) - 4), y, now});
            }
            app_.pointer({pick(20) == 0 ? T::Cancel : T::Up, x, y, now});
        } else if (kind < 85) {  // horizontal swipe
            float x = rx(), y = ry();
            const float dx = (pick(2) ? 1.f : -1.f) * static_cast<float>(100 + pick(900));
            app_.pointer({T::Down, x, y, now});
            for (int i = 0; i < 6; ++i) {
                wait(10, draw);
                app_.pointer({T::Move, x + dx * static_cast<float>(i + 1) / 6, y, now});
            }
            app_.pointer({T::Up, x + dx, y, now});
        } else if (kind < 97) {  // a key (keyboard attached for staff, or a remote)
            static const char* keys[] = {"Escape", "Backspace", "Home",     "Right",
                                         "Left",   "Down",      "PageDown", "Up",
                                         "PageUp", "AC Back",   "x",        ""};
            app_.key(keys[pick(static_cast<int>(std::size(keys)))], now);
        } else if (kind < 99) {  // pointer at a wild place (off screen, negative)
            app_.pointer({T::Down, rx() * 3 - static_cast<float>(w_), -ry(), now});
            app_.pointer({T::Up, 1e9f, -1e9f, now});
        } else {  // screen rotated/resized, or exposed
            if (pick(2))
                app_.invalidate();
            else
                app_.resize({pick(2) ? w_ : h_, pick(2) ? h_ : w_, 96, false});
        }
        // Mostly quick succession; sometimes long enough for the idle reset (90 s).
        const int p = pick(1000);
        wait(p < 990 ? 16 + pick(600) : 91'000, draw);
    }

  private:
    App& app_;
    std::mt19937& rng_;
    int w_, h_;
};

TEST(Soak, HundredThousandRandomGestures) {
    int gestures = kDefaultGestures;
    if (const char* n = std::getenv("KIOSK_SOAK_GESTURES"))
        gestures = std::atoi(n);
    const auto started = std::chrono::steady_clock::now();

    auto fonts = text::FontStack::load();
    ASSERT_TRUE(fonts) << fonts.error().str();
    content::LoadResult r = content::load_bundle(std::string(KIOSK_SOURCE_DIR) + "/content");
    ASSERT_TRUE(r.bundle) << r.diagnostics.str();
    auto bundle = std::make_shared<const content::Bundle>(std::move(*r.bundle));

    constexpr int kW = 1920, kH = 1080;
    AppConfig cfg;
    cfg.screen.width = kW;
    cfg.screen.height = kH;
    App app(bundle, *fonts.value(), cfg);

    render::SurfacePtr surface(
        SDL_CreateRGBSurfaceWithFormat(0, kW, kH, 32, SDL_PIXELFORMAT_ARGB8888));
    ASSERT_TRUE(surface);
    render::RendererPtr sdl(SDL_CreateSoftwareRenderer(surface.get()));
    ASSERT_TRUE(sdl) << SDL_GetError();
    render::Renderer renderer(sdl.get(), *fonts.value());

    // Drawing every frame would dominate the run time; every 997th frame still
    // covers transitions, scroll offsets and pressed states at random phases.
    long frames = 0, drawn = 0;
    auto draw = [&](const Frame& f) {
        if (++frames % 997 == 0) {
            draw_frame(renderer, f);
            ++drawn;
            if (!app.animating())
                fonts.value()->release_pages();  // as the window loop does on a still screen
        }
    };

    // Warm-up: every page x language x text size in both orientations, drawn, so
    // the bounded caches (glyph atlas, picture textures, laid-out pages) reach
    // their steady size before RSS is compared.
    for (int orientation = 0; orientation < 2; ++orientation) {
        app.resize({orientation ? kH : kW, orientation ? kW : kH, 96, false});
        std::vector<layout::PageId> all{layout::PageId::home(), layout::PageId::about()};
        for (size_t i = 0; i < bundle->areas.size(); ++i)
            all.push_back(layout::PageId::area_at(static_cast<int>(i)));
        for (bool large : {false, true})
            for (Lang lang : kAllLangs)
                for (const auto& p : all) {
                    app.show(p, lang, large);
                    app.tick(0);
                    draw_frame(renderer, app.frame());
                }
    }
    app.resize({kW, kH, 96, false});
    app.show(layout::PageId::home(), kDefaultLang);

    std::mt19937 rng(20231001);
    Monkey monkey(app, rng, kW, kH);
    std::set<std::pair<int, int>> pages;
    std::set<int> langs;
    long rss_half = 0, peak_first = 0, peak_second = 0;
    for (int i = 0; i < gestures; ++i) {
        // RSS swings by tens of MiB as the glyph atlas and picture cache evict and
        // refill, so compare the peaks of the two halves (sampled every 1%), not two points.
        if (gestures >= 100 && i % (gestures / 100) == 0) {
            const long now_kib = rss_kib();
            long& peak = i < gestures / 2 ? peak_first : peak_second;
            peak = std::max(peak, now_kib);
            if (i % (gestures / 10) == 0)
                std::printf("[ soak     ] %3d%%: RSS %ld KiB\n", i * 100 / gestures, now_kib);
        }
        if (i == gestures / 2)
            rss_half = rss_kib();
        monkey.gesture(draw);
        const auto& p = app.session().page();
        pages.insert({static_cast<int>(p.kind), p.area});
        langs.insert(static_cast<int>(app.session().lang()));
    }
    const long rss_end = rss_kib();
    peak_second = std::max(peak_second, rss_end);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf(
        "[ soak     ] %d gestures, %ld frames (%ld drawn), %.0f virtual minutes, %zu pages, "
        "RSS %ld -> %ld KiB over the second half (peaks %ld / %ld KiB), %.1f s\n",
        gestures, frames, drawn, static_cast<double>(monkey.now) / 60000.0, pages.size(), rss_half,
        rss_end, peak_first, peak_second, secs);

    EXPECT_EQ(pages.size(), bundle->areas.size() + 2) << "home, about and every area";
    EXPECT_EQ(langs.size(), kAllLangs.size());
#ifndef KIOSK_SOAK_ASAN
    // Caches are bounded (glyph atlas, image cache, one DisplayList per page x
    // language x size): after the warm-up, the second half's peak stays within
    // 16 MiB of the first's (one atlas/picture refill; a leak of >300 B per gesture fails).
    EXPECT_LT(peak_second - peak_first, 16384)
        << "peak RSS grew from " << peak_first << " to " << peak_second << " KiB";
#endif
}

}  // namespace
}  // namespace kiosk::app
