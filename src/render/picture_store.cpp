#include "render/picture_store.h"

#include <fcntl.h>
#include <sodium.h>
#include <stb_image_resize.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>

#include "base/log.h"
#include "content/picture.h"

namespace kiosk::render {
namespace fs = std::filesystem;
namespace {

constexpr char kMagic[4] = {'K', 'S', 'P', '1'};
struct Header {
    char magic[4];
    uint32_t w, h, crc;  // native byte order: entries never leave the device that wrote them
};
static_assert(sizeof(Header) == 16);

// Temporaries older than this were left by a cut power or a killed process.
constexpr auto kStaleTemp = std::chrono::minutes(10);

struct Fd {
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    ~Fd() {
        if (fd >= 0)
            ::close(fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
};

bool read_all(int fd, void* buf, size_t n) {
    auto* p = static_cast<uint8_t*>(buf);
    while (n > 0) {
        const ssize_t got = ::read(fd, p, n);
        if (got <= 0)
            return false;
        p += got;
        n -= static_cast<size_t>(got);
    }
    return true;
}

bool write_all(int fd, const void* buf, size_t n) {
    const auto* p = static_cast<const uint8_t*>(buf);
    while (n > 0) {
        const ssize_t put = ::write(fd, p, n);
        if (put <= 0)
            return false;
        p += put;
        n -= static_cast<size_t>(put);
    }
    return true;
}

uint32_t crc_of(const std::vector<uint8_t>& px) {
    // zlib's crc32 takes a uInt length: the pixels are at most 4096² × 4 bytes, under 2³².
    return static_cast<uint32_t>(::crc32(0, px.data(), static_cast<uInt>(px.size())));
}

// The entry's name: the picture file's bytes and the drawn size.
std::string entry_name(const std::vector<uint8_t>& source, int w, int h) {
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, source.data(), source.size(), nullptr, 0);
    char hex[sizeof hash * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return std::string(hex) + '-' + std::to_string(w) + 'x' + std::to_string(h) + ".rgba";
}

// The entry's pixels if it is whole and is what its name says; else nothing.
std::vector<uint8_t> read_entry(const fs::path& entry, int w, int h) {
    Fd f(::open(entry.c_str(), O_RDONLY | O_CLOEXEC));
    struct stat st {};
    const size_t px_bytes = static_cast<size_t>(w) * static_cast<size_t>(h) * 4;
    if (f.fd < 0 || ::fstat(f.fd, &st) != 0 ||
        static_cast<size_t>(st.st_size) != sizeof(Header) + px_bytes)
        return {};
    Header hd{};
    if (!read_all(f.fd, &hd, sizeof hd) || std::memcmp(hd.magic, kMagic, 4) != 0 ||
        hd.w != static_cast<uint32_t>(w) || hd.h != static_cast<uint32_t>(h))
        return {};
    std::vector<uint8_t> px(px_bytes);
    if (!read_all(f.fd, px.data(), px.size()) || crc_of(px) != hd.crc)
        return {};
    return px;
}

struct Seen {
    fs::file_time_type mtime;
    uint64_t bytes;
    fs::path path;
};

// The store's entries, most recently used first; sweeps stale temporaries.
// Bounded: a directory flooded with files costs one pass of `max_scan`.
std::vector<Seen> scan(const fs::path& dir, size_t max_scan) {
    std::vector<Seen> entries;
    std::error_code ec;
    const auto now = fs::file_time_type::clock::now();
    size_t scanned = 0;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end && scanned < max_scan;
         it.increment(ec), ++scanned) {
        std::error_code e;  // one unreadable entry does not end the scan
        const fs::path& p = it->path();
        const auto mtime = it->last_write_time(e);
        if (e || !it->is_regular_file(e))
            continue;
        const std::string name = p.filename().string();
        if (name.rfind(".tmp-", 0) == 0) {
            if (now - mtime > kStaleTemp)
                fs::remove(p, e);
        } else if (p.extension() == ".rgba") {
            entries.push_back({mtime, it->file_size(e), p});
        }
    }
    std::sort(entries.begin(), entries.end(),
              [](const Seen& a, const Seen& b) { return a.mtime > b.mtime; });
    return entries;
}

}  // namespace

std::vector<uint8_t> cover_picture(const uint8_t* rgba, int w0, int h0, int w, int h) {
    const float target = static_cast<float>(w) / static_cast<float>(h);
    const float src_aspect = static_cast<float>(w0) / static_cast<float>(h0);
    int cw = w0, ch = h0;
    if (src_aspect > target)
        cw = std::max(1, static_cast<int>(static_cast<float>(ch) * target));
    else
        ch = std::max(1, static_cast<int>(static_cast<float>(cw) / target));
    const int x0 = (w0 - cw) / 2, y0 = (h0 - ch) / 2;
    const uint8_t* src = rgba + (static_cast<size_t>(y0) * w0 + x0) * 4;
    std::vector<uint8_t> out(static_cast<size_t>(w) * h * 4);
    stbir_resize_uint8_srgb(src, cw, ch, w0 * 4, out.data(), w, h, w * 4, 4, 3, 0);
    return out;
}

std::shared_ptr<const ScaledPictures> ScaledPictures::open(const fs::path& dir,
                                                           StoreLimits limits) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || sodium_init() < 0) {
        log_warn("scaled pictures: cannot use " + dir.string() + ": " + ec.message() +
                 "; pictures are scaled on every load");
        return nullptr;
    }
    return std::shared_ptr<const ScaledPictures>(new ScaledPictures(dir, limits));
}

