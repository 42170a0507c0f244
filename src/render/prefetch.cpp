#include "render/prefetch.h"

#include <algorithm>

#include "render/picture_store.h"
#include "render/worker_stop.h"

namespace kiosk::render {

PicturePrefetcher::~PicturePrefetcher() {
    stop_worker(m_, cv_, stop_, worker_);
}

void PicturePrefetcher::want(std::vector<PictureRequest> wanted) {
    {
        std::lock_guard lock(m_);
        queue_.clear();
        for (auto& r : wanted) {
            const bool done = std::any_of(ready_.begin(), ready_.end(),
                                          [&](const Ready& x) { return x.req == r; });
            if (!done && r.w > 0 && r.h > 0)
                queue_.push_back(std::move(r));
        }
        if (queue_.empty())
            return;
        if (!worker_.joinable())
            worker_ = std::thread([this] { run(); });
    }
    cv_.notify_one();
}

std::optional<std::vector<uint8_t>> PicturePrefetcher::take(const PictureRequest& r) {
    std::lock_guard lock(m_);
    auto it =
        std::find_if(ready_.begin(), ready_.end(), [&](const Ready& x) { return x.req == r; });
    if (it == ready_.end())
        return std::nullopt;
    std::vector<uint8_t> px = std::move(it->rgba);
    bytes_ -= px.size();
    ready_.erase(it);
    return px;
}

void PicturePrefetcher::set_store(std::shared_ptr<const ScaledPictures> store) {
    std::lock_guard lock(m_);
    store_ = std::move(store);
}

void PicturePrefetcher::wait_idle() {
    std::unique_lock lock(m_);
    idle_cv_.wait(lock, [this] { return queue_.empty() && !busy_; });
}

void PicturePrefetcher::run() {
    std::unique_lock lock(m_);
    while (true) {
        cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
        if (stop_)
            return;
        PictureRequest req = std::move(queue_.front());
        queue_.pop_front();
        busy_ = true;
        const std::shared_ptr<const ScaledPictures> store = store_;
        lock.unlock();
        std::vector<uint8_t> px;  // a damaged file stays empty: the UI thread reports it
        if (auto scaled = scaled_picture(store.get(), req.path, req.w, req.h))
            px = std::move(scaled).value();
        lock.lock();
        busy_ = false;
        if (!px.empty()) {
            bytes_ += px.size();
            ready_.push_front({std::move(req), std::move(px)});
            while (bytes_ > budget_ && ready_.size() > 1) {  // bounded: oldest results go first
                bytes_ -= ready_.back().rgba.size();
                ready_.pop_back();
            }
        }
        if (queue_.empty())
            idle_cv_.notify_all();
    }
}

}  // namespace kiosk::render
