#include "update/pack.h"

#include <archive_entry.h>
#include <fcntl.h>

#include <algorithm>

namespace kiosk::update {

namespace {

struct Sink {
    std::vector<unsigned char>* out;
    std::uint64_t max;
};

la_ssize_t sink_write(archive*, void* client, const void* buf, size_t n) {
    auto* s = static_cast<Sink*>(client);
    if (s->out->size() + n > s->max)
        return -1;  // surfaces as "too large" below
    const auto* p = static_cast<const unsigned char*>(buf);
    s->out->insert(s->out->end(), p, p + n);
    return static_cast<la_ssize_t>(n);
}

struct Item {
    std::string rel;  // '/'-separated, no leading "./"
    bool dir;
};

}  // namespace

Result<std::vector<unsigned char>> pack_directory(const fs::path& root, std::uint64_t max_bytes) {
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        return make_error(root, "not a directory");
    std::vector<Item> items;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        const auto st = it->symlink_status(ec);
        if (ec)
            break;
        const std::string rel = fs::relative(it->path(), root, ec).generic_string();
        // The kiosk's own Simplified cache (content/simplified_cache.h) is made
        // where content is shown, never shipped.
        if (rel.rfind("simplified.cache", 0) == 0)
            continue;
        if (fs::is_symlink(st))
            return make_error(it->path(),
                              "symbolic links are not allowed in content; copy the file instead");
        if (fs::is_directory(st))
            items.push_back({rel, true});
        else if (fs::is_regular_file(st))
            items.push_back({rel, false});
        else
            return make_error(it->path(), "only plain files and folders are allowed in content");
    }
    if (ec)
        return make_error(root, "cannot list the content folder: " + ec.message());
    // Byte-wise order of the UTF-8 path: independent of locale and file system.
    std::sort(items.begin(), items.end(),
              [](const Item& a, const Item& b) { return a.rel < b.rel; });

    std::vector<unsigned char> out;
    Sink sink{&out, max_bytes};
    ArchiveWriter a(archive_write_new());
    if (!a)
        return make_error(root, "out of memory");
    archive_write_set_format_pax_restricted(a.get());
    // File names are stored as the raw bytes the file system gave us (UTF-8 in
    // practice). Letting libarchive convert them goes through the process
    // locale, which fails (and crashed libarchive 3.6) in the "C" locale.
    archive_write_set_format_option(a.get(), "pax", "hdrcharset", "BINARY");
    archive_write_add_filter_gzip(a.get());
    // No timestamp in the gzip header: reproducible payloads.
    archive_write_set_filter_option(a.get(), "gzip", "timestamp", nullptr);
    archive_write_set_bytes_in_last_block(a.get(), 1);
    if (archive_write_open(a.get(), &sink, nullptr, sink_write, nullptr) != ARCHIVE_OK)
        return make_error(root,
                          std::string("cannot start the archive: ") + archive_reason(a.get()));

    std::vector<char> buf(1 << 16);
    for (const Item& item : items) {
        ArchiveEntry e(archive_entry_new());
        archive_entry_set_pathname(e.get(), item.rel.c_str());
        archive_entry_set_mtime(e.get(), 0, 0);
        archive_entry_set_uid(e.get(), 0);
        archive_entry_set_gid(e.get(), 0);
        const fs::path full = root / fs::path(item.rel);
        if (item.dir) {
            archive_entry_set_filetype(e.get(), AE_IFDIR);
            archive_entry_set_perm(e.get(), 0755);
        } else {
            const auto size = fs::file_size(full, ec);
            if (ec)
                return make_error(full, "cannot read: " + ec.message());
            archive_entry_set_filetype(e.get(), AE_IFREG);
            archive_entry_set_perm(e.get(), 0644);
            archive_entry_set_size(e.get(), static_cast<la_int64_t>(size));
        }
        if (archive_write_header(a.get(), e.get()) != ARCHIVE_OK)
            return make_error(full, out.size() >= max_bytes
                                        ? "the content is too large for one bundle"
                                        : archive_reason(a.get()));
        if (item.dir)
            continue;
        UniqueFd fd(::open(full.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
        if (!fd.valid())
            return make_error(full, "cannot open: " + describe_errno(errno));
        std::uint64_t remaining = fs::file_size(full, ec);
        while (remaining > 0) {
            const ssize_t n =
                ::read(fd.get(), buf.data(), std::min<std::uint64_t>(buf.size(), remaining));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return make_error(full, "the file changed or could not be read while bundling");
            if (archive_write_data(a.get(), buf.data(), static_cast<size_t>(n)) != n)
                return make_error(full, out.size() >= max_bytes
                                            ? "the content is too large for one bundle"
                                            : archive_reason(a.get()));
            remaining -= static_cast<std::uint64_t>(n);
        }
    }
    if (archive_write_close(a.get()) != ARCHIVE_OK)
        return make_error(root, out.size() >= max_bytes ? "the content is too large for one bundle"
                                                        : archive_reason(a.get()));
    return out;
}

}  // namespace kiosk::update
