// kiosk_bench: wall-clock figures for docs/performance.md, measured in-process
// on the real fonts and bundled content, drawing with SDL's software renderer
// into a 1920×1080 surface (what `kiosk render` uses). One run = one sample;
// bench/run.sh runs each mode several times and bench/report.py summarises.
//
//   kiosk_bench startup                 phases from main() to the first frame drawn
//   kiosk_bench tap                     tap -> next frame (wall) and -> new page (virtual)
//   kiosk_bench frames [--csv FILE]     ms per frame (UI thread, painter on): static,
//                                       scroll, slide, fade
//   kiosk_bench rss [VISITS]            RSS after every page x language x text size, then
//                                       VISITS random visits (10,000)
//   kiosk_bench layout-callgrind        build_page per page x language, between
//                                       callgrind client requests (run under valgrind)
//   kiosk_bench frames-callgrind        instructions per frame (scroll, slide, fade,
//                                       first visit), one callgrind dump per frame
//   kiosk_bench pictures-callgrind      instructions to prepare each picture: scaled
//                                       (first load) and read back from the store
//   kiosk_bench html DIR                an equivalent static Home page for Chromium
//
// Output: `key value` lines (ms, KiB, counts) that report.py parses.
#include <valgrind/callgrind.h>

#include <algorithm>
#include <filesystem>
#include <numeric>
#include <random>

#include "bench_common.h"
#include "layout/pages.h"
#include "render/picture_batch.h"
#include "render/picture_store.h"