Result<std::vector<uint8_t>> ScaledPictures::load(const std::string& path, int w, int h) const {
    auto source = content::read_picture_bytes(path, path);
    if (!source)
        return source.error();
    const fs::path entry = dir_ / entry_name(source.value(), w, h);
    if (auto px = read_entry(entry, w, h); !px.empty()) {
        ::utimensat(AT_FDCWD, entry.c_str(), nullptr, 0);  // recently used: evicted last
        return px;
    }
    return scale_into(entry, source.value(), path, w, h);
}

Result<std::vector<uint8_t>> ScaledPictures::scale_into(const fs::path& entry,
                                                        const std::vector<uint8_t>& source,
                                                        const std::string& path, int w,
                                                        int h) const {
    auto img = content::decode_picture_bytes(source.data(), source.size(), path);
    if (!img)
        return img.error();
    auto px = cover_picture(img.value().rgba.data(), img.value().width, img.value().height, w, h);
    store(entry, w, h, px);
    return px;
}

Result<bool> ScaledPictures::keep(const std::string& path, int w, int h) const {
    auto source = content::read_picture_bytes(path, path);
    if (!source)
        return source.error();
    const fs::path entry = dir_ / entry_name(source.value(), w, h);
    std::error_code ec;
    const auto size = fs::file_size(entry, ec);
    if (!ec && size == sizeof(Header) + static_cast<uint64_t>(w) * static_cast<uint64_t>(h) * 4)
        return false;  // its pixels are checked when a page reads them
    auto scaled = scale_into(entry, source.value(), path, w, h);  // the bytes read once
    if (!scaled)
        return scaled.error();
    return true;
}

void ScaledPictures::store(const fs::path& entry, int w, int h,
                           const std::vector<uint8_t>& rgba) const {
    const uint64_t bytes = sizeof(Header) + rgba.size();
    if (bytes > limits_.max_entry_bytes || !make_room(bytes))
        return;  // not worth a card write: the picture is still shown, only not kept
    std::string tmp = (dir_ / ".tmp-XXXXXX").string();
    Fd f(::mkostemp(tmp.data(), O_CLOEXEC));
    if (f.fd < 0)
        return;  // a full or read-only card: the picture is still shown, only not kept
    Header hd{};
    std::memcpy(hd.magic, kMagic, 4);
    hd.w = static_cast<uint32_t>(w);
    hd.h = static_cast<uint32_t>(h);
    hd.crc = crc_of(rgba);
    const bool ok = write_all(f.fd, &hd, sizeof hd) && write_all(f.fd, rgba.data(), rgba.size()) &&
                    ::fsync(f.fd) == 0;
    if (!ok || ::rename(tmp.c_str(), entry.c_str()) != 0) {
        ::unlink(tmp.c_str());
        return;
    }
    trim();  // threads that made room at once may together have overshot
}

bool ScaledPictures::make_room(uint64_t incoming) const {
    if (incoming > limits_.max_bytes || limits_.max_files == 0)
        return false;
    const auto entries = scan(dir_, limits_.max_files * 4);
    const auto recent = fs::file_time_type::clock::now() - limits_.keep_recent;
    uint64_t bytes = incoming;
    size_t keep = 0;  // the newest entries that fit beside the incoming one
    while (keep < entries.size() && keep + 1 < limits_.max_files &&
           bytes + entries[keep].bytes <= limits_.max_bytes)
        bytes += entries[keep++].bytes;
    if (keep < entries.size() && entries[keep].mtime > recent)
        return false;  // the working set fills the store
    std::error_code ec;
    for (size_t i = keep; i < entries.size(); ++i)
        fs::remove(entries[i].path, ec);  // already gone (another thread evicted it): fine
    return true;
}

void ScaledPictures::trim() const {
    const auto entries = scan(dir_, limits_.max_files * 4);
    uint64_t bytes = 0;
    std::error_code ec;
    for (size_t i = 0; i < entries.size(); ++i) {
        bytes += entries[i].bytes;
        if (i >= limits_.max_files || bytes > limits_.max_bytes)
            fs::remove(entries[i].path, ec);  // already gone (another thread evicted it): fine
    }
}

Result<std::vector<uint8_t>> scaled_picture(const ScaledPictures* store, const std::string& path,
                                            int w, int h) {
    if (store)
        return store->load(path, w, h);
    auto img = content::decode_picture(path, path);
    if (!img)
        return img.error();
    return cover_picture(img.value().rgba.data(), img.value().width, img.value().height, w, h);
}

}  // namespace kiosk::render
