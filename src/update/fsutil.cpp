#include "update/fsutil.h"

#include <archive_entry.h>
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <ctime>

namespace kiosk::update {

void ArchiveEntryDeleter::operator()(archive_entry* e) const {
    archive_entry_free(e);
}

Diagnostic make_error(const fs::path& where, std::string message) {
    Diagnostic d;
    d.severity = Severity::Error;
    d.where.file = where.string();
    d.message = std::move(message);
    return d;
}

std::string describe_errno(int err) {
    switch (err) {
        case ENOSPC:
        case EDQUOT:
            return "the kiosk's storage is full";
        case EIO:
            return "a read/write error happened (was the USB stick pulled out?)";
        case ENOENT:
            return "the file is gone (was the USB stick pulled out?)";
        case EROFS:
            return "the storage is read-only";
        case EACCES:
        case EPERM:
            return "permission denied";
        default:
            return std::strerror(err);
    }
}

const char* kind_of_file(unsigned mode) {
    switch (mode & S_IFMT) {
        case S_IFREG:
            return "a plain file";
        case S_IFDIR:
            return "a folder";
        case S_IFLNK:
            return "a symbolic link (a shortcut)";
        case S_IFIFO:
            return "a FIFO (named pipe)";
        case S_IFSOCK:
            return "a socket";
        default:
            return "a device file";
    }
}

Result<std::vector<unsigned char>> read_file_limited(
    const fs::path& file, std::uint64_t max_bytes,
    const std::function<void(std::uint64_t)>& on_chunk) {
    // O_NONBLOCK so that opening a FIFO never hangs; O_NOFOLLOW because a
    // bundle is a plain file, never a link into the kiosk's own file system.
    UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
    if (!fd.valid() && errno == ELOOP)
        return make_error(file,
                          "this is a symbolic link (a shortcut), not the update file itself; copy "
                          "the .kiosk file onto the stick");
    if (!fd.valid())
        return make_error(file, "cannot open the file: " + describe_errno(errno));
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0)
        return make_error(file, "cannot read the file: " + describe_errno(errno));
    if (!S_ISREG(st.st_mode))
        return make_error(file, std::string("this is ") + kind_of_file(st.st_mode) +
                                    ", not a plain file; copy the .kiosk file itself");
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > max_bytes)
        return make_error(file, "the file is too large (" + std::to_string(size) +
                                    " bytes; the limit is " + std::to_string(max_bytes) + ")");
    std::vector<unsigned char> data(size);
    std::uint64_t got = 0;
    while (got < size) {
        const std::size_t want = std::min<std::uint64_t>(size - got, 1 << 20);
        const ssize_t n = ::read(fd.get(), data.data() + got, want);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            return make_error(file, "reading the file failed: " + describe_errno(errno));
        }
        if (n == 0)
            return make_error(file, "the file ended early (" + std::to_string(got) + " of " +
                                        std::to_string(size) +
                                        " bytes; was the USB stick pulled out?)");
        got += static_cast<std::uint64_t>(n);
        if (on_chunk)
            on_chunk(got);
    }
    // A file that grew while we read it is not the file we measured either.
    unsigned char extra = 0;
    const ssize_t n = ::read(fd.get(), &extra, 1);
    if (n != 0)
        return make_error(file, "the file changed while it was being read");
    return data;
}

Result<Ok> write_all(int fd, const void* data, std::size_t size, const fs::path& what) {
    const auto* p = static_cast<const unsigned char*>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, p, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return make_error(what, "writing failed: " + describe_errno(errno));
        }
        p += n;
        size -= static_cast<std::size_t>(n);
    }
    return Ok{};
}

Result<Ok> fsync_path(const fs::path& p) {
    UniqueFd fd(::open(p.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd.valid())
        return make_error(p, "cannot open for sync: " + describe_errno(errno));
    if (::fsync(fd.get()) != 0)
        return make_error(p, "saving to storage failed: " + describe_errno(errno));
    return Ok{};
}

Result<Ok> write_file_atomic(const fs::path& file, std::string_view data, unsigned mode) {
    const fs::path tmp = file.string() + ".tmp-" + random_hex(4);
    {
        UniqueFd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                           static_cast<mode_t>(mode)));
        if (!fd.valid())
            return make_error(tmp, "cannot create: " + describe_errno(errno));
        auto w = write_all(fd.get(), data.data(), data.size(), tmp);
        if (w && ::fsync(fd.get()) != 0)
            w = make_error(tmp, "saving to storage failed: " + describe_errno(errno));
        if (!w) {
            ::unlink(tmp.c_str());
            return w;
        }
    }
    if (::rename(tmp.c_str(), file.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return make_error(file, "cannot replace: " + describe_errno(err));
    }
    return fsync_path(file.parent_path().empty() ? fs::path(".") : file.parent_path());
}

bool remove_tree(const fs::path& p) {
    std::error_code ec;
    fs::remove_all(p, ec);
    return !ec;
}

std::string random_hex(std::size_t bytes) {
    std::vector<unsigned char> buf(bytes);
    randombytes_buf(buf.data(), buf.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), buf.data(), buf.size());
    hex.pop_back();
    return hex;
}

std::string iso_utc(std::int64_t unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::int64_t now_unix() {
    return static_cast<std::int64_t>(std::time(nullptr));
}

}  // namespace kiosk::update
