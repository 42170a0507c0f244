// Pages painted on a worker thread before the frame that shows them.
//
// Drawing a page's tiles and snapshot the first time costs 50–80 M
// instructions (glyph rasterising, per-glyph blits, picture decoding): a
// 35–55 ms stall on a Pi core if the UI thread did it mid-transition. The UI
// thread asks for a page as soon as it is known (at the tap, before the first
// frame of the transition); the worker draws it at scroll 0 with its own fonts
// and its own software renderer, exactly as Layers would, and hands back the
// pixels. The UI thread only uploads them (Layers::begin_frame).
//
// Threads share only this object's job and result, under its mutex. The worker
// owns its FontStack (loaded on its first job, reading the UI stack's mapped
// font files: FontStack::load_sharing) and
// builds a fresh software renderer, glyph atlas and picture cache for each job,
// freeing them when the job is done, so it holds no pixels between jobs.
//
// Memory: one page is painted at a time, and at most one finished page waits
// to be taken (a newer one replaces it). At 1920×1080 a page is a 7.9 MiB
// snapshot plus the ~1.9 MiB tiles its viewport shows at scroll 0. The
// snapshot is drawn straight into the vector handed over (the worker renderer's
// surface), so the worker never holds a second copy of it.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "layout/display_list.h"
#include "text/text.h"

namespace kiosk::render {

class ScaledPictures;

// One retained layer of a page: w×h XRGB8888 pixels, rows packed.
struct PaintedLayer {
    bool snapshot = false;  // the whole screen at scroll 0; else a content tile
    int index = 0;          // tile: its rows are [index × Layers::kTileHeight, +kTileHeight)
    int w = 0, h = 0;
    std::vector<uint32_t> px;
};

struct PaintedPage {
    std::weak_ptr<const layout::DisplayList> page;  // the UI drops the pixels if it is gone
    layout::Rgba background;
    std::vector<PaintedLayer> layers;
};

class PagePainter {
  public:
    // `ui_fonts` must outlive the painter; the worker only loads its own stack from it.
    explicit PagePainter(const text::FontStack& ui_fonts) : ui_fonts_(ui_fonts) {}
    ~PagePainter();
    PagePainter(const PagePainter&) = delete;
    PagePainter& operator=(const PagePainter&) = delete;

    // Paints `page` over `bg` on a w×h screen, unless it is already queued,
    // being painted or waiting. Replaces a queued job not yet started (the
    // newest page matters most). Starts the worker on first use.
    void want(std::shared_ptr<const layout::DisplayList> page, layout::Rgba bg, int w, int h);
    // True while `page` is queued or being painted.
    bool busy_with(const layout::DisplayList* page);
    // The finished page, if any.
    std::optional<PaintedPage> take();
    // Blocks until nothing is queued or being painted (tests, benchmarks, replays).
    void wait_idle();
    // Where the worker's pictures come from scaled (render/picture_store.h); may be null.
    void set_store(std::shared_ptr<const ScaledPictures> store);

  private:
    struct Job {
        std::shared_ptr<const layout::DisplayList> page;
        layout::Rgba bg;
        int w = 0, h = 0;
        std::shared_ptr<const ScaledPictures> store;
    };
    void run();
    // Worker only: draws the job with a renderer of its own.
    PaintedPage paint(const Job& job);

    const text::FontStack& ui_fonts_;
    std::unique_ptr<text::FontStack> fonts_;  // the worker's; loaded by the worker

    std::mutex m_;
    std::condition_variable cv_, idle_cv_;
    std::shared_ptr<const ScaledPictures> store_;
    std::optional<Job> queued_;
    const layout::DisplayList* painting_ = nullptr;  // identity only, never dereferenced
    std::optional<PaintedPage> done_;
    const layout::DisplayList* done_raw_ = nullptr;
    bool stop_ = false;
    std::thread worker_;
};

}  // namespace kiosk::render
