#include "stats/recorder.h"

#include <chrono>

#include "base/log.h"
#include "stats/publish.h"

namespace kiosk::stats {

Result<std::unique_ptr<Recorder>> Recorder::open(RecorderOptions options) {
    auto store = Store::open(options.db_file);
    if (!store)
        return store.error();
    std::unique_ptr<Recorder> r(new Recorder(std::move(options), std::move(store.value())));
    r->thread_ = std::thread([p = r.get()] { p->run(); });
    return r;
}

Recorder::~Recorder() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void Recorder::add(std::vector<Record> records) {
    if (records.empty())
        return;
    std::lock_guard lock(mutex_);
    for (auto& r : records)
        queue_.push_back(std::move(r));
}

void Recorder::export_to(std::filesystem::path dir, ReportStyle style) {
    queue_report({std::move(dir), std::move(style), false});
}

void Recorder::publish_to(std::filesystem::path dir, ReportStyle style) {
    queue_report({std::move(dir), std::move(style), true});
}

void Recorder::queue_report(ReportJob job) {
    {
        std::lock_guard lock(mutex_);
        exports_.push_back(std::move(job));
        flush_now_ = true;
    }
    wake_.notify_one();
}

void Recorder::write_report(const ReportJob& job) const {
    if (job.publish) {
        auto p = publish_reports(options_.db_file, job.dir, job.style);
        if (!p)
            log_warn("statistics for the fleet: " + p.error().str());
        return;
    }
    const Exported e = export_reports(options_.db_file, job.dir, job.style);
    if (e.error)
        log_warn("statistics report: " + e.error->str());
    for (const auto& f : e.files)
        log_info("statistics report written: " + f.string());
}

void Recorder::flush() {
    std::unique_lock lock(mutex_);
    const uint64_t want = ++queued_;
    flush_now_ = true;
    wake_.notify_one();
    written_.wait(lock, [&] { return done_ >= want; });
}

// Detail rows of days older than keep_detail_days become hourly rows; the
// newest day written counts as today (the kiosk's clock may be unset).
void Recorder::write_batch(std::vector<Record>& batch) {
    int64_t newest = -1;
    for (const auto& r : batch) {
        if (const auto* v = std::get_if<VisitRow>(&r))
            newest = std::max(newest, day_number(v->start.day()));
    }
    store_.write(batch);
    batch.clear();
    if (newest > folded_until_) {
        if (store_.fold_before(newest - options_.keep_detail_days) == 0)
            folded_until_ = newest;  // else more old days remain for the next batch
    }
}

void Recorder::run() {
    std::vector<Record> batch;
    std::vector<ReportJob> exports;
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait_for(lock, std::chrono::milliseconds(options_.batch_ms),
                       [this] { return stop_ || flush_now_; });
        const uint64_t target = queued_;
        const bool stopping = stop_;
        flush_now_ = false;
        batch.swap(queue_);
        exports.swap(exports_);
        lock.unlock();
        write_batch(batch);
        for (const auto& job : exports)
            write_report(job);
        exports.clear();
        lock.lock();
        done_ = std::max(done_, target);
        written_.notify_all();
        if (stopping && queue_.empty())
            return;
    }
}

}  // namespace kiosk::stats
