#include "render/painter.h"

#include <SDL.h>
#include <malloc.h>

#include "base/log.h"
#include "render/renderer.h"
#include "render/sdl_handles.h"
#include "render/worker_stop.h"

namespace kiosk::render {

PagePainter::~PagePainter() {
    stop_worker(m_, cv_, stop_, worker_);
}

void PagePainter::want(std::shared_ptr<const layout::DisplayList> page, layout::Rgba bg, int w,
                       int h) {
    if (!page || w <= 0 || h <= 0)
        return;
    {
        std::lock_guard lock(m_);
        const layout::DisplayList* raw = page.get();
        if (painting_ == raw || done_raw_ == raw || (queued_ && queued_->page == page))
            return;
        queued_ = Job{std::move(page), bg, w, h, store_};
        if (!worker_.joinable())
            worker_ = std::thread([this] { run(); });
    }
    cv_.notify_one();
}

bool PagePainter::busy_with(const layout::DisplayList* page) {
    std::lock_guard lock(m_);
    return painting_ == page || (queued_ && queued_->page.get() == page);
}

std::optional<PaintedPage> PagePainter::take() {
    std::lock_guard lock(m_);
    std::optional<PaintedPage> out = std::move(done_);
    done_.reset();
    done_raw_ = nullptr;
    return out;
}

void PagePainter::set_store(std::shared_ptr<const ScaledPictures> store) {
    std::lock_guard lock(m_);
    store_ = std::move(store);
}

void PagePainter::wait_idle() {
    std::unique_lock lock(m_);
    idle_cv_.wait(lock, [this] { return !queued_ && !painting_; });
}

void PagePainter::run() {
    std::unique_lock lock(m_);
    while (true) {
        cv_.wait(lock, [this] { return stop_ || queued_; });
        if (stop_)
            return;
        Job job = std::move(*queued_);
        queued_.reset();
        painting_ = job.page.get();
        lock.unlock();
        PaintedPage painted = paint(job);
        const layout::DisplayList* raw = job.page.get();
        job.page.reset();  // the page may die here: the UI no longer holds it
        lock.lock();
        painting_ = nullptr;
        if (!painted.layers.empty()) {
            done_ = std::move(painted);  // an older page not taken yet is dropped
            done_raw_ = raw;
        }
        idle_cv_.notify_all();
    }
}

PaintedPage PagePainter::paint(const Job& job) {
    PaintedPage out{job.page, job.bg, {}};
    if (!fonts_) {
        auto fonts = text::FontStack::load_sharing(ui_fonts_);
        if (!fonts) {
            log_error("painter: " + fonts.error().str() + " (pages are drawn on the UI thread)");
            return out;
        }
        fonts_ = std::move(fonts.value());
    }
    // The snapshot is drawn onto the renderer's own surface, whose pixels are the
    // vector handed over: no snapshot texture, no read-back copy of it. Only the
    // tiles are textures (the snapshot is composed from them), read back one by one.
    std::vector<uint32_t> screen(static_cast<size_t>(job.w) * static_cast<size_t>(job.h));
    {
        SurfacePtr surface(SDL_CreateRGBSurfaceWithFormatFrom(screen.data(), job.w, job.h, 32,
                                                              job.w * 4, SDL_PIXELFORMAT_RGB888));
        RendererPtr sdl(surface ? SDL_CreateSoftwareRenderer(surface.get()) : nullptr);
        if (!sdl)
            return out;
        Renderer renderer(sdl.get(), *fonts_);  // draws synchronously: it has no painter
        renderer.set_picture_store(job.store);
        renderer.layers().compose(job.page, job.bg);
        SDL_RenderFlush(sdl.get());  // the software renderer batches: the pixels land here
        fonts_->release_pages();     // before the read-back: the peak is the pixels, not the fonts
        out.layers = renderer.layers().export_page(job.page, job.bg);
    }  // the renderer and surface let go of `screen` here
    out.layers.push_back({true, 0, job.w, job.h, std::move(screen)});
    malloc_trim(0);  // this thread's arena: its freed glyph and layout buffers go back
    return out;
}

}  // namespace kiosk::render
