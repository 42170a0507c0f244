// Pictures scaled for this screen before any visitor asks for them.
//
// After content is installed (and at start, for whatever the store lacks), a
// worker lays out every visitor page — Home, About and each area, in the three
// languages at both text sizes — and puts each picture it draws, at the size
// it draws it, into the ScaledPictures store. The first visit of a page after
// an update then reads its pictures back (~3 ms on a Pi core) instead of
// waiting ~0.3 s a photo for them to be decoded and resampled.
//
// The worker runs at SCHED_IDLE: it only takes CPU time nothing else wants, so
// it never slows a frame or the painter. It loads its own FontStack (sharing
// the UI's mapped font files) for each job and frees it after, so it holds no
// memory between jobs. Threads share only the job slot and the report, under
// the mutex; the bundle is an immutable snapshot.
//
// The attract loop's slides are not warmed: they are screen-sized (not kept,
// StoreLimits::max_entry_bytes) and each is prepared while the one before shows.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "content/model.h"
#include "layout/metrics.h"
#include "render/prefetch.h"
#include "text/text.h"

namespace kiosk::render {

class ScaledPictures;

// Every picture the visitor pages of `bundle` draw on `screen` (both text
// sizes, all languages), each size once. Lays out 3 × 2 × (2 + areas) pages:
// at most 156, the loader bounds areas (base/limits.h kMaxAreas).
std::vector<PictureRequest> visitor_pictures(const content::Bundle& bundle, text::FontStack& fonts,
                                             layout::Screen screen);

class PictureWarmer {
  public:
    // `ui_fonts` must outlive the warmer; the worker only loads its own stack from it.
    PictureWarmer(const text::FontStack& ui_fonts, std::shared_ptr<const ScaledPictures> store)
        : ui_fonts_(ui_fonts), store_(std::move(store)) {}
    ~PictureWarmer();  // stops the worker at its next picture
    PictureWarmer(const PictureWarmer&) = delete;
    PictureWarmer& operator=(const PictureWarmer&) = delete;

    // Warms `bundle`'s pictures for `screen`. The same bundle and screen as the
    // last job is nothing to do; a newer job replaces a waiting one and stops a
    // running one at its next picture. Starts the worker on first use.
    void warm(std::shared_ptr<const content::Bundle> bundle, const layout::Screen& screen);
    // Blocks until nothing is waiting or running (tests).
    void wait_idle();

    struct Report {
        size_t pictures = 0;  // drawn sizes the pages need
        size_t scaled = 0;    // of them, missing from the store and scaled now
        size_t failed = 0;    // missing or damaged picture files (the page shows a placeholder)
    };
    // What the last finished job did.
    std::optional<Report> last_report();

  private:
    struct Job {
        std::shared_ptr<const content::Bundle> bundle;
        layout::Screen screen;
    };
    void run();
    // Worker only. nullopt when a newer job or the destructor stopped it.
    std::optional<Report> work(const Job& job);
    bool superseded();

    const text::FontStack& ui_fonts_;
    const std::shared_ptr<const ScaledPictures> store_;

    std::mutex m_;
    std::condition_variable cv_, idle_cv_;
    std::optional<Job> queued_;
    std::optional<Job> last_;  // the newest job asked for: a repeat is ignored
    std::optional<Report> report_;
    bool busy_ = false, stop_ = false;
    std::thread worker_;
};

}  // namespace kiosk::render
