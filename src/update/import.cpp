#include "update/import.h"

#include <sys/stat.h>

#include <exception>

#include "base/log.h"

namespace kiosk::update {

namespace {

// Removes the staging dir of this attempt on every exit path unless committed.
class StagingGuard {
  public:
    explicit StagingGuard(fs::path p) : path_(std::move(p)) {}
    StagingGuard(const StagingGuard&) = delete;
    StagingGuard& operator=(const StagingGuard&) = delete;
    ~StagingGuard() {
        if (!path_.empty())
            remove_tree(path_);
    }
    void commit() { path_.clear(); }

  private:
    fs::path path_;
};

std::string validator_refusal(const Diagnostics& d) {
    std::string msg =
        "the content in the bundle has " + std::to_string(d.error_count()) +
        " error(s); fix them on the laptop ('kiosk validate content/') and make the bundle again:";
    int shown = 0;
    for (const auto& item : d.items()) {
        if (item.severity != Severity::Error)
            continue;
        if (++shown > 5) {
            msg += "\n  ...";
            break;
        }
        msg += "\n  " + item.str();
    }
    return msg;
}

Result<ImportReport> run_import(const fs::path& file, const ImportOptions& opt, const DataDir& l,
                                const ContentValidator& validate, const ImportProgress& progress) {
    auto report_progress = [&](double f, std::string_view stage) {
        if (progress)
            progress(f, stage);
    };
    auto crash = [&](std::string_view point) {
        if (opt.crash_point)
            opt.crash_point(point);
    };

    report_progress(0.0, "reading");
    auto bytes = read_file_limited(file, opt.max_bundle_bytes, [&](std::uint64_t n) {
        if (opt.on_read_chunk)
            opt.on_read_chunk(n);
    });
    if (!bytes) {
        Diagnostic d = bytes.error();
        d.message = "could not read the update file: " + d.message;
        return d;
    }
    crash("after-read");

    report_progress(0.1, "checking signature");
    auto bundle = open_bundle(bytes.value(), opt.trusted_key, file);
    if (!bundle)
        return bundle.error();
    const BundleHeader& h = bundle.value().header;

    ImportReport rep;
    rep.version = h.content_version;
    rep.label = h.label;
    rep.bundle_bytes = bytes.value().size();
    const auto active = current_version(l);
    const bool active_bad = active && read_version(l, *active).value_or(VersionInfo{}).bad;
    rep.previous = active;
    if (active && *active == h.content_version && !active_bad) {
        rep.outcome = ImportOutcome::AlreadyActive;
        rep.message =
            "version " + std::to_string(h.content_version) + " is already active; nothing changed";
        report_progress(1.0, "done");
        return rep;
    }
    if (active && h.content_version < *active && !opt.allow_downgrade) {
        Diagnostic older = make_error(
            file, "the bundle holds version " + std::to_string(h.content_version) + ", which is " +
                      std::string(kOlderThanActive) + " " + std::to_string(*active) +
                      "; to go back on purpose, confirm the downgrade in the staff menu "
                      "(or use --allow-downgrade)");
        older.kind = ErrorKind::Downgrade;  // the app offers the downgrade on this kind
        return older;
    }

    report_progress(0.15, "unpacking");
    const fs::path stage_dir = l.staging() / random_hex();
    StagingGuard guard(stage_dir);
    if (::mkdir(stage_dir.c_str(), 0755) != 0 ||
        ::mkdir((stage_dir / "content").c_str(), 0755) != 0)
        return make_error(stage_dir, "cannot prepare the update: " + describe_errno(errno));
    UnpackStats stats;
    auto unpacked = unpack_payload(bundle.value().payload, stage_dir / "content", opt.limits, stats,
                                   [&](double f) { report_progress(0.15 + 0.6 * f, "unpacking"); });
    if (!unpacked)
        return unpacked.error();
    rep.content_bytes = stats.bytes_written;
    crash("after-unpack");

    report_progress(0.75, "validating");
    Diagnostics diags;
    try {
        if (validate)
            diags = validate(stage_dir / "content");
    } catch (const std::exception& e) {
        diags.error({file.string()}, std::string("the content checker crashed: ") + e.what());
    } catch (...) {
        diags.error({file.string()}, "the content checker crashed");
    }
    if (diags.has_errors())
        return make_error(file, validator_refusal(diags));
    for (const auto& d : diags.items())
        rep.warnings.add(d);
    crash("after-validate");

    report_progress(0.85, "installing");
    VersionInfo info;
    info.version = h.content_version;
    info.label = h.label;
    info.created_unix = h.created_unix;
    info.imported_unix = now_unix();
    info.replaced = active;
    info.source = file.filename().string();
    if (auto w = write_file_atomic(stage_dir / "info.txt", encode_info(info)); !w)
        return w.error();
    if (auto s = fsync_path(stage_dir); !s)
        return s.error();

    // A non-active dir with this number may exist (kept older import, or an
    // interrupted one that never became current): replace it.
    const fs::path final_dir = l.version_dir(h.content_version);
    std::error_code ec;
    if (fs::exists(fs::symlink_status(final_dir, ec))) {
        if (auto d = discard_dir(l, final_dir); !d)
            return d.error();
    }
    if (::rename(stage_dir.c_str(), final_dir.c_str()) != 0)
        return make_error(final_dir, "cannot install the update: " + describe_errno(errno));
    guard.commit();
    // The version dir is now complete and durable before anything points to it.
    if (auto s = fsync_path(l.versions()); !s)
        return s.error();
    (void)fsync_path(l.staging());  // only debris bookkeeping; the install is already durable
    crash("after-rename");

    if (auto s = switch_current(l, h.content_version); !s)
        return s.error();
    crash("after-switch");

    report_progress(0.95, "tidying up");
    const auto removed = prune_versions(l, opt.keep_versions);
    (void)removed;
    crash("after-prune");

    rep.message = "updated to version " + std::to_string(h.content_version) +
                  (h.label.empty() ? "" : " (" + h.label + ")");
    report_progress(1.0, "done");
    return rep;
}

}  // namespace

Result<ImportReport> import_bundle(const fs::path& file, const ImportOptions& opt,
                                   const ContentValidator& validate,
                                   const ImportProgress& progress) {
    if (sodium_init() < 0)
        return make_error(file, "libsodium failed to initialise");
    const DataDir l{opt.data_dir};
    if (auto made = ensure_data_dir(l); !made)
        return made.error();
    auto lock = DataLock::acquire(l);
    if (!lock)
        return lock.error();
    // Debris of an earlier interrupted import would otherwise eat disk space.
    clean_debris(l);
    auto result = run_import(file, opt, l, validate, progress);
    const std::string name = file.filename().string();
    if (result) {
        append_log(l, "import " + name + ": " + result.value().message);
        log_info("import " + name + ": " + result.value().message);
    } else {
        append_log(l, "import " + name + " refused: " + result.error().message);
        log_warn("import " + name + " refused: " + result.error().message);
    }
    return result;
}

}  // namespace kiosk::update
