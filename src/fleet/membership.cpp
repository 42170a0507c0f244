#include "fleet/membership.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "fleet/device_id.h"
#include "update/bundle_format.h"
#include "update/data_dir.h"

namespace kiosk::fleet {

namespace {

using update::make_error;

Diagnostic at(const std::string& where, const YAML::Mark& m, std::string msg) {
    Diagnostic d = make_error(where, std::move(msg));
    d.where.line = m.line + 1;
    d.where.col = m.column + 1;
    return d;
}

bool printable(std::string_view s) {
    return std::none_of(s.begin(), s.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == '<' || c == '>' || c == '&' ||
               c == '"' || c == '\'';
    });
}

bool valid_address(std::string_view a) {
    if (a == "dynamic")
        return true;
    return a.starts_with("tcp://") && a.size() > 6 && a.size() <= 100 && printable(a) &&
           a.find(' ') == std::string_view::npos;
}

Result<Member> parse_member(const YAML::Node& n, const std::string& where) {
    if (!n.IsMap())
        return at(where, n.Mark(), "each device is a map with `name:` and `id:`");
    Member m;
    if (!n["name"] || !n["name"].IsScalar() || !n["id"] || !n["id"].IsScalar())
        return at(where, n.Mark(), "a device needs `name:` and `id:`");
    m.name = n["name"].Scalar();
    m.id = n["id"].Scalar();
    if (m.name.empty() || m.name.size() > kMaxNameBytes || !printable(m.name))
        return at(where, n["name"].Mark(),
                  "the name must be 1 to 64 bytes of plain text (no quotes or <>&)");
    if (!valid_device_id(m.id))
        return at(
            where, n["id"].Mark(),
            "not a Syncthing device ID (8 groups of 7 characters, as the staff menu shows it)");
    if (n["address"]) {
        m.address = n["address"].IsScalar() ? n["address"].Scalar() : "";
        if (!valid_address(m.address))
            return at(where, n["address"].Mark(), "address is `dynamic` or tcp://HOST:PORT");
    }
    return m;
}

Result<Membership> membership_from_bundle(std::span<const unsigned char> bytes,
                                          const update::PublicKey& key, const fs::path& where) {
    auto b = update::open_bundle(bytes, key, where);
    if (!b)
        return b.error();
    if (b.value().header.label != kFleetLabel)
        return make_error(where, "this is a content bundle, not a fleet file");
    const auto& p = b.value().payload;
    auto members = parse_fleet_yaml(
        std::string_view(reinterpret_cast<const char*>(p.data()), p.size()), where.string());
    if (!members)
        return members.error();
    Membership m;
    m.version = b.value().header.content_version;
    m.source = "fleet file";
    m.members = std::move(members.value());
    return m;
}

std::optional<Membership> from_active_content(const fs::path& data_dir, Diagnostics& problems) {
    const update::DataDir l{data_dir};
    const auto v = update::current_version(l);
    if (!v)
        return std::nullopt;
    const fs::path file = l.version_dir(*v) / "content" / kFleetYaml;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        return std::nullopt;
    auto bytes = update::read_file_limited(file, kMaxFleetYamlBytes);
    if (!bytes) {
        problems.add(bytes.error());
        return std::nullopt;
    }
    const auto& b = bytes.value();
    auto members = parse_fleet_yaml(
        std::string_view(reinterpret_cast<const char*>(b.data()), b.size()), file.string());
    if (!members) {
        problems.add(members.error());
        return std::nullopt;
    }
    return Membership{*v, "content version " + std::to_string(*v), std::move(members.value())};
}

}  // namespace

const Member* Membership::find(std::string_view id) const {
    for (const auto& m : members)
        if (m.id == id)
            return &m;
    return nullptr;
}

Result<std::vector<Member>> parse_fleet_yaml(std::string_view text, const std::string& where) {
    if (text.size() > kMaxFleetYamlBytes)
        return make_error(where, "the fleet file is too large (at most 64 KiB)");
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        return at(where, e.mark, "not valid YAML: " + e.msg);
    }
    if (!root.IsMap() || !root["devices"] || !root["devices"].IsSequence())
        return make_error(where, "the fleet file needs a `devices:` list");
    const YAML::Node list = root["devices"];
    if (list.size() > kMaxMembers)
        return at(where, list.Mark(), "too many devices (at most 250)");
    std::vector<Member> out;
    std::set<std::string> ids;
    for (const auto& n : list) {
        auto m = parse_member(n, where);
        if (!m)
            return m.error();
        if (!ids.insert(m.value().id).second)
            return at(where, n.Mark(), "device " + m.value().id + " is listed twice");
        out.push_back(std::move(m.value()));
    }
    return out;
}

fs::path signed_fleet_path(const fs::path& data_dir) {
    return data_dir / "fleet" / "fleet.signed";
}

Result<std::vector<unsigned char>> sign_fleet(std::string_view yaml, const update::SecretKey& key,
                                              std::int64_t version, const std::string& where) {
    if (auto m = parse_fleet_yaml(yaml, where); !m)
        return m.error();
    if (version <= 0)
        return make_error(where, "the version must be a positive number");
    update::BundleHeader h;
    h.content_version = version;
    h.created_unix = update::now_unix();
    h.label = kFleetLabel;
    const auto* p = reinterpret_cast<const unsigned char*>(yaml.data());
    return update::seal_bundle(h, std::span<const unsigned char>(p, yaml.size()), key);
}

Result<Membership> open_fleet_file(const fs::path& file, const update::PublicKey& key) {
    if (sodium_init() < 0)
        return make_error(file, "libsodium failed to initialise");
    auto bytes = update::read_file_limited(file, kMaxFleetYamlBytes + 4096);
    if (!bytes)
        return bytes.error();
    return membership_from_bundle(bytes.value(), key, file);
}

Result<Membership> join_fleet(const fs::path& file, const fs::path& data_dir,
                              const update::PublicKey& key) {
    auto incoming = open_fleet_file(file, key);
    if (!incoming)
        return incoming.error();
    const fs::path kept = signed_fleet_path(data_dir);
    if (auto old = open_fleet_file(kept, key);
        old && old.value().version > incoming.value().version)
        return make_error(file, "this fleet file (version " +
                                    std::to_string(incoming.value().version) +
                                    ") is older than the one in use (version " +
                                    std::to_string(old.value().version) + ")");
    std::error_code ec;
    fs::create_directories(kept.parent_path(), ec);
    auto bytes = update::read_file_limited(file, kMaxFleetYamlBytes + 4096);
    if (!bytes)
        return bytes.error();
    const auto& b = bytes.value();
    if (auto w = update::write_file_atomic(
            kept, std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
        !w)
        return w.error();
    update::append_log(update::DataDir{data_dir},
                       "fleet: joined fleet file version " +
                           std::to_string(incoming.value().version) + " (" +
                           std::to_string(incoming.value().members.size()) + " devices)");
    return incoming;
}

std::optional<Membership> load_membership(const fs::path& data_dir, const update::PublicKey& key,
                                          Diagnostics& problems) {
    std::optional<Membership> best = from_active_content(data_dir, problems);
    const fs::path kept = signed_fleet_path(data_dir);
    std::error_code ec;
    if (fs::exists(kept, ec)) {
        auto f = open_fleet_file(kept, key);
        if (!f)
            problems.add(f.error());
        else if (!best || f.value().version > best->version)
            best = std::move(f.value());
    }
    return best;
}

}  // namespace kiosk::fleet
