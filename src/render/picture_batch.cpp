#include "render/picture_batch.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

namespace kiosk::render {

int picture_threads() {
    const unsigned cores = std::thread::hardware_concurrency();  // 0 when unknown
    return static_cast<int>(std::clamp(cores, 1u, 4u));
}

std::vector<Result<std::vector<uint8_t>>> scale_pictures(const ScaledPictures* store,
                                                         const std::vector<PictureRequest>& wanted,
                                                         int threads) {
    // Result has no empty state: each slot is filled by exactly one thread.
    std::vector<std::optional<Result<std::vector<uint8_t>>>> slots(wanted.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i = next++; i < wanted.size(); i = next++)
            slots[i].emplace(scaled_picture(store, wanted[i].path, wanted[i].w, wanted[i].h));
    };
    const size_t busy = std::min(wanted.size(), static_cast<size_t>(std::max(threads, 1)));
    const size_t helpers = busy > 0 ? busy - 1 : 0;  // the calling thread works too
    std::vector<std::thread> pool;
    pool.reserve(helpers);
    for (size_t t = 0; t < helpers; ++t)
        pool.emplace_back(work);
    work();
    for (auto& t : pool)
        t.join();
    std::vector<Result<std::vector<uint8_t>>> out;
    out.reserve(wanted.size());
    for (auto& s : slots)
        out.push_back(std::move(*s));
    return out;
}

}  // namespace kiosk::render
