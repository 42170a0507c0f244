#include "test_util.h"

#include <zlib.h>

#include <gtest/gtest.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "content/simplified_cache.h"

namespace kiosk::update::test {

TempDir::TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "kiosk-update-test-XXXXXX").string();
    if (!::mkdtemp(tmpl.data()))
        throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void write_text(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void make_content(const fs::path& dir, std::int64_t version, std::size_t picture_bytes) {
    const std::string v = std::to_string(version);
    write_text(dir / "event.yaml", "# test event\nversion: " + v + "\ntitle: Week " + v + "\n");
    write_text(dir / "about.yaml", "about: version " + v + "\n");
    write_text(dir / "strings.yaml", "hello: 你好 " + v + "\n");
    write_text(dir / "areas/hall-a.yaml", "name: Hall A " + v + "\n");
    write_text(dir / "areas/hall-b.yaml", "name: Hall B " + v + "\n");
    std::string png(512, '\0');
    randombytes_buf(png.data(), png.size());
    write_text(dir / "icons/a.png", png);
    std::string pic(picture_bytes, '\0');
    randombytes_buf(pic.data(), pic.size());
    write_text(dir / "pictures/p.jpg", pic);
}

Diagnostics test_validator(const fs::path& content_dir) {
    Diagnostics d;
    if (!fs::exists(content_dir / "event.yaml"))
        d.error({"event.yaml"}, "event.yaml is missing");
    for (const auto& e : fs::recursive_directory_iterator(content_dir))
        if (e.path().extension() == ".yaml" &&
            read_text(e.path()).find("INVALID") != std::string::npos)
            d.error({e.path().filename().string(), 1, 1}, "invalid value");
    return d;
}

Manifest manifest(const fs::path& dir) {
    Manifest m;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        const std::string rel = fs::relative(e.path(), dir).generic_string();
        if (rel == content::kSimplifiedCacheFile)
            continue;  // derived where content is shown; a bundle never carries it
        m[rel] = e.is_directory() ? "<dir>" : read_text(e.path());
    }
    return m;
}

SecretKey new_key() {
    if (sodium_init() < 0)
        throw std::runtime_error("sodium_init");
    SecretKey sk;
    PublicKey pk;
    crypto_sign_keypair(pk.bytes.data(), sk.bytes.data());
    return sk;
}

fs::path bundle_file(const fs::path& content_dir, const SecretKey& key, std::int64_t version,
                     const fs::path& out, const std::string& label) {
    BundleOptions o;
    o.version = version;
    o.label = label;
    auto h = write_bundle_file(content_dir, key, o, out);
    if (!h)
        throw std::runtime_error(h.error().str());
    return out;
}

namespace {
la_ssize_t append_cb(archive*, void* client, const void* buf, size_t n) {
    auto* v = static_cast<std::vector<unsigned char>*>(client);
    v->insert(v->end(), static_cast<const unsigned char*>(buf),
              static_cast<const unsigned char*>(buf) + n);
    return static_cast<la_ssize_t>(n);
}
}  // namespace

std::vector<unsigned char> gzip(const std::vector<unsigned char>& raw) {
    z_stream z{};
    if (deflateInit2(&z, 9, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2");
    std::vector<unsigned char> out(deflateBound(&z, raw.size()) + 64);
    z.next_in = const_cast<Bytef*>(raw.data());
    z.avail_in = static_cast<uInt>(raw.size());
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(out.size());
    const int r = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (r != Z_STREAM_END)
        throw std::runtime_error("deflate");
    return out;
}

std::vector<unsigned char> craft_payload(const std::vector<CraftEntry>& entries, bool compress) {
    std::vector<unsigned char> out;
    ArchiveWriter a(archive_write_new());
    archive_write_set_format_pax_restricted(a.get());
    archive_write_set_format_option(a.get(), "pax", "hdrcharset", "BINARY");  // as pack.cpp
    if (compress) {
        archive_write_add_filter_gzip(a.get());
        // Level 9: bombs of zeros stay under 1 MiB (about 1000:1).
        archive_write_set_filter_option(a.get(), "gzip", "compression-level", "9");
    }
    // Like 'kiosk bundle': the tar ends with its end blocks, no record padding.
    archive_write_set_bytes_in_last_block(a.get(), 1);
    archive_write_open(a.get(), &out, nullptr, append_cb, nullptr);
    const std::vector<char> zeros(1 << 20, 0);
    for (const auto& c : entries) {
        ArchiveEntry e(archive_entry_new());
        archive_entry_set_pathname(e.get(), c.path.c_str());
        archive_entry_set_filetype(e.get(), c.type);
        archive_entry_set_perm(e.get(), c.type == AE_IFDIR ? 0755 : 0644);
        if (c.type == AE_IFLNK)
            archive_entry_set_symlink(e.get(), c.link.c_str());
        if (c.type == AE_IFCHR)
            archive_entry_set_rdev(e.get(), makedev(1, 3));
        if (!c.link.empty() && c.type == AE_IFREG)
            archive_entry_set_hardlink(e.get(), c.link.c_str());
        if (c.type == AE_IFREG && c.link.empty())
            archive_entry_set_size(e.get(), static_cast<la_int64_t>(c.data.size() + c.zero_bytes));
        if (archive_write_header(a.get(), e.get()) != ARCHIVE_OK)
            throw std::runtime_error(archive_error_string(a.get()));
        if (!c.data.empty())
            archive_write_data(a.get(), c.data.data(), c.data.size());
        for (std::uint64_t left = c.zero_bytes; left > 0;) {
            const std::size_t n = std::min<std::uint64_t>(left, zeros.size());
            archive_write_data(a.get(), zeros.data(), n);
            left -= n;
        }
    }
    archive_write_close(a.get());
    return out;
}

std::vector<unsigned char> seal(const std::vector<unsigned char>& payload, const SecretKey& key,
                                std::int64_t version) {
    BundleHeader h;
    h.content_version = version;
    h.created_unix = 1696118400;
    h.label = "crafted";
    auto r = seal_bundle(h, payload, key);
    if (!r)
        throw std::runtime_error(r.error().str());
    return r.value();
}

void write_bytes(const fs::path& file, const std::vector<unsigned char>& bytes) {
    std::ofstream(file, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
}

std::vector<unsigned char> read_bytes(const fs::path& file) {
    const std::string s = read_text(file);
    return {s.begin(), s.end()};
}

ImportOptions options_for(const fs::path& data, const SecretKey& key) {
    ImportOptions o;
    o.data_dir = data;
    o.trusted_key = key.public_key();
    return o;
}

std::optional<Manifest> active_manifest(const fs::path& data) {
    auto store = ContentStore::open(data);
    if (!store)
        throw std::runtime_error(store.error().str());
    auto dir = store.value().active_content_dir();
    if (!dir)
        return std::nullopt;
    return manifest(*dir);
}

}  // namespace kiosk::update::test
