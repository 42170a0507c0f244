#include "fleet/deliver.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "fleet/device_id.h"
#include "fleet/membership.h"
#include "fleet/status.h"
#include "update/fsutil.h"
#include "update/stick.h"

namespace kiosk::fleet {

namespace {

constexpr std::size_t kMaxEntriesLooked = 4096;  // per folder listed: a flood costs no more
constexpr std::uint64_t kMaxReportBytes = 64 * 1024;

constexpr const char* kReadme =
    "kiosk-fleet: the status and visitor statistics of every kiosk of this venue,\n"
    "as the kiosk this stick was plugged into had received them through the fleet\n"
    "sync. Each kiosk sends its statistics every hour and its status every few minutes.\n"
    "\n"
    "One folder per kiosk, named <kiosk name>-<first 7 characters of its device ID>:\n"
    "  status.txt   name, content version, uptime, last import, free space, and\n"
    "               when the kiosk wrote it (\"updated\")\n"
    "  stats.csv    visitor figures by day, hour, page and language (for a spreadsheet)\n"
    "  stats.html   the same figures as a report to open in a web browser\n"
    "A kiosk that is switched off or out of reach shows what it sent last.\n"
    "kiosk-report.txt on this stick says what was copied this time.\n";

// A peer's text as one part of a folder name: never a path.
std::string safe_part(std::string_view s) {
    std::string out;
    for (char c : s.substr(0, kMaxNameBytes))
        out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
    return out.empty() ? "unnamed" : out;
}

// A file name copied as it is, or not at all.
bool safe_file_name(const std::string& name) {
    return !name.empty() && name.size() <= 64 && name[0] != '.' &&
           std::all_of(name.begin(), name.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
                      c == '.';
           });
}

bool is_real_dir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(fs::symlink_status(p, ec));
}

// A folder on the stick to write into: made, or already a real folder (a
// stick's symlink named like it would send the files elsewhere).
std::optional<Diagnostic> prepare_dir(const fs::path& dir) {
    std::error_code ec;
    const auto st = fs::symlink_status(dir, ec);
    if (fs::exists(st))
        return fs::is_directory(st)
                   ? std::nullopt
                   : std::optional(update::make_error(dir, "is on the stick but not a folder"));
    if (!fs::create_directory(dir, ec) || ec)
        return update::make_error(dir, "cannot write to the stick: " + ec.message());
    return std::nullopt;
}

std::string size_text(std::uint64_t bytes) {
    if (bytes < 10 * 1024)
        return std::to_string(bytes) + " bytes";
    if (bytes < 10ull << 20)
        return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes >> 20) + " MiB";
}

struct Source {
    fs::path dir;    // a status folder
    std::string id;  // the folder's short device ID ("" for this kiosk: from its status)
};

// This kiosk's folder first, then the peers' in name order; at most max_kiosks.
std::vector<Source> sources(const SharePaths& share, const DeliveryLimits& limits, Delivery& d) {
    std::vector<std::string> peers;
    std::error_code ec;
    std::size_t looked = 0;
    for (fs::directory_iterator it(share.in(), ec), end;
         !ec && it != end && ++looked <= kMaxEntriesLooked; it.increment(ec))
        if (is_real_dir(it->path()) && is_real_dir(it->path() / "status"))
            peers.push_back(it->path().filename().string());
    std::sort(peers.begin(), peers.end());
    std::vector<Source> out{{share.out_status(), ""}};
    for (const auto& p : peers)
        out.push_back({share.in() / p / "status", p});
    if (out.size() > limits.max_kiosks) {
        d.skipped.push_back(std::to_string(out.size() - limits.max_kiosks) +
                            " kiosk folders not copied (at most " +
                            std::to_string(limits.max_kiosks) + " kiosks)");
        out.resize(limits.max_kiosks);
    }
    return out;
}

// status.txt, stats.csv, stats.html first (what staff came for), then the rest by name.
bool copy_first(const std::string& a, const std::string& b) {
    auto rank = [](const std::string& n) {
        return n == kStatusFile ? 0 : n == kStatsFiles[0] ? 1 : n == kStatsFiles[1] ? 2 : 3;
    };
    return std::pair(rank(a), a) < std::pair(rank(b), b);
}

// The names worth copying from one kiosk's folder, in copy order; the rest said in `d`.
std::vector<std::string> files_of(const fs::path& dir, const std::string& kiosk, Delivery& d) {
    std::vector<std::string> names;
    std::error_code ec;
    std::size_t looked = 0;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end && ++looked <= kMaxEntriesLooked;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.starts_with("."))
            continue;  // Syncthing's own (.stfolder, temporary files)
        if (!fs::is_regular_file(it->symlink_status()))
            d.skipped.push_back(kiosk + ": " + safe_part(name) + " is not a plain file");
        else if (!safe_file_name(name))
            d.skipped.push_back(kiosk + ": a file with an unusable name (" + safe_part(name) + ")");
        else
            names.push_back(name);
    }
    std::sort(names.begin(), names.end(), copy_first);
    return names;
}

