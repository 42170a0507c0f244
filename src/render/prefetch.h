// Pictures decoded and scaled on a worker thread before the frame that needs
// them: decoding a 1280×720 JPEG and resampling it costs ~35 M instructions,
// which would stall a fade for tens of ms on a Pi if done on the UI thread.
// The UI thread asks for a page's pictures as soon as the page is known (at the
// tap) and later takes the finished pixels; only the texture upload remains.
//
// Threads share only this object's queue and results, under its mutex; the
// worker owns nothing else. Finished pixels wait within a byte budget (oldest
// dropped first), so requests that are never collected cannot pile up.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "render/picture_store.h"

namespace kiosk::render {

class PicturePrefetcher {
  public:
    static constexpr size_t kDefaultBudget = 8u << 20;

    explicit PicturePrefetcher(size_t budget_bytes = kDefaultBudget) : budget_(budget_bytes) {}
    ~PicturePrefetcher();
    PicturePrefetcher(const PicturePrefetcher&) = delete;
    PicturePrefetcher& operator=(const PicturePrefetcher&) = delete;

    // Replaces the queue with `wanted` (the newest page matters most). Starts
    // the worker on first use: a single headless shot never starts it.
    void want(std::vector<PictureRequest> wanted);
    // The w×h RGBA pixels ("cover"-cropped) if the worker has finished them.
    std::optional<std::vector<uint8_t>> take(const PictureRequest& r);
    // Blocks until the queue is empty (tests and benchmarks).
    void wait_idle();
    // Where scaled pictures are kept between loads (render/picture_store.h); may be null.
    void set_store(std::shared_ptr<const ScaledPictures> store);

  private:
    struct Ready {
        PictureRequest req;
        std::vector<uint8_t> rgba;
    };
    void run();

    size_t budget_, bytes_ = 0;
    std::mutex m_;
    std::condition_variable cv_, idle_cv_;
    std::shared_ptr<const ScaledPictures> store_;
    std::deque<PictureRequest> queue_;
    std::list<Ready> ready_;  // front = newest
    bool busy_ = false, stop_ = false;
    std::thread worker_;
};

}  // namespace kiosk::render
