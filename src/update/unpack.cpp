#include "update/unpack.h"

#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <map>
#include <vector>

#include "base/utf8.h"
#include "update/gunzip.h"

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

// Creates each missing directory of `rel` under dest.
Result<Ok> make_dirs(const fs::path& dest, const std::string& rel) {
    fs::path cur = dest;
    for (const auto& part : fs::path(rel)) {
        cur /= part;
        if (::mkdir(cur.c_str(), 0755) == 0)
            continue;
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

// Why a path component is not an acceptable file name, or nullptr. Names are
// shown to staff and stored on the kiosk's file system: UTF-8 text only.
const char* bad_name(std::string_view part) {
    if (!is_valid_utf8(part))
        return "that is not valid UTF-8 text";
    if (part.find('\\') != std::string_view::npos)
        return "with a backslash ('\\'; folders are separated by '/')";
    for (const auto& c : decode_utf8(part)) {
        if (c.cp < 0x20 || (c.cp >= 0x7f && c.cp < 0xa0))
            return "with control characters";
    }
    return nullptr;
}

}  // namespace

// Bytes that would garble a message (control characters, broken UTF-8)
// become '?', so a refusal can always quote the name it refuses.
std::string printable(std::string_view raw) {
    if (!is_valid_utf8(raw)) {
        std::string out(raw);
        for (char& c : out)
            c = static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f ? '?'
                                                                                              : c;
        return out;
    }
    std::string out;
    for (const auto& c : decode_utf8(raw)) {
        if (c.cp < 0x20 || (c.cp >= 0x7f && c.cp < 0xa0))
            out += '?';
        else
            append_utf8(out, c.cp);
    }
    return out;
}

Result<std::string> check_entry_path(std::string_view raw, const UnpackLimits& limits) {
    const std::string shown(printable(raw.substr(0, 200)));
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
        if (auto why = bad_name(part))
            return refuse(shown, std::string("the bundle contains a file name ") + why + " ('" +
                                     printable(shown) + "')");
        if (++depth > limits.max_depth)
            return refuse(shown, "the bundle's folders are nested too deeply");
        if (!out.empty())
            out += '/';
        out += part;
        start = end + 1;
    }
    return out;
}

