#include "fleet_fixture.h"

#include <sodium.h>
#include <stdlib.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "update/data_dir.h"

namespace kiosk::fleet::test {

TempDir::TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "kiosk-fleet-test-XXXXXX").string();
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

update::SecretKey new_key() {
    if (sodium_init() < 0)
        throw std::runtime_error("sodium_init failed");
    update::SecretKey sk;
    update::PublicKey pk;
    crypto_sign_keypair(pk.bytes.data(), sk.bytes.data());
    return sk;
}

void make_content(const fs::path& dir, std::int64_t version,
                  const std::vector<std::pair<std::string, std::string>>& extra) {
    write_text(dir / "event.yaml", "version: " + std::to_string(version) + "\n");
    write_text(dir / "about.yaml", "about: version " + std::to_string(version) + "\n");
    for (const auto& [name, text] : extra)
        write_text(dir / name, text);
}

fs::path make_bundle(const fs::path& work, const update::SecretKey& key, std::int64_t version,
                     const std::vector<std::pair<std::string, std::string>>& extra) {
    const fs::path content = work / ("content-src-" + std::to_string(version));
    make_content(content, version, extra);
    const fs::path out = work / ("v" + std::to_string(version) + ".kiosk");
    update::BundleOptions opt;
    opt.version = version;
    auto h = update::write_bundle_file(content, key, opt, out);
    if (!h)
        throw std::runtime_error(h.error().str());
    return out;
}

Diagnostics test_validator(const fs::path& content_dir) {
    Diagnostics d;
    if (!fs::exists(content_dir / "event.yaml"))
        d.error({"event.yaml"}, "event.yaml is missing");
    return d;
}

PollConfig Kiosk::config(const update::SecretKey& key) const {
    PollConfig c;
    c.data_dir = data;
    c.share_dir = share;
    c.key = key.public_key();
    c.validate = test_validator;
    c.name = "test kiosk";
    c.device_id = kIdA;
    return c;
}

std::optional<std::int64_t> Kiosk::active() const {
    return update::current_version(update::DataDir{data});
}

}  // namespace kiosk::fleet::test
