#include "app/isolated_importer.h"

#include "base/log.h"
#include "update/isolated_import.h"

namespace kiosk::app {

namespace {

// What the service decides on: only a downgrade is offered to staff; every
// other refusal is reported with its message.
ErrorKind kind_of(update::IsolatedOutcome o) {
    using O = update::IsolatedOutcome;
    switch (o) {
        case O::OlderThanActive:
            return ErrorKind::Downgrade;
        case O::OverLimit:
        case O::TimedOut:
            return ErrorKind::Limit;
        case O::Refused:
            return ErrorKind::Content;
        default:
            return ErrorKind::Unspecified;
    }
}

update::StickImport to_stick_import(const std::filesystem::path& stick,
                                    const update::IsolatedImportResult& res) {
    update::StickImport r;
    r.stick_dir = stick;
    // The child imports the stick's only bundle; named here so the fleet can share it.
    if (auto files = update::find_bundles(stick); files.size() == 1)
        r.bundle = files.front();
    if (res.ok()) {
        update::ImportReport rep;
        rep.version = res.version;
        rep.message = res.message;
        rep.outcome = res.outcome == update::IsolatedOutcome::AlreadyActive
                          ? update::ImportOutcome::AlreadyActive
                          : update::ImportOutcome::Installed;
        r.report = std::move(rep);
    } else {
        r.error = update::make_error(stick, res.message);
        r.error->kind = kind_of(res.outcome);
    }
    return r;
}

}  // namespace

StickImporter isolated_importer(std::filesystem::path public_key,
                                std::filesystem::path executable) {
    return [key = std::move(public_key), exe = std::move(executable)](
               const std::filesystem::path& stick, const update::ImportOptions& options,
               const update::ContentValidator&, const update::ImportProgress& progress) {
        update::IsolatedImportRequest req;
        req.source = stick;
        req.data_dir = options.data_dir;
        req.public_key = key;
        req.allow_downgrade = options.allow_downgrade;
        req.executable = exe;
        const auto res = update::import_isolated(req, progress);
        log_info("import child: " + std::to_string(res.usage.max_rss_kib) + " KiB peak, " +
                 std::to_string(res.usage.cpu_seconds) + " s CPU");
        return to_stick_import(stick, res);
    };
}

}  // namespace kiosk::app