// Copies one file within the limits; false when writing failed (d.error set).
bool copy_one(const fs::path& from, const fs::path& to, const std::string& kiosk,
              const DeliveryLimits& limits, Delivery& d) {
    const std::string name = from.filename().string();
    std::error_code ec;
    const auto size = fs::file_size(from, ec);
    if (ec || size > limits.max_file_bytes) {
        d.skipped.push_back(kiosk + ": " + name + (ec ? " could not be read" : " is too large"));
        return true;
    }
    if (d.bytes + size > limits.max_total_bytes) {
        d.skipped.push_back(kiosk + ": " + name + " not copied (the " +
                            size_text(limits.max_total_bytes) + " for all kiosks are used up)");
        return true;
    }
    auto bytes = update::read_file_limited(from, limits.max_file_bytes);
    if (!bytes) {
        d.skipped.push_back(kiosk + ": " + name + " could not be read");
        return true;
    }
    const auto& b = bytes.value();
    if (auto w = update::write_file_atomic(
            to, std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
        !w) {
        d.error = w.error();
        return false;
    }
    ++d.files;
    d.bytes += b.size();
    return true;
}

// One kiosk's folder; false when writing to the stick failed.
bool deliver_kiosk(const Source& src, const KioskStatus& st, const fs::path& target,
                   const DeliveryLimits& limits, Delivery& d) {
    const std::string kiosk = safe_part(st.name);
    if (auto e = prepare_dir(target)) {
        d.error = *e;
        return false;
    }
    const auto names = files_of(src.dir, kiosk, d);
    std::size_t n = 0;
    bool stats = false;
    for (const auto& name : names) {
        if (++n > limits.max_files_per_kiosk) {
            d.skipped.push_back(kiosk + ": " + std::to_string(names.size() - n + 1) +
                                " more files not copied (at most " +
                                std::to_string(limits.max_files_per_kiosk) + " per kiosk)");
            break;
        }
        const int before = d.files;
        if (!copy_one(src.dir / name, target / name, kiosk, limits, d))
            return false;
        stats = stats || (name == kStatsFiles[0] && d.files > before);
    }
    ++d.kiosks;
    d.with_statistics += stats ? 1 : 0;
    return true;
}

}  // namespace

Delivery deliver_to_stick(const fs::path& share_dir, const fs::path& stick_dir,
                          const DeliveryLimits& limits) {
    Delivery d;
    const fs::path root = stick_dir / kStickFleetDir;
    if (auto e = prepare_dir(root)) {
        d.error = *e;
        return d;
    }
    if (auto w = update::write_file_atomic(root / kStickReadme, kReadme); !w) {
        d.error = w.error();
        return d;
    }
    std::set<std::string> used;
    for (const auto& src : sources(SharePaths{share_dir}, limits, d)) {
        const auto st = read_status(src.dir);
        if (!st)
            continue;  // a member that has sent nothing yet
        const std::string base =
            safe_part(st->name) + "-" + safe_part(src.id.empty() ? short_id(st->device) : src.id);
        std::string name = base;
        for (int i = 2; used.count(name); ++i)
            name = base + "-" + std::to_string(i);  // two kiosks claiming one name
        used.insert(name);
        if (!deliver_kiosk(src, *st, root / name, limits, d))
            break;
    }
    return d;
}

std::string Delivery::text() const {
    std::ostringstream o;
    o << "Fleet (folder " << kStickFleetDir << "): ";
    if (kiosks == 0)
        o << "no kiosk status received yet; nothing copied.\n";
    else if (with_statistics == kiosks)
        o << "statistics of " << kiosks << (kiosks == 1 ? " kiosk" : " kiosks") << " copied ("
          << files << " files, " << size_text(bytes) << ").\n";
    else
        o << "status of " << kiosks << (kiosks == 1 ? " kiosk" : " kiosks")
          << " copied, statistics of " << with_statistics << " (the others sent none yet); "
          << files << " files, " << size_text(bytes) << ".\n";
    if (!skipped.empty())
        o << "Left out (" << skipped.size() << "):\n";
    for (std::size_t i = 0; i < skipped.size() && i < 20; ++i)
        o << "  - " << skipped[i] << "\n";
    if (skipped.size() > 20)
        o << "  - and " << skipped.size() - 20 << " more\n";
    if (error)
        o << "Copying stopped: " << error->message << " (" << error->where.file
          << "). Plug the stick in again to retry.\n";
    return o.str();
}

bool report_delivery(const fs::path& stick_dir, const Delivery& delivery,
                     bool after_import_report) {
    const fs::path file = stick_dir / update::kReportFileName;
    std::string text;
    std::error_code ec;
    if (after_import_report && fs::is_regular_file(fs::symlink_status(file, ec)))
        if (auto b = update::read_file_limited(file, kMaxReportBytes))
            text.assign(b.value().begin(), b.value().end());
    if (!text.empty())
        text += text.ends_with("\n") ? "\n" : "\n\n";
    return update::write_stick_report(stick_dir, text + delivery.text());
}

}  // namespace kiosk::fleet
