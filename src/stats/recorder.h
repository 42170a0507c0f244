// The writer thread: the UI thread only enqueues records (a vector append
// under a mutex); one thread owns the read-write SQLite handle and commits a
// batch every `batch_ms`, folds old days into hourly rows, and writes the
// reports to a stick. A power cut loses at most the last batch.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "stats/record.h"
#include "stats/report.h"
#include "stats/store.h"

namespace kiosk::stats {

struct RecorderOptions {
    std::filesystem::path db_file;
    int64_t batch_ms = 2000;   // at most this much is lost in a power cut
    int keep_detail_days = 7;  // then minute-level rows become hourly rows
};

class Recorder {
  public:
    static Result<std::unique_ptr<Recorder>> open(RecorderOptions options);
    ~Recorder();  // writes everything queued, then stops
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    void add(std::vector<Record> records);
    // Writes the CSV and HTML reports into `dir` on the writer thread.
    void export_to(std::filesystem::path dir, ReportStyle style);
    // Writes dir/stats.csv and stats.html for the fleet (publish.h) on the writer thread.
    void publish_to(std::filesystem::path dir, ReportStyle style);
    // Blocks until everything queued so far is written (tests, shutdown).
    void flush();
    const std::filesystem::path& file() const { return options_.db_file; }

  private:
    Recorder(RecorderOptions options, Store store)
        : options_(std::move(options)), store_(std::move(store)) {}
    struct ReportJob {
        std::filesystem::path dir;
        ReportStyle style;
        bool publish = false;  // the fleet's stats.csv/html, else the stick's files
    };
    void queue_report(ReportJob job);
    void write_report(const ReportJob& job) const;
    void run();
    void write_batch(std::vector<Record>& batch);

    RecorderOptions options_;
    Store store_;  // used only by the writer thread once it runs
    std::mutex mutex_;
    std::condition_variable wake_, written_;
    std::vector<Record> queue_;
    std::vector<ReportJob> exports_;
    uint64_t queued_ = 0, done_ = 0;  // batches requested / written (for flush)
    bool stop_ = false, flush_now_ = false;
    int64_t folded_until_ = -1;  // the day number the last fold ran for
    std::thread thread_;
};

}  // namespace kiosk::stats
