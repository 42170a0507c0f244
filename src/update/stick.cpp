#include "update/stick.h"

#include <sys/stat.h>

#include <algorithm>

#include "base/log.h"

namespace kiosk::update {

namespace {

// Every visible *.kiosk name at the top level, whatever kind of file it is.
std::vector<fs::path> kiosk_names(const fs::path& stick_dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(stick_dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.starts_with("."))
            continue;
        std::string ext = it->path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        if (ext == ".kiosk")
            out.push_back(it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

Diagnostic no_bundle_reason(const fs::path& stick_dir) {
    // Staff may have copied something that only looks like an update file.
    for (const auto& p : kiosk_names(stick_dir)) {
        struct stat st {};
        if (::lstat(p.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
            return make_error(p, "'" + p.filename().string() + "' on the USB stick is " +
                                     kind_of_file(st.st_mode) +
                                     ", not an update file; copy the .kiosk file itself");
    }
    return make_error(stick_dir, "no update file (*.kiosk) at the top level of the USB stick");
}

std::vector<fs::path> find_bundles(const fs::path& stick_dir) {
    std::vector<fs::path> out;
    for (const auto& p : kiosk_names(stick_dir)) {
        std::error_code ec;
        if (fs::is_regular_file(fs::symlink_status(p, ec)))
            out.push_back(p);
    }
    return out;
}

std::string StickImport::summary() const {
    if (report)
        return report->message;
    return "not updated: " + (error ? error->message : std::string("unknown error"));
}

std::string render_report(const StickImport& r, const StoreStatus& after) {
    std::string t = "Kiosk update report, " + iso_utc(now_unix()) + "\n\n";
    if (r.bundle)
        t += "Update file: " + r.bundle->filename().string() + "\n";
    if (r.report) {
        t += "Result: " + r.report->message + "\n";
        for (const auto& w : r.report->warnings.items())
            t += "  warning: " + w.str() + "\n";
    } else {
        t += "Result: NOT UPDATED. The kiosk keeps showing what it showed before.\n";
        t += "Reason: " + (r.error ? r.error->message : std::string("unknown")) + "\n";
    }
    t += "\n" + after.text();
    return t;
}

bool write_stick_report(const fs::path& stick_dir, const std::string& text) {
    auto w = write_file_atomic(stick_dir / kReportFileName, text);
    if (!w)
        log_info("no report written to the stick (" + w.error().message + ")");
    return w.ok();
}

StickImport import_from_stick(const fs::path& stick_dir, const ImportOptions& options,
                              const ContentValidator& validate, const ImportProgress& progress) {
    StickImport r;
    r.stick_dir = stick_dir;
    const auto bundles = find_bundles(stick_dir);
    if (bundles.empty()) {
        r.error = no_bundle_reason(stick_dir);
    } else if (bundles.size() > 1) {
        // Guessing which one staff meant could install the wrong programme.
        r.error =
            make_error(stick_dir, "the USB stick holds " + std::to_string(bundles.size()) +
                                      " update files (*.kiosk); keep only the one to install");
    } else {
        r.bundle = bundles.front();
        auto res = import_bundle(bundles.front(), options, validate, progress);
        if (res)
            r.report = std::move(res.value());
        else
            r.error = res.error();
    }
    r.report_written =
        write_stick_report(stick_dir, render_report(r, update::status(options.data_dir)));
    return r;
}

}  // namespace kiosk::update
