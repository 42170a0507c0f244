#include "render/picture_warmer.h"

#include <malloc.h>
#include <pthread.h>
#include <sched.h>

#include <chrono>
#include <set>
#include <tuple>

#include "base/log.h"
#include "layout/pages.h"
#include "render/layers.h"
#include "render/picture_store.h"
#include "render/worker_stop.h"

namespace kiosk::render {

std::vector<PictureRequest> visitor_pictures(const content::Bundle& bundle, text::FontStack& fonts,
                                             layout::Screen screen) {
    std::vector<layout::PageId> pages = {layout::PageId::home(), layout::PageId::about()};
    for (size_t i = 0; i < bundle.areas.size(); ++i)
        pages.push_back(layout::PageId::area_at(static_cast<int>(i)));
    std::set<std::tuple<std::string, int, int>> seen;
    std::vector<PictureRequest> out;
    for (const bool large : {false, true}) {
        screen.large_text = large;
        for (const Lang lang : kAllLangs) {
            for (const auto& page : pages) {
                const auto dl = layout::build_page({bundle, fonts, lang, screen}, page);
                for (auto& r : picture_requests(dl))
                    if (r.w > 0 && r.h > 0 && seen.emplace(r.path, r.w, r.h).second)
                        out.push_back(std::move(r));
            }
        }
    }
    return out;
}

PictureWarmer::~PictureWarmer() {
    stop_worker(m_, cv_, stop_, worker_);
}

void PictureWarmer::warm(std::shared_ptr<const content::Bundle> bundle,
                         const layout::Screen& screen) {
    if (!bundle || !store_)
        return;
    {
        std::lock_guard lock(m_);
        if (last_ && last_->bundle == bundle && last_->screen == screen)
            return;
        queued_ = Job{std::move(bundle), screen};
        last_ = queued_;
        if (!worker_.joinable())
            worker_ = std::thread([this] { run(); });
    }
    cv_.notify_one();
}

void PictureWarmer::wait_idle() {
    std::unique_lock lock(m_);
    idle_cv_.wait(lock, [this] { return !queued_ && !busy_; });
}

std::optional<PictureWarmer::Report> PictureWarmer::last_report() {
    std::lock_guard lock(m_);
    return report_;
}

bool PictureWarmer::superseded() {
    std::lock_guard lock(m_);
    return stop_ || queued_.has_value();
}

void PictureWarmer::run() {
    // Only CPU time no other thread wants: frames and the painter come first.
    sched_param idle{};
    pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle);
    std::unique_lock lock(m_);
    while (true) {
        cv_.wait(lock, [this] { return stop_ || queued_; });
        if (stop_)
            return;
        Job job = std::move(*queued_);
        queued_.reset();
        busy_ = true;
        lock.unlock();
        std::optional<Report> done = work(job);
        job.bundle.reset();  // an older bundle may die here: the UI no longer holds it
        lock.lock();
        busy_ = false;
        if (done)
            report_ = done;
        idle_cv_.notify_all();
    }
}

std::optional<PictureWarmer::Report> PictureWarmer::work(const Job& job) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<PictureRequest> wanted;
    {
        auto fonts = text::FontStack::load_sharing(ui_fonts_);
        if (!fonts) {
            log_error("picture warmer: " + fonts.error().str());
            return std::nullopt;
        }
        wanted = visitor_pictures(*job.bundle, *fonts.value(), job.screen);
    }  // the fonts and the layouts are freed before any picture is decoded
    malloc_trim(0);
    Report report;
    report.pictures = wanted.size();
    for (const auto& r : wanted) {
        if (superseded())
            return std::nullopt;
        auto kept = store_->keep(r.path, r.w, r.h);
        if (!kept)
            ++report.failed;
        else if (kept.value())
            ++report.scaled;
    }
    malloc_trim(0);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
            .count();
    log_info("pictures for " + std::to_string(job.screen.width) + "x" +
             std::to_string(job.screen.height) + ": " + std::to_string(report.pictures) +
             " sizes, " + std::to_string(report.scaled) + " scaled now, " +
             std::to_string(report.failed) + " unreadable (" + std::to_string(ms) + " ms)");
    return report;
}

}  // namespace kiosk::render
