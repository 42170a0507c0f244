#include "update/unpack.h"

#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <vector>

namespace kiosk::update {

namespace {

Diagnostic refuse(const std::string& entry, const std::string& why) {
    return make_error("bundle:" + entry, why);
}

const char* type_name(mode_t type) {
    switch (type) {
        case AE_IFLNK:
            return "a symbolic link";
        case AE_IFCHR:
            return "a device file (character device)";
        case AE_IFBLK:
            return "a device file (block device)";
        case AE_IFIFO:
            return "a FIFO (named pipe)";
        case AE_IFSOCK:
            return "a socket";
        default:
            return "an unsupported kind of file";
    }
}

// Creates each missing directory of `rel` under dest; remembers new ones so
// they can be fsync'ed at the end.
Result<Ok> make_dirs(const fs::path& dest, const std::string& rel, std::vector<fs::path>& created) {
    fs::path cur = dest;
    for (const auto& part : fs::path(rel)) {
        cur /= part;
        if (::mkdir(cur.c_str(), 0755) == 0) {
            created.push_back(cur);
            continue;
        }
        if (errno != EEXIST)
            return make_error(cur, "cannot create folder: " + describe_errno(errno));
        struct stat st {};
        // lstat: nothing but our own directories can exist here (we never create
        // links), but check instead of assuming.
        if (::lstat(cur.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
            return refuse(rel, "the bundle uses '" + rel + "' both as a file and as a folder");
    }
    return Ok{};
}

}  // namespace

Result<std::string> check_entry_path(std::string_view raw, const UnpackLimits& limits) {
    const std::string shown(raw.substr(0, 200));
    if (raw.empty())
        return refuse(shown, "the bundle contains an entry without a name");
    if (raw.size() > limits.max_path_bytes)
        return refuse(shown, "the bundle contains a path that is too long");
    if (raw.front() == '/')
        return refuse(
            shown, "the bundle contains an absolute path ('" + shown + "'), which is not allowed");
    std::string_view s = raw;
    while (s.starts_with("./"))
        s.remove_prefix(2);
    while (s.ends_with('/'))
        s.remove_suffix(1);
    if (s.empty() || s == ".")
        return std::string();  // the root itself
    std::string out;
    int depth = 0;
    std::size_t start = 0;
    while (start <= s.size()) {
        const std::size_t end = std::min(s.find('/', start), s.size());
        const std::string_view part = s.substr(start, end - start);
        if (part == "..")
            return refuse(
                shown, "the bundle contains a path leading outside its folder ('" + shown + "')");
        if (part.empty() || part == "." || part.size() > 255)
            return refuse(shown, "the bundle contains a malformed path ('" + shown + "')");
        if (std::any_of(part.begin(), part.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
            return refuse(shown, "the bundle contains a file name with control characters");
        if (++depth > limits.max_depth)
            return refuse(shown, "the bundle's folders are nested too deeply");
        if (!out.empty())
            out += '/';
        out += part;
        start = end + 1;
    }
    return out;
}

Result<Ok> unpack_payload(std::span<const unsigned char> payload, const fs::path& dest,
                          const UnpackLimits& limits, UnpackStats& stats,
                          const std::function<void(double)>& progress) {
    ArchiveReader a(archive_read_new());
    if (!a)
        return make_error(dest, "out of memory");
    // Only what 'kiosk bundle' produces: tar (+gzip). Fewer decoders, less attack surface.
    archive_read_support_filter_gzip(a.get());
    archive_read_support_format_tar(a.get());
    if (archive_read_open_memory(a.get(), payload.data(), payload.size()) != ARCHIVE_OK)
        return refuse("",
                      std::string("the bundle's archive is damaged: ") + archive_reason(a.get()));

    std::vector<fs::path> dirs{dest};
    std::vector<char> buf(1 << 16);
    for (;;) {
        archive_entry* e = nullptr;
        const int r = archive_read_next_header(a.get(), &e);
        if (r == ARCHIVE_EOF)
            break;
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN)
            return refuse(
                "", std::string("the bundle's archive is damaged: ") + archive_reason(a.get()));
        if (++stats.entries > limits.max_entries)
            return refuse("", "the bundle contains too many files (limit " +
                                  std::to_string(limits.max_entries) + ")");
        // Raw bytes first (see pack.cpp): no locale-dependent conversion.
        const char* name = archive_entry_pathname(e);
        if (!name)
            name = archive_entry_pathname_utf8(e);
        auto rel = check_entry_path(name ? name : "", limits);
        if (!rel)
            return rel.error();
        const std::string& path = rel.value();
        // Hard links are reported with the file type of their target, so check first.
        if (archive_entry_hardlink(e))
            return refuse(path,
                          "the bundle contains a hard link ('" + path + "'), which is not allowed");
        const mode_t type = archive_entry_filetype(e);
        if (archive_entry_symlink(e) || (type != AE_IFREG && type != AE_IFDIR))
            return refuse(path, std::string("the bundle contains ") +
                                    type_name(archive_entry_symlink(e) ? AE_IFLNK : type) + " ('" +
                                    path + "'), which is not allowed");
        if (type == AE_IFDIR) {
            if (!path.empty()) {
                auto d = make_dirs(dest, path, dirs);
                if (!d)
                    return d;
            }
            continue;
        }
        if (path.empty())
            return refuse(path, "the bundle contains a malformed path");
        if (archive_entry_size_is_set(e) &&
            static_cast<std::uint64_t>(archive_entry_size(e)) > limits.max_file_bytes)
            return refuse(path, "the file '" + path + "' in the bundle is too large (limit " +
                                    std::to_string(limits.max_file_bytes >> 20) + " MiB)");
        const fs::path parent = fs::path(path).parent_path();
        if (!parent.empty()) {
            auto d = make_dirs(dest, parent.string(), dirs);
            if (!d)
                return d;
        }
        const fs::path target = dest / path;
        UniqueFd fd(
            ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
        if (!fd.valid())
            return errno == EEXIST
                       ? refuse(path, "the bundle contains '" + path + "' twice")
                       : make_error(target, "cannot create file: " + describe_errno(errno));
        std::uint64_t file_bytes = 0;
        for (;;) {
            const la_ssize_t n = archive_read_data(a.get(), buf.data(), buf.size());
            if (n == 0)
                break;
            if (n < 0)
                return refuse(path, std::string("the bundle's archive is damaged: ") +
                                        archive_reason(a.get()));
            // Count what is really decompressed: headers can lie (archive bombs).
            file_bytes += static_cast<std::uint64_t>(n);
            stats.bytes_written += static_cast<std::uint64_t>(n);
            if (file_bytes > limits.max_file_bytes)
                return refuse(path, "the file '" + path + "' in the bundle is too large (limit " +
                                        std::to_string(limits.max_file_bytes >> 20) + " MiB)");
            if (stats.bytes_written > limits.max_total_bytes)
                return refuse(path, "the bundle unpacks to too much data (limit " +
                                        std::to_string(limits.max_total_bytes >> 20) + " MiB)");
            auto w = write_all(fd.get(), buf.data(), static_cast<std::size_t>(n), target);
            if (!w)
                return w;
        }
        if (::fsync(fd.get()) != 0 || ::close(fd.release()) != 0)
            return make_error(target, "saving to storage failed: " + describe_errno(errno));
        if (progress && payload.size() > 0)
            progress(std::min(1.0, static_cast<double>(archive_filter_bytes(a.get(), -1)) /
                                       static_cast<double>(payload.size())));
    }
    // Directory entries must be durable too, or a power cut could lose names of
    // files whose data is already on disk. Deepest first, dest last.
    std::sort(dirs.begin(), dirs.end(), [](const fs::path& x, const fs::path& y) {
        return x.string().size() > y.string().size();
    });
    for (const auto& d : dirs) {
        auto s = fsync_path(d);
        if (!s)
            return s;
    }
    return Ok{};
}

}  // namespace kiosk::update