namespace kiosk::bench {
namespace {

using app::App;
using app::AppConfig;
using input::Millis;
using input::PointerEvent;
namespace fs = std::filesystem;

constexpr int kW = 1920, kH = 1080;
constexpr Millis kFrameMs = 16;

AppConfig config() {
    AppConfig c;
    c.screen.width = kW;
    c.screen.height = kH;
    return c;
}

double median(std::vector<double> v) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

void print_series(const char* key, const std::vector<double>& v) {
    if (v.empty())
        return;
    std::printf("%s_median_ms %.3f\n%s_max_ms %.3f\n%s_mean_ms %.3f\n%s_frames %zu\n", key,
                median(v), key, *std::max_element(v.begin(), v.end()), key,
                std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size()), key,
                v.size());
}

// --- startup ---------------------------------------------------------------
int startup(Clock::time_point t0) {
    auto fonts = load_fonts();
    const double t_fonts = ms_since(t0);
    auto bundle = load_content();
    const double t_content = ms_since(t0);
    App app(bundle, *fonts, config());
    app.show(layout::PageId::home(), kDefaultLang);
    const double t_layout = ms_since(t0);
    Canvas canvas(kW, kH, *fonts);
    app.tick(0);
    const app::Frame first = app.frame();
    app::prepare_pictures(canvas.renderer(), first, render::picture_threads());  // as the window
    canvas.draw(first);
    const double t_draw = ms_since(t0);
    std::printf(
        "startup_fonts_ms %.3f\nstartup_content_ms %.3f\nstartup_layout_ms %.3f\n"
        "startup_first_frame_ms %.3f\n",
        t_fonts, t_content - t_fonts, t_layout - t_content, t_draw);
    return 0;
}

// --- tap -------------------------------------------------------------------
// For every Home tile: a fresh App and renderer (the page is not laid out and its
// glyphs are not in the atlas: the worst case), then again on the same App (warm).
// The painter is on, as in the window loop; the UI thread's time is measured
// (waiting for the worker, as if it finished within a vsync, is not counted).
int tap() {
    auto fonts = load_fonts();
    auto bundle = load_content();
    std::vector<double> cold_wall, warm_wall, virt_new_page, new_page_frame_cold,
        new_page_frame_warm;
    Millis now = 1000;  // one virtual clock for every App: it never runs backwards
    for (int pass = 0; pass < 2; ++pass) {
        std::unique_ptr<Canvas> canvas;
        std::unique_ptr<App> app;
        if (pass == 1) {
            // Warm: every area already laid out (App cache) and drawn (glyph atlas).
            app = std::make_unique<App>(bundle, *fonts, config());
            canvas = std::make_unique<Canvas>(kW, kH, *fonts);
            canvas->renderer().enable_painter();  // as the window loop does
            for (size_t i = 0; i < bundle->areas.size(); ++i) {
                app->show(layout::PageId::area_at(static_cast<int>(i)), kDefaultLang);
                now += kFrameMs;
                app->tick(now);
                canvas->prepare(*app);
                canvas->draw(app->frame());
            }
        }
        for (size_t i = 0; i < bundle->areas.size(); ++i) {
            if (pass == 0) {
                app = std::make_unique<App>(bundle, *fonts, config());
                canvas = std::make_unique<Canvas>(kW, kH, *fonts);
                canvas->renderer().enable_painter();
            }
            now += 1000;
            app->show(layout::PageId::home(), kDefaultLang);
            app->tick(now);
            canvas->draw(app->frame());
            auto home = app->page();
            size_t target = home->targets.size();
            for (size_t t = 0; t < home->targets.size(); ++t) {
                const auto& a = home->targets[t].action;
                if (a.kind == layout::Action::Kind::Open &&
                    a.page == layout::PageId::area_at(static_cast<int>(i)))
                    target = t;
            }
            if (target == home->targets.size())
                continue;
            auto [x, y] = target_point(*home, target);
            now += 500;
            app->pointer({PointerEvent::Type::Down, x, y, now});
            if (app->tick(now))
                canvas->draw(app->frame());  // the press highlight
            now += 80;
            const Millis tap_at = now;
            // The measured path: finger up -> gesture -> navigate (layout) -> frame drawn.
            const auto t0 = Clock::now();
            app->pointer({PointerEvent::Type::Up, x, y, now});
            app->tick(now);
            double first = ms_since(t0);
            canvas->prepare(*app);  // the worker paints the page: waited for, not counted
            const auto t1 = Clock::now();
            canvas->draw(app->frame());
            first += ms_since(t1);
            (pass == 0 ? cold_wall : warm_wall).push_back(first);
            // Virtual clock: 60 Hz frames until a frame shows the new page; that
            // frame's own cost (drawing the new page, rasterising its glyphs).
            double new_page_ms = -1;
            while (new_page_ms < 0) {
                now += kFrameMs;
                auto tf = Clock::now();
                if (!app->tick(now))
                    continue;
                const double ticked = ms_since(tf);
                canvas->prepare(*app);
                tf = Clock::now();
                const auto f = app->frame();
                canvas->draw(f);
                if (!f.layers.empty() && f.layers.back().page == app->page()) {
                    new_page_ms = ticked + ms_since(tf);
                    if (pass == 0)
                        virt_new_page.push_back(static_cast<double>(now - tap_at));
                }
            }
            (pass == 0 ? new_page_frame_cold : new_page_frame_warm).push_back(new_page_ms);
            if (std::getenv("BENCH_VERBOSE"))
                std::fprintf(stderr,
                             "tap pass %d area %zu: first frame %.2f ms, new-page frame %.2f ms, "
                             "atlas %d px, %zu glyphs\n",
                             pass, i, first, new_page_ms, canvas->renderer().atlas().side(),
                             canvas->renderer().atlas().glyph_count());
            while (app->animating()) {
                now += kFrameMs;
                if (app->tick(now))
                    canvas->draw(app->frame());
            }
        }
    }
    print_series("tap_cold_first_frame", cold_wall);
    print_series("tap_warm_first_frame", warm_wall);
    print_series("tap_cold_new_page_frame", new_page_frame_cold);
    print_series("tap_warm_new_page_frame", new_page_frame_warm);
    print_series("tap_virtual_to_new_page", virt_new_page);
    return 0;
}

// --- frames ----------------------------------------------------------------
struct Recorder {
    std::FILE* csv = nullptr;
    std::map<std::string, std::vector<double>> series;
    void add(const std::string& scenario, double ms) {
        auto& v = series[scenario];
        if (csv)
            std::fprintf(csv, "%s,%zu,%.4f\n", scenario.c_str(), v.size(), ms);
        v.push_back(ms);
    }
};

// tick + frame + draw at `now`, timed from t0; false when the app had nothing
// to draw. As the window loop does, the page a transition brings is handed to
// the painter before the frame; waiting for the worker is not counted (it is
// not the UI thread's time), uploading what it painted is.
bool step(App& app, Canvas& canvas, Millis now, Recorder& rec, const std::string& scenario,
          Clock::time_point t0) {
    if (!app.tick(now))
        return false;
    const double before = ms_since(t0);
    canvas.prepare(app);
    const auto t1 = Clock::now();
    canvas.draw(app.frame());
    rec.add(scenario, before + ms_since(t1));
    return true;
}

int frames(const char* csv_path) {
    auto fonts = load_fonts();
    auto bundle = load_content();
    Recorder rec;
    if (csv_path) {
        rec.csv = std::fopen(csv_path, "w");
        if (!rec.csv)
            return 1;
        std::fprintf(rec.csv, "scenario,frame,ms\n");
    }
    App app(bundle, *fonts, config());
    Canvas canvas(kW, kH, *fonts);
    canvas.renderer().enable_painter();  // as the window loop does
    // The area with the longest page scrolls furthest.
    int longest = 0;
    float longest_h = 0;
    for (size_t i = 0; i < bundle->areas.size(); ++i) {
        app.show(layout::PageId::area_at(static_cast<int>(i)), kDefaultLang);
        if (app.page()->content_height > longest_h)
            longest_h = app.page()->content_height, longest = static_cast<int>(i);
    }
    Millis now = 1000;

    // Static: redraw an unchanged area page (what an expose costs), warm atlas.
    for (Lang lang : kAllLangs) {
        app.show(layout::PageId::area_at(longest), lang);
        app.tick(now);
        canvas.draw(app.frame());
        for (int i = 0; i < 40; ++i) {
            now += kFrameMs;
            const auto t0 = Clock::now();
            app.invalidate();
            step(app, canvas, now, rec, "static", t0);
        }
        app.show(layout::PageId::home(), lang);
        app.tick(now);
        canvas.draw(app.frame());
        for (int i = 0; i < 40; ++i) {
            now += kFrameMs;
            const auto t0 = Clock::now();
            app.invalidate();
            step(app, canvas, now, rec, "static_home", t0);
        }
    }

    // Scrolling: a finger drags the longest page up 12 px per frame, then flings.
    for (Lang lang : kAllLangs) {
        app.show(layout::PageId::area_at(longest), lang);
        app.tick(now);
        canvas.draw(app.frame());
        float x = kW / 2.0f, y = kH * 0.8f;
        now += 100;
        app.pointer({PointerEvent::Type::Down, x, y, now});
        for (int i = 0; i < 50; ++i) {
            now += kFrameMs;
            y -= 12;
            const auto t0 = Clock::now();
            app.pointer({PointerEvent::Type::Move, x, y, now});
            step(app, canvas, now, rec, "scroll", t0);
        }
        now += kFrameMs;
        y -= 40;
        {
            const auto t0 = Clock::now();
            app.pointer({PointerEvent::Type::Up, x, y, now});
            step(app, canvas, now, rec, "scroll", t0);
        }
        for (int i = 0; i < 600 && app.animating(); ++i) {
            now += kFrameMs;
            step(app, canvas, now, rec, "scroll", Clock::now());
        }
    }

    // Slide: the Right key steps to the next area (two pages move); the first
    // frame of each includes laying out the next page the first time it is seen.
    for (int round = 0; round < 2; ++round) {
        for (Lang lang : kAllLangs) {
            app.show(layout::PageId::area_at(0), lang);
            app.tick(now);
            canvas.draw(app.frame());
            for (size_t i = 0; i < bundle->areas.size(); ++i) {
                now += 200;
                const auto t0 = Clock::now();
                app.key("Right", now);
                step(app, canvas, now, rec, round == 0 ? "slide_first_cold" : "slide_first_warm",
                     t0);
                while (app.animating()) {
                    now += kFrameMs;
                    step(app, canvas, now, rec, "slide", Clock::now());
                }
            }
        }
    }

    // Fade: Home key from an area page (the Home page fades in).
    for (Lang lang : kAllLangs) {
        for (size_t i = 0; i < bundle->areas.size(); ++i) {
            app.show(layout::PageId::area_at(static_cast<int>(i)), lang);
            app.tick(now);
            canvas.draw(app.frame());
            now += 200;
            const auto t0 = Clock::now();
            app.key("Home", now);
            step(app, canvas, now, rec, "fade", t0);
            while (app.animating()) {
                now += kFrameMs;
                step(app, canvas, now, rec, "fade", Clock::now());
            }
        }
    }
    if (rec.csv)
        std::fclose(rec.csv);
    for (const auto& [name, v] : rec.series)
        print_series(("frame_" + name).c_str(), v);
    std::printf("attract_loop absent\n");
    return 0;
}

// --- rss -------------------------------------------------------------------
// Where the resident memory is: anonymous vs file-backed, and each cache's bytes.
void print_memory(render::Renderer& r) {
    const auto [anon, file] = rss_parts_kib();
    std::printf(
        "rss_anon_kib %ld\nrss_file_kib %ld\nlayers_kib %zu\npictures_kib %zu\natlas_side_px "
        "%d\n",
        anon, file, r.layers().bytes() >> 10, r.images().bytes() >> 10, r.atlas().side());
    if (const char* path = std::getenv("BENCH_SMAPS")) {  // the mappings, for a closer look
        std::ifstream in("/proc/self/smaps");
        std::ofstream(path) << in.rdbuf();
    }
}

int rss(int visits) {
    const long at_start = rss_kib();
    auto fonts = load_fonts();
    auto bundle = load_content();
    const long loaded = rss_kib();
    App app(bundle, *fonts, config());
    Canvas canvas(kW, kH, *fonts);
    canvas.renderer().enable_painter();  // as the window loop does: its worker's memory counts
    const auto pages = all_pages(*bundle);
    Millis now = 0;
    // Each visit ends on a still screen, where the window loop releases the font pages.
    auto visit = [&](const layout::PageId& p, Lang lang, bool large) {
        app.show(p, lang, large);
        now += kFrameMs;
        app.tick(now);
        canvas.prepare(app);  // painted on the worker, uploaded by the frame
        canvas.draw(app.frame());
        fonts->release_pages();
    };
    for (bool large : {false, true}) {
        for (Lang lang : kAllLangs)
            for (const auto& p : pages)
                visit(p, lang, large);
    }
    std::printf(
        "rss_start_kib %ld\nrss_loaded_kib %ld\nrss_all_pages_kib %ld\npeak_rss_all_pages_kib "
        "%ld\n",
        at_start, loaded, rss_kib(), peak_rss_kib());
    print_memory(canvas.renderer());
    std::mt19937 rng(7);
    long at_1000 = 0;
    for (int i = 1; i <= visits; ++i) {
        visit(pages[rng() % pages.size()], kAllLangs[rng() % kAllLangs.size()], false);
        if (i % 1000 == 0) {
            std::printf("rss_visits_%d_kib %ld\n", i, rss_kib());
            if (i == 1000)
                at_1000 = rss_kib();
        }
    }
    std::printf("rss_growth_1000_to_%d_kib %ld\npeak_rss_after_%d_kib %ld\n", visits,
                rss_kib() - at_1000, visits, peak_rss_kib());
    print_memory(canvas.renderer());
    return 0;
}

// --- layout under callgrind ---------------------------------------------------
int layout_callgrind() {
    auto fonts = load_fonts();
    auto bundle = load_content();
    const auto pages = all_pages(*bundle);
    layout::Screen screen;
    screen.width = kW;
    screen.height = kH;
    for (Lang lang : kAllLangs) {
        layout::PageContext ctx{*bundle, *fonts, lang, screen};
        for (const auto& p : pages) {
            (void)layout::build_page(ctx, p);  // warm (glyph, halt caches) like the timing bench
            CALLGRIND_TOGGLE_COLLECT;
            auto dl = layout::build_page(ctx, p);
            CALLGRIND_TOGGLE_COLLECT;
            const std::string name =
                layout::page_name(*bundle, p) + "/" + std::string(lang_tag(lang));
            CALLGRIND_DUMP_STATS_AT(name.c_str());
            std::printf("laid out %s: %zu items\n", name.c_str(), dl.items.size());
        }
    }
    return 0;
}

// --- frames under callgrind ----------------------------------------------------
// One dump per drawn frame, named "<scenario>#<n>": bench.py reports the median
// and the worst of each scenario. Only tick + frame + draw are collected.
struct CgFrames {
    int n = 0;
    bool step(App& app, Canvas& canvas, Millis now, const char* scenario) {
        canvas.prepare(app);  // under valgrind the worker is ~50× slower than the virtual clock
        CALLGRIND_TOGGLE_COLLECT;
        const bool drew = app.tick(now);
        if (drew)
            canvas.draw(app.frame());
        CALLGRIND_TOGGLE_COLLECT;
        // As the window loop does. Under valgrind the worker runs ~50× slower than the
        // UI's virtual clock, so wait for it: this counts the UI thread's share only.
        canvas.prepare(app);
        if (drew) {
            const std::string name = std::string(scenario) + "#" + std::to_string(n++);
            CALLGRIND_DUMP_STATS_AT(name.c_str());
        } else {
            CALLGRIND_ZERO_STATS;
        }
        return drew;
    }
};

int frames_callgrind() {
    auto fonts = load_fonts();
    auto bundle = load_content();
    App app(bundle, *fonts, config());
    Canvas canvas(kW, kH, *fonts);
    canvas.renderer().enable_painter();  // as the window loop does
    CgFrames cg;
    Millis now = 1000;
    const auto show = [&](const layout::PageId& p) {
        app.show(p, kDefaultLang);
        app.tick(now);
        canvas.draw(app.frame());
    };
    // First visit: Home is warm; tap each of the first four tiles (pages never drawn before).
    show(layout::PageId::home());
    for (int area = 0; area < 4; ++area) {
        show(layout::PageId::home());
        now += 200;
        const auto dl = app.page();
        size_t target = 0;
        for (size_t t = 0, seen = 0; t < dl->targets.size(); ++t) {
            if (dl->targets[t].action.kind == layout::Action::Kind::Open &&
                seen++ == static_cast<size_t>(area)) {
                target = t;
                break;
            }
        }
        const auto [x, y] = target_point(*dl, target);
        app.pointer({PointerEvent::Type::Down, x, y, now});
        now += 60;
        app.pointer({PointerEvent::Type::Up, x, y, now});
        for (int i = 0; i < 60 && (app.animating() || app.dirty()); ++i) {
            cg.step(app, canvas, now, "first_visit");
            now += kFrameMs;
        }
    }
    // Scroll: drag the first area page up 12 px a frame (its tiles drawn once before).
    show(layout::PageId::area_at(0));
    float x = kW / 2.0f, y = kH * 0.8f;
    app.pointer({PointerEvent::Type::Down, x, y, now});
    for (int i = 0; i < 30; ++i) {
        now += kFrameMs;
        y -= 12;
        app.pointer({PointerEvent::Type::Move, x, y, now});
        cg.step(app, canvas, now, "scroll");
    }
    app.pointer({PointerEvent::Type::Up, x, y, now});
    // Slide and fade between pages seen before.
    for (int i = 0; i < 3; ++i) {
        show(layout::PageId::area_at(i));
        now += 200;
        app.key("Right", now);
        while (app.animating()) {
            now += kFrameMs;
            cg.step(app, canvas, now, "slide");
        }
        now += 200;
        app.key("Home", now);
        while (app.animating()) {
            now += kFrameMs;
            cg.step(app, canvas, now, "fade");
        }
    }
    std::printf("frames dumped: %d\n", cg.n);
    return 0;
}

// --- pictures under callgrind ------------------------------------------------
// What the worker spends preparing each picture the area pages show at
// 1920×1080: the first load (decode, scale, store: "scale#n") and every later
// one (read the stored entry: "stored#n"). The store lives in a fresh
// temporary directory, so the first load is always a miss.
int pictures_callgrind() {
    auto fonts = load_fonts();
    auto bundle = load_content();
    const fs::path dir =
        fs::temp_directory_path() / ("kiosk-bench-pictures-" + std::to_string(getpid()));
    fs::remove_all(dir);
    auto store = render::ScaledPictures::open(dir);
    if (!store)
        return 1;
    layout::Screen screen;
    screen.width = kW;
    screen.height = kH;
    layout::PageContext ctx{*bundle, *fonts, kDefaultLang, screen};
    std::vector<render::PictureRequest> wanted;
    for (const auto& p : all_pages(*bundle))
        for (auto& r : render::picture_requests(layout::build_page(ctx, p)))
            if (std::find(wanted.begin(), wanted.end(), r) == wanted.end())
                wanted.push_back(std::move(r));
    int n = 0;
    for (const char* pass : {"scale", "stored"}) {
        for (const auto& r : wanted) {
            CALLGRIND_TOGGLE_COLLECT;
            auto px = store->load(r.path, r.w, r.h);
            CALLGRIND_TOGGLE_COLLECT;
            const std::string name = std::string(pass) + "#" + std::to_string(n++);
            CALLGRIND_DUMP_STATS_AT(name.c_str());
            std::printf("%s %s %dx%d %s\n", pass, r.path.c_str(), r.w, r.h, px ? "ok" : "failed");
        }
    }
    fs::remove_all(dir);
    return 0;
}

// --- html for Chromium -----------------------------------------------------------
std::string esc(const std::string& s) {
    std::string o;
    for (char c : s) {
        if (c == '<')
            o += "&lt;";
        else if (c == '&')
            o += "&amp;";
        else if (c == '"')
            o += "&quot;";
        else
            o += c;
    }
    return o;
}

int html(const char* dir) {
    auto bundle = load_content();
    fs::create_directories(dir);
    std::ofstream out(fs::path(dir) / "home.html");
    const Lang l = kDefaultLang;
    char hex[8];
    out << "<!doctype html><html lang=zh-HK><meta charset=utf-8><title>kiosk "
           "home</title>\n<style>\n"
           "html,body{margin:0;width:1920px;height:1080px;overflow:hidden;background:#f7f5f0;"
           "font-family:'Noto Sans CJK HK','Noto Sans',sans-serif}\n"
           ".bar{height:96px;background:#1d3557;display:flex;gap:16px;align-items:center;padding:0 "
           "48px}\n"
           ".bar b{color:#fff;font-size:28px;padding:12px "
           "24px;border-radius:16px;background:#2b4a75}\n"
           "h1{margin:24px 48px 0;text-align:center;font-size:64px;color:#1d3557}\n"
           "p.sub{margin:4px 48px 16px;text-align:center;font-size:29px;color:#444}\n"
           ".grid{display:grid;grid-template-columns:repeat(4,1fr);gap:24px;margin:0 48px}\n"
           ".tile{height:200px;border-radius:20px;display:flex;flex-direction:column;align-items:"
           "center;"
           "justify-content:center;color:#fff;text-align:center}\n"
           ".tile img{height:90px;width:90px}\n.tile span{font-size:32px;font-weight:bold;"
           "line-height:1.3;padding:0 16px}\n</style>\n<body>\n<div class=bar>";
    for (const char* k : {"home", "about"})
        out << "<b>" << esc(bundle->ui(k, l)) << "</b>";
    out << "<b>繁</b><b>简</b><b>EN</b><b>A+</b></div>\n<h1>" << esc(bundle->event.title.get(l))
        << "</h1>\n<p class=sub>" << esc(bundle->event.subtitle.get(l))
        << "</p>\n<div class=grid>\n";
    for (const auto& a : bundle->areas) {
        std::snprintf(hex, sizeof hex, "#%02x%02x%02x", a.accent.r, a.accent.g, a.accent.b);
        out << "<div class=tile style=\"background:" << hex << "\"><img src=\"" << esc(a.icon)
            << "\"><span>" << esc(a.title.get(l)) << "</span></div>\n";
    }
    // Tells bench/chromium.py (an HTTP server) when the first frame was produced.
    out << "</div>\n<script>requestAnimationFrame(()=>requestAnimationFrame(()=>{"
           "if(location.protocol.startsWith('http'))fetch('/painted').catch(()=>{})}))</script>\n"
           "</body></html>\n";
    // The same icon files, next to the page (relative URLs work over file:// and http).
    fs::create_directories(fs::path(dir) / "icons");
    for (const auto& a : bundle->areas)
        fs::copy_file(bundle->dir / a.icon, fs::path(dir) / a.icon,
                      fs::copy_options::overwrite_existing);
    std::printf("wrote %s/home.html\n", dir);
    return 0;
}

}  // namespace
}  // namespace kiosk::bench

int main(int argc, char** argv) {
    const auto t0 = kiosk::bench::Clock::now();
    using namespace kiosk::bench;
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "startup")
        return startup(t0);
    if (mode == "tap")
        return tap();
    if (mode == "frames")
        return frames(argc > 3 && std::string(argv[2]) == "--csv" ? argv[3] : nullptr);
    if (mode == "rss")
        return rss(argc > 2 ? std::atoi(argv[2]) : 10000);
    if (mode == "layout-callgrind")
        return layout_callgrind();
    if (mode == "frames-callgrind")
        return frames_callgrind();
    if (mode == "pictures-callgrind")
        return pictures_callgrind();
    if (mode == "html" && argc > 2)
        return html(argv[2]);
    std::fprintf(stderr,
                 "usage: kiosk_bench startup|tap|frames [--csv "
                 "FILE]|rss [VISITS]|layout-callgrind|frames-callgrind|html "
                 "DIR\n");
    return 2;
}
