// Fleet membership: which Syncthing devices belong to this venue. It is signed
// content, verified with the staff key through update::open_bundle, from
//   - fleet.yaml inside the active (signed, installed) content bundle, or
//   - a signed fleet file (`kiosk fleet sign`) joined from a stick, kept as
//     DATA/fleet/fleet.signed and verified again on every read.
// The higher version wins. Format: docs/integrator.md, "A venue of kiosks".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "update/keys.h"

namespace kiosk::fleet {

namespace fs = std::filesystem;

inline constexpr std::size_t kMaxMembers = 250;
inline constexpr std::size_t kMaxFleetYamlBytes = 64 * 1024;
inline constexpr std::size_t kMaxNameBytes = 64;
// The signed header's label of a fleet file: tells it apart from a content bundle.
inline constexpr const char* kFleetLabel = "kiosk fleet membership";
inline constexpr const char* kFleetYaml = "fleet.yaml";

struct Member {
    std::string name;
    std::string id;                   // Syncthing device ID, canonical form
    std::string address = "dynamic";  // or tcp://HOST:PORT (static address)
};

struct Membership {
    std::int64_t version = 0;
    std::string source;  // for status text: "fleet file" / "content version N"
    std::vector<Member> members;
    const Member* find(std::string_view id) const;
};

Result<std::vector<Member>> parse_fleet_yaml(std::string_view text, const std::string& where);

// DATA/fleet/fleet.signed
fs::path signed_fleet_path(const fs::path& data_dir);

// fleet.yaml's bytes sealed like a bundle (header label kFleetLabel). Checks the YAML first.
Result<std::vector<unsigned char>> sign_fleet(std::string_view yaml, const update::SecretKey& key,
                                              std::int64_t version, const std::string& where);

// Verifies the signature (same code path as bundles) and parses the YAML.
Result<Membership> open_fleet_file(const fs::path& file, const update::PublicKey& key);

// Verifies `file` and keeps it as DATA/fleet/fleet.signed unless the kept one
// is newer. Returns the membership now in force.
Result<Membership> join_fleet(const fs::path& file, const fs::path& data_dir,
                              const update::PublicKey& key);

// The membership in force, or nullopt (this kiosk is in no fleet). Problems
// (a damaged kept file, a bad fleet.yaml in the content) go to `problems`.
std::optional<Membership> load_membership(const fs::path& data_dir, const update::PublicKey& key,
                                          Diagnostics& problems);

}  // namespace kiosk::fleet