namespace {

// One archive entry whose name and kind passed the checks.
struct CheckedEntry {
    std::string path;  // normalised, relative; empty = the root folder itself
    bool dir = false;
    std::uint64_t size = 0;  // from the header
};

la_ssize_t gunzip_read(archive* a, void* client, const void** buf) {
    auto* gz = static_cast<Gunzip*>(client);
    const auto piece = gz->next();
    if (!gz->error().empty()) {
        archive_set_error(a, EINVAL, "%s", gz->error().c_str());
        return -1;
    }
    *buf = piece.data();
    return static_cast<la_ssize_t>(piece.size());
}

Result<CheckedEntry> inspect(archive_entry* e, const UnpackLimits& limits) {
    // Raw bytes first (see pack.cpp): no locale-dependent conversion.
    const char* name = archive_entry_pathname(e);
    if (!name)
        name = archive_entry_pathname_utf8(e);
    auto rel = check_entry_path(name ? name : "", limits);
    if (!rel)
        return rel.error();
    const std::string& path = rel.value();
    const std::string shown = path.empty() ? printable(name ? name : "") : path;
    // Hard links are reported with the file type of their target, so check first.
    if (archive_entry_hardlink(e))
        return refuse(shown,
                      "the bundle contains a hard link ('" + shown + "'), which is not allowed");
    const mode_t type = archive_entry_filetype(e);
    if (archive_entry_symlink(e) || (type != AE_IFREG && type != AE_IFDIR))
        return refuse(shown, std::string("the bundle contains ") +
                                 type_name(archive_entry_symlink(e) ? AE_IFLNK : type) + " ('" +
                                 shown + "'), which is not allowed");
    if (type == AE_IFREG && path.empty())
        return refuse(shown, "the bundle contains a file named '" + shown +
                                 "', which is the name of the bundle's top folder");
    const auto size = archive_entry_size_is_set(e) ? archive_entry_size(e) : 0;
    if (size < 0 || static_cast<std::uint64_t>(size) > limits.max_file_bytes)
        return refuse(path, "the file '" + path + "' in the bundle is too large (limit " +
                                std::to_string(limits.max_file_bytes >> 20) + " MiB)");
    return CheckedEntry{path, type == AE_IFDIR, static_cast<std::uint64_t>(size)};
}

Diagnostic damaged(archive* a, const std::string& entry) {
    return refuse(entry, std::string("the bundle's archive is damaged: ") + archive_reason(a));
}

// Reads the payload (exactly one gzip member holding one tar with its end
// blocks and nothing after either) and calls `fn` for each checked entry; `fn`
// may read the entry's data. Stops at the first refusal.
using EntryFn = std::function<Result<Ok>(archive*, const CheckedEntry&, double fraction)>;
Result<Ok> for_each_entry(std::span<const unsigned char> payload, const UnpackLimits& limits,
                          const EntryFn& fn) {
    // Headers (512 bytes, more with long names) come on top of the file data.
    Gunzip gz(payload, limits.max_total_bytes + limits.max_entries * 2048 + (1 << 20));
    if (!gz.error().empty())
        return refuse("", gz.error());
    ArchiveReader a(archive_read_new());
    if (!a)
        return refuse("", "out of memory");
    archive_read_support_format_tar(a.get());  // tar only: the gzip layer is ours
    if (archive_read_open(a.get(), &gz, nullptr, gunzip_read, nullptr) != ARCHIVE_OK)
        return damaged(a.get(), "");
    std::uint64_t entries = 0;
    for (;;) {
        archive_entry* e = nullptr;
        const int r = archive_read_next_header(a.get(), &e);
        if (r == ARCHIVE_EOF)
            break;
        if (r != ARCHIVE_OK)
            return damaged(a.get(), "");
        if (++entries > limits.max_entries)
            return refuse("", "the bundle contains too many files (limit " +
                                  std::to_string(limits.max_entries) + ")");
        auto checked = inspect(e, limits);
        if (!checked)
            return checked.error();
        if (auto done = fn(a.get(), checked.value(), gz.fraction_consumed()); !done)
            return done;
    }
    // The tar reader stops after the end blocks; whatever it did not consume
    // (decompressed up to the end of the gzip member) would follow them.
    const auto consumed = static_cast<std::uint64_t>(archive_filter_bytes(a.get(), 0));
    while (gz.error().empty() && !gz.finished())
        (void)gz.next();
    if (!gz.error().empty())
        return refuse("", gz.error());
    if (gz.produced() != consumed || !gz.ends_with_zero_blocks())
        return refuse("", "the bundle's archive does not end where it should (" +
                              std::to_string(gz.produced() - std::min(consumed, gz.produced())) +
                              " bytes follow the end of the file list, or the end marker is "
                              "missing); make the bundle again with 'kiosk bundle'");
    return Ok{};
}

// Pass 1: every header, no data written. Counts, sizes, duplicates and
// file/folder clashes are known before the first file is created.
Result<Ok> scan(std::span<const unsigned char> payload, const UnpackLimits& limits) {
    enum class Kind { File, Dir, ImpliedDir };
    std::map<std::string, Kind> seen;
    std::uint64_t total = 0;
    return for_each_entry(
        payload, limits, [&](archive*, const CheckedEntry& c, double) -> Result<Ok> {
            if (c.path.empty())
                return Ok{};
            total += c.size;
            if (total > limits.max_total_bytes)
                return refuse(c.path, "the bundle unpacks to too much data (limit " +
                                          std::to_string(limits.max_total_bytes >> 20) + " MiB)");
            const auto clash =
                refuse(c.path, "the bundle uses '" + c.path + "' both as a file and as a folder");
            for (auto slash = c.path.find('/'); slash != std::string::npos;
                 slash = c.path.find('/', slash + 1)) {
                const auto [it, fresh] = seen.emplace(c.path.substr(0, slash), Kind::ImpliedDir);
                if (!fresh && it->second == Kind::File)
                    return clash;
            }
            const auto [it, fresh] = seen.emplace(c.path, c.dir ? Kind::Dir : Kind::File);
            if (fresh)
                return Ok{};
            if (!c.dir && it->second != Kind::File)
                return clash;
            if (c.dir && it->second == Kind::File)
                return clash;
            if (it->second == Kind::ImpliedDir) {
                it->second = Kind::Dir;
                return Ok{};
            }
            return refuse(c.path, "the bundle contains '" + c.path + "' twice");
        });
}

Result<Ok> write_entry(archive* a, const fs::path& dest, const CheckedEntry& c,
                       const UnpackLimits& limits, UnpackStats& stats, std::vector<char>& buf) {
    if (c.dir)
        return c.path.empty() ? Result<Ok>(Ok{}) : make_dirs(dest, c.path);
    const fs::path parent = fs::path(c.path).parent_path();
    if (!parent.empty()) {
        if (auto d = make_dirs(dest, parent.string()); !d)
            return d;
    }
    const fs::path target = dest / c.path;
    UniqueFd fd(::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (!fd.valid())
        return errno == EEXIST ? refuse(c.path, "the bundle contains '" + c.path + "' twice")
                               : make_error(target, "cannot create file: " + describe_errno(errno));
    std::uint64_t file_bytes = 0;
    for (;;) {
        const la_ssize_t n = archive_read_data(a, buf.data(), buf.size());
        if (n == 0)
            break;
        if (n < 0)
            return damaged(a, c.path);
        // Counted again while writing: the scan trusted the headers' sizes.
        file_bytes += static_cast<std::uint64_t>(n);
        stats.bytes_written += static_cast<std::uint64_t>(n);
        if (file_bytes > limits.max_file_bytes || stats.bytes_written > limits.max_total_bytes)
            return refuse(c.path, "the bundle unpacks to too much data");
        if (auto w = write_all(fd.get(), buf.data(), static_cast<std::size_t>(n), target); !w)
            return w;
    }
    if (::close(fd.release()) != 0)
        return make_error(target, "saving to storage failed: " + describe_errno(errno));
    return Ok{};
}

}  // namespace

Result<Ok> unpack_payload(std::span<const unsigned char> payload, const fs::path& dest,
                          const UnpackLimits& limits, UnpackStats& stats,
                          const std::function<void(double)>& progress) {
    if (auto ok = scan(payload, limits); !ok)
        return ok;
    if (progress)
        progress(0.3);
    std::vector<char> buf(1 << 16);
    auto written =
        for_each_entry(payload, limits, [&](archive* a, const CheckedEntry& c, double f) {
            ++stats.entries;
            if (progress)
                progress(0.3 + 0.6 * f);
            return write_entry(a, dest, c, limits, stats, buf);
        });
    if (!written)
        return written;
    // Durable in one go: syncfs flushes every file and folder just written
    // (and their names), far cheaper than an fsync per file on an SD card.
    UniqueFd dir(::open(dest.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir.valid() || ::syncfs(dir.get()) != 0)
        return make_error(dest, "saving to storage failed: " + describe_errno(errno));
    if (progress)
        progress(1.0);
    return Ok{};
}

}  // namespace kiosk::update
