#include "fleet/status.h"

#include <sys/statvfs.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "fleet/device_id.h"
#include "update/data_dir.h"
#include "update/store.h"

namespace kiosk::fleet {

namespace {

std::string clean(std::string_view s, std::size_t max = 200) {
    std::string out;
    for (char c : s.substr(0, max))
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f)
            out += c;
    return out;
}

std::int64_t to_int(std::string_view s) {
    std::int64_t v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

std::string read_small(const fs::path& file, std::size_t max) {
    auto b = update::read_file_limited(file, max);
    if (!b)
        return {};
    return std::string(b.value().begin(), b.value().end());
}

std::string last_log_line(const fs::path& log) {
    std::ifstream in(log, std::ios::binary | std::ios::ate);
    if (!in)
        return {};
    const std::streamoff size = in.tellg();
    const std::streamoff from = std::max<std::streamoff>(0, size - 4096);
    in.seekg(from);
    std::string tail(static_cast<std::size_t>(size - from), '\0');
    in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
    // The newest line that is not a no-op ("already active").
    std::istringstream lines(tail);
    std::string line, last;
    while (std::getline(lines, line))
        if (!line.empty() && line.find("is already active") == std::string::npos)
            last = line;
    return clean(last);
}

std::int64_t device_uptime_s() {
    std::ifstream in("/proc/uptime");
    double up = 0;
    in >> up;
    return static_cast<std::int64_t>(up);
}

std::uint64_t free_bytes(const fs::path& dir) {
    struct statvfs v {};
    if (::statvfs(dir.c_str(), &v) != 0)
        return 0;
    return static_cast<std::uint64_t>(v.f_bavail) * v.f_frsize;
}

// Everything but the clock lines: a change here is worth a sync.
std::string body_of(const KioskStatus& s) {
    KioskStatus b = s;
    b.uptime_s = 0;
    b.updated_unix = 0;
    b.free_bytes = s.free_bytes >> 24;  // 16 MiB steps
    return encode_status(b);
}

// One published statistics file into out/status (staged, then renamed), when it changed.
void copy_stats_file(const fs::path& from, const SharePaths& share, FileMark* mark) {
    std::error_code ec;
    if (!fs::is_regular_file(fs::symlink_status(from, ec)))
        return;
    const auto size = fs::file_size(from, ec);
    if (ec || size > kMaxStatsBytes)
        return;
    const auto mtime = fs::last_write_time(from, ec).time_since_epoch().count();
    if (ec || (mark->settled && mark->size == size && mark->mtime_ns == mtime))
        return;
    auto bytes = update::read_file_limited(from, kMaxStatsBytes);
    if (!bytes)
        return;
    const fs::path staged = share.staging() / from.filename();
    const auto& b = bytes.value();
    if (!update::write_file_atomic(
            staged, std::string_view(reinterpret_cast<const char*>(b.data()), b.size())))
        return;
    fs::rename(staged, share.out_status() / from.filename(), ec);
    if (!ec)
        *mark = FileMark{size, static_cast<std::int64_t>(mtime), 0, 0, true};
}

void copy_stats(const PollConfig& c, PollState& s) {
    if (!c.stats_dir)
        return;
    for (const char* name : kStatsFiles)
        copy_stats_file(*c.stats_dir / name, SharePaths{c.share_dir}, &s.stats[name]);
}

}  // namespace

std::optional<KioskStatus> read_status(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_regular_file(fs::symlink_status(dir / kStatusFile, ec)))
        return std::nullopt;  // also refuses a peer's symlink
    const std::string text = read_small(dir / kStatusFile, kMaxStatusBytes);
    if (text.empty())
        return std::nullopt;
    return parse_status(text);
}

std::string encode_status(const KioskStatus& s) {
    std::ostringstream o;
    o << "name: " << clean(s.name) << "\ndevice: " << clean(s.device) << "\nversion: " << s.version
      << "\nlabel: " << clean(s.label) << "\nuptime_s: " << s.uptime_s
      << "\nupdated_unix: " << s.updated_unix << "\nupdated: " << update::iso_utc(s.updated_unix)
      << "\nlast_import: " << clean(s.last_import) << "\nfree_bytes: " << s.free_bytes << "\n";
    return o.str();
}

