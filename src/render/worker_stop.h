// The one way the render workers (painter, prefetcher, warmer) are stopped:
// each waits on its condition variable for `stop` under its mutex.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

namespace kiosk::render {

// Sets `stop` under `m`, wakes the worker and joins it (if it was ever started).
inline void stop_worker(std::mutex& m, std::condition_variable& cv, bool& stop,
                        std::thread& worker) {
    {
        std::lock_guard lock(m);
        stop = true;
    }
    cv.notify_all();
    if (worker.joinable())
        worker.join();
}

}  // namespace kiosk::render
