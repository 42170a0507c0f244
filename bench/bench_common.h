// Shared by the benchmark programs: load the real fonts and bundled content,
// draw App frames with SDL's software renderer into a 1920×1080 surface, and
// read the process's memory from /proc.
#pragma once

#include <SDL.h>

#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "app/app.h"
#include "app/frame_draw.h"
#include "content/loader.h"
#include "layout/page_id.h"
#include "render/renderer.h"
#include "render/sdl_handles.h"
#include "text/text.h"

namespace kiosk::bench {

using Clock = std::chrono::steady_clock;

inline double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

inline std::string content_dir() {
    if (const char* d = std::getenv("KIOSK_BENCH_CONTENT"))
        return d;
    return std::string(KIOSK_SOURCE_DIR) + "/content";
}

inline std::unique_ptr<text::FontStack> load_fonts() {
    auto f = text::FontStack::load();
    if (!f) {
        std::cerr << f.error().str() << "\n";
        std::exit(1);
    }
    return std::move(f.value());
}

inline std::shared_ptr<const content::Bundle> load_content(const std::string& dir = content_dir()) {
    content::LoadResult r = content::load_bundle(dir);
    if (!r.bundle) {
        std::cerr << r.diagnostics.str() << "bench: cannot load " << dir << "\n";
        std::exit(1);
    }
    return std::make_shared<const content::Bundle>(std::move(*r.bundle));
}

// All pages of a bundle: home, about, every area.
inline std::vector<layout::PageId> all_pages(const content::Bundle& b) {
    std::vector<layout::PageId> v{layout::PageId::home(), layout::PageId::about()};
    for (size_t i = 0; i < b.areas.size(); ++i)
        v.push_back(layout::PageId::area_at(static_cast<int>(i)));
    return v;
}

// The software renderer drawing into memory, as `kiosk render` does.
class Canvas {
  public:
    Canvas(int w, int h, text::FontStack& fonts)
        : surface_(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888)),
          sdl_(surface_ ? SDL_CreateSoftwareRenderer(surface_.get()) : nullptr),
          renderer_(sdl_ ? std::make_unique<render::Renderer>(sdl_.get(), fonts) : nullptr) {
        if (!renderer_) {
            std::cerr << "bench: no software renderer: " << SDL_GetError() << "\n";
            std::exit(1);
        }
        renderer_->set_screen_surface(surface_.get());  // as the window loop does
    }
    void draw(const app::Frame& f) {
        app::draw_frame(*renderer_, f);
        renderer_->present();
    }
    // As the window loop does before a frame: hands the page to the painter (when
    // on), then waits for it, as if it always finished within a vsync. The
    // worker's time is not counted: it is not the UI thread's.
    void prepare(app::App& app) {
        const auto [page, background] = app.upcoming();
        renderer_->prefetch(page, background);
        if (auto* painter = renderer_->painter())
            painter->wait_idle();
        renderer_->prefetcher().wait_idle();
    }
    SDL_Surface* surface() { return surface_.get(); }
    render::Renderer& renderer() { return *renderer_; }

  private:
    render::SurfacePtr surface_;
    render::RendererPtr sdl_;
    std::unique_ptr<render::Renderer> renderer_;
};

// Resident set size now, from /proc/self/statm (KiB).
inline long rss_kib() {
    long size = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &size, &resident) != 2)
            resident = 0;
        std::fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// Peak RSS (VmHWM) from /proc/self/status (KiB).
inline long peak_rss_kib() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::strtol(line.c_str() + 6, nullptr, 10);
    return 0;
}

// Resident anonymous and file-backed KiB (RssAnon, RssFile) from /proc/self/status.
inline std::pair<long, long> rss_parts_kib() {
    std::ifstream in("/proc/self/status");
    std::string line;
    long anon = 0, file = 0;
    while (std::getline(in, line)) {
        if (line.rfind("RssAnon:", 0) == 0)
            anon = std::strtol(line.c_str() + 8, nullptr, 10);
        else if (line.rfind("RssFile:", 0) == 0)
            file = std::strtol(line.c_str() + 8, nullptr, 10);
    }
    return {anon, file};
}

// Screen point at the centre of hit target i of dl (scroll 0).
inline std::pair<float, float> target_point(const layout::DisplayList& dl, size_t i,
                                            float scroll = 0) {
    const auto& t = dl.targets[i];
    float x = t.rect.x + t.rect.w / 2, y = t.rect.y + t.rect.h / 2;
    if (t.layer != layout::Layer::Chrome) {
        x += dl.viewport.x;
        y += dl.viewport.y - scroll;
    }
    return {x, y};
}

}  // namespace kiosk::bench