KioskStatus parse_status(std::string_view text) {
    KioskStatus s;
    std::istringstream in{std::string(text.substr(0, kMaxStatusBytes))};
    std::string line;
    for (int n = 0; n < 64 && std::getline(in, line); ++n) {
        const auto colon = line.find(": ");
        if (colon == std::string::npos)
            continue;
        const std::string key = line.substr(0, colon);
        const std::string value = clean(line.substr(colon + 2));
        if (key == "name")
            s.name = clean(value, kMaxNameBytes);
        else if (key == "device")
            s.device = clean(value, 63);
        else if (key == "version")
            s.version = to_int(value);
        else if (key == "label")
            s.label = value;
        else if (key == "uptime_s")
            s.uptime_s = to_int(value);
        else if (key == "updated_unix")
            s.updated_unix = to_int(value);
        else if (key == "last_import")
            s.last_import = value;
        else if (key == "free_bytes")
            s.free_bytes = static_cast<std::uint64_t>(to_int(value));
    }
    return s;
}

std::optional<Event> refresh_status(const PollConfig& c, PollState& s, std::int64_t now) {
    const update::StoreStatus store = update::status(c.data_dir);
    KioskStatus st;
    st.name = c.name;
    st.device = c.device_id;
    if (store.active) {
        st.version = store.active->version;
        st.label = store.active->label;
    }
    st.uptime_s = device_uptime_s();
    st.updated_unix = now;
    st.last_import = last_log_line(update::DataDir{c.data_dir}.log());
    st.free_bytes = free_bytes(c.data_dir);
    copy_stats(c, s);
    const std::string body = body_of(st);
    if (body == s.status_body && now - s.status_written < kStatusHeartbeatS)
        return std::nullopt;
    const SharePaths share{c.share_dir};
    const fs::path staged = share.staging() / kStatusFile;
    if (!update::write_file_atomic(staged, encode_status(st)))
        return std::nullopt;
    std::error_code ec;
    fs::rename(staged, share.out_status() / kStatusFile, ec);
    if (ec)
        return std::nullopt;
    s.status_body = body;
    s.status_written = now;
    return Event{EventKind::Status, share.out_status() / kStatusFile, st.version, "status written"};
}

FleetView fleet_view(const fs::path& share_dir, const std::optional<Membership>& membership,
                     const std::string& self_id, std::int64_t now) {
    const SharePaths share{share_dir};
    FleetView v;
    auto dir_of = [&](const std::string& id) {
        return id == self_id ? share.out_status() : share.in() / short_id(id) / "status";
    };
    if (membership) {
        for (const auto& m : membership->members)
            v.rows.push_back(
                {m.name, m.id, m.id == self_id, read_status(dir_of(m.id)), false, false});
    } else {
        v.rows.push_back(
            {"this kiosk", self_id, true, read_status(share.out_status()), false, false});
    }
    for (const auto& r : v.rows)
        if (r.status)
            v.newest = std::max(v.newest, r.status->version);
    for (auto& r : v.rows) {
        r.in_step = r.status && r.status->version == v.newest;
        r.stale = !r.status || now - r.status->updated_unix > kStaleAfterS;
    }
    return v;
}

std::string FleetView::text() const {
    std::ostringstream o;
    for (const auto& r : rows) {
        o << (r.self ? "* " : "  ") << r.name << " (" << short_id(r.device) << "): ";
        if (!r.status) {
            o << "no status received\n";
            continue;
        }
        o << "version " << r.status->version << (r.in_step ? ", in step" : ", BEHIND")
          << (r.stale ? ", not heard from since " + update::iso_utc(r.status->updated_unix) : "")
          << (r.status->last_import.empty() ? "" : "; last: " + r.status->last_import) << "\n";
    }
    if (rows.empty())
        o << "no fleet: this kiosk has no signed fleet list\n";
    return o.str();
}

}  // namespace kiosk::fleet
