#include "update/data_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <set>
#include <sstream>

#include "base/log.h"

namespace kiosk::update {

namespace {

std::optional<std::int64_t> parse_int(std::string_view s) {
    std::int64_t v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size())
        return std::nullopt;
    return v;
}

std::string one_line(std::string s) {
    std::replace_if(
        s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    return s;
}

}  // namespace

Result<Ok> ensure_data_dir(const DataDir& l) {
    for (const fs::path& d : {l.data, l.versions(), l.staging()}) {
        if (::mkdir(d.c_str(), 0755) != 0 && errno != EEXIST)
            return make_error(d, "cannot create the kiosk's data folder: " + describe_errno(errno));
    }
    return Ok{};
}

Result<DataLock> DataLock::acquire(const DataDir& l) {
    UniqueFd fd(::open(l.lock().c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644));
    if (!fd.valid())
        return make_error(l.lock(), "cannot open the lock file: " + describe_errno(errno));
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0)
        return make_error(l.data, "another update is in progress; wait for it to finish");
    return DataLock(std::move(fd));
}

std::string encode_info(const VersionInfo& i) {
    std::ostringstream o;
    o << "version=" << i.version << "\nlabel=" << one_line(i.label)
      << "\ncreated=" << i.created_unix << "\nimported=" << i.imported_unix << "\n";
    if (i.replaced)
        o << "replaced=" << *i.replaced << "\n";
    o << "source=" << one_line(i.source) << "\n";
    return o.str();
}

std::optional<VersionInfo> read_version(const DataDir& l, std::int64_t version) {
    VersionInfo info;
    info.version = version;
    info.dir = l.version_dir(version);
    std::error_code ec;
    if (!fs::is_directory(info.content_dir(), ec))
        return std::nullopt;
    std::ifstream in(info.dir / "info.txt");
    std::string line;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (eq == std::string::npos)
            continue;
        const std::string key = line.substr(0, eq), val = line.substr(eq + 1);
        if (key == "label")
            info.label = val;
        else if (key == "created")
            info.created_unix = parse_int(val).value_or(0);
        else if (key == "imported")
            info.imported_unix = parse_int(val).value_or(0);
        else if (key == "replaced")
            info.replaced = parse_int(val);
        else if (key == "source")
            info.source = val;
    }
    info.bad = fs::exists(info.dir / "BAD", ec);
    return info;
}

std::vector<VersionInfo> list_versions(const DataDir& l) {
    std::vector<VersionInfo> out;
    std::error_code ec;
    for (fs::directory_iterator it(l.versions(), ec), end; !ec && it != end; it.increment(ec)) {
        const auto v = parse_int(it->path().filename().string());
        if (!v || *v <= 0 || it->path().filename().string() != std::to_string(*v))
            continue;
        if (auto info = read_version(l, *v))
            out.push_back(std::move(*info));
    }
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.version > b.version; });
    return out;
}

std::optional<std::int64_t> current_version(const DataDir& l) {
    std::error_code ec;
    const fs::path target = fs::read_symlink(l.current(), ec);
    if (ec)
        return std::nullopt;
    const std::string s = target.generic_string();
    if (!s.starts_with("versions/"))
        return std::nullopt;
    const auto v = parse_int(std::string_view(s).substr(9));
    if (!v || !fs::is_directory(l.version_dir(*v) / "content", ec))
        return std::nullopt;
    return v;
}

Result<Ok> switch_current(const DataDir& l, std::int64_t version) {
    ::unlink(l.current_tmp().c_str());
    // Relative target: the data dir stays valid if it is mounted elsewhere.
    const std::string target = "versions/" + std::to_string(version);
    if (::symlink(target.c_str(), l.current_tmp().c_str()) != 0)
        return make_error(l.current_tmp(), "cannot create link: " + describe_errno(errno));
    if (::rename(l.current_tmp().c_str(), l.current().c_str()) != 0) {
        const int err = errno;
        ::unlink(l.current_tmp().c_str());
        return make_error(l.current(), "cannot switch to the new version: " + describe_errno(err));
    }
    return fsync_path(l.data);
}

Result<Ok> discard_dir(const DataDir& l, const fs::path& dir) {
    const fs::path trash = l.staging() / ("trash-" + dir.filename().string() + "-" + random_hex(4));
    if (::rename(dir.c_str(), trash.c_str()) != 0)
        return make_error(dir, "cannot remove: " + describe_errno(errno));
    // Make the disappearance durable before deleting, so a crash cannot bring
    // back a half-deleted version under versions/.
    auto s = fsync_path(dir.parent_path());
    remove_tree(trash);
    return s;
}

void clean_debris(const DataDir& l) {
    std::error_code ec;
    for (fs::directory_iterator it(l.staging(), ec), end; !ec && it != end; it.increment(ec))
        remove_tree(it->path());
    ::unlink(l.current_tmp().c_str());
    // Leftovers of interrupted atomic writes (write_file_atomic) in version dirs.
    for (fs::directory_iterator it(l.versions(), ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code ec2;
        for (fs::directory_iterator f(it->path(), ec2), fend; !ec2 && f != fend; f.increment(ec2))
            if (f->path().filename().string().find(".tmp-") != std::string::npos)
                fs::remove(f->path(), ec2);
    }
}

std::vector<std::int64_t> prune_versions(const DataDir& l, int keep) {
    const auto versions = list_versions(l);
    std::set<std::int64_t> kept;
    const auto active = current_version(l);
    if (active) {
        kept.insert(*active);
        if (auto info = read_version(l, *active); info && info->replaced)
            kept.insert(*info->replaced);
    }
    // Good versions first (they are fallback candidates); bad ones only fill
    // spare slots, so the staff menu can still show what failed.
    for (const bool bad : {false, true})
        for (const auto& v : versions)
            if (static_cast<int>(kept.size()) < keep && v.bad == bad)
                kept.insert(v.version);
    std::vector<std::int64_t> removed;
    for (const auto& v : versions) {
        if (kept.count(v.version))
            continue;
        if (discard_dir(l, v.dir))
            removed.push_back(v.version);
    }
    return removed;
}

void append_log(const DataDir& l, const std::string& line) {
    UniqueFd fd(
        ::open(l.log().c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0644));
    if (!fd.valid()) {
        log_warn("cannot write " + l.log().string() + ": " + describe_errno(errno));
        return;
    }
    const std::string text = iso_utc(now_unix()) + " " + one_line(line) + "\n";
    // One write() with O_APPEND: concurrent writers cannot interleave mid-line.
    if (!write_all(fd.get(), text.data(), text.size(), l.log()) || ::fsync(fd.get()) != 0)
        log_warn("cannot write " + l.log().string());
}

}  // namespace kiosk::update
