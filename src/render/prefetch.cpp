#include "render/prefetch.h"

#include <stb_image_resize.h>

#include <algorithm>

#include "content/picture.h"

namespace kiosk::render {

std::vector<uint8_t> cover_picture(const uint8_t* rgba, int w0, int h0, int w, int h) {
    const float target = static_cast<float>(w) / static_cast<float>(h);
    const float src_aspect = static_cast<float>(w0) / static_cast<float>(h0);
    int cw = w0, ch = h0;
    if (src_aspect > target)
        cw = std::max(1, static_cast<int>(static_cast<float>(ch) * target));
    else
        ch = std::max(1, static_cast<int>(static_cast<float>(cw) / target));
    const int x0 = (w0 - cw) / 2, y0 = (h0 - ch) / 2;
    const uint8_t* src = rgba + (static_cast<size_t>(y0) * w0 + x0) * 4;
    std::vector<uint8_t> out(static_cast<size_t>(w) * h * 4);
    stbir_resize_uint8_srgb(src, cw, ch, w0 * 4, out.data(), w, h, w * 4, 4, 3, 0);
    return out;
}

PicturePrefetcher::~PicturePrefetcher() {
    {
        std::lock_guard lock(m_);
        stop_ = true;
    }
    cv_.notify_all();
    if (worker_.joinable())
        worker_.join();
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
        lock.unlock();
        std::vector<uint8_t> px;  // a damaged file stays empty: the UI thread reports it
        if (auto img = content::decode_picture(req.path, req.path))
            px = cover_picture(img.value().rgba.data(), img.value().width, img.value().height,
                               req.w, req.h);
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
