// Ed25519 signing keys for update bundles (libsodium), stored as small text
// files: comment lines starting with '#', then one line of base64.
// Format and rationale: docs/bundles.md, "Keys".
#pragma once

#include <sodium.h>

#include <array>
#include <filesystem>
#include <string>

#include "base/result.h"
#include "update/fsutil.h"

namespace kiosk::update {

// First 8 bytes of BLAKE2b-256(public key): lets a refusal say "signed with
// another key" instead of just "bad signature".
using KeyId = std::array<unsigned char, 8>;

struct PublicKey {
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> bytes{};
    KeyId id() const;
};

struct SecretKey {
    std::array<unsigned char, crypto_sign_SECRETKEYBYTES> bytes{};
    PublicKey public_key() const;
    ~SecretKey() { sodium_memzero(bytes.data(), bytes.size()); }
};

std::string key_id_hex(const KeyId& id);

// Generates a key pair and writes `<prefix>.key` (mode 0600, created
// exclusively: never overwrites an existing key) and `<prefix>.pub`.
Result<PublicKey> keygen(const fs::path& out_prefix);

// The text file contents, exposed for tests and for tools.
std::string encode_public_key(const PublicKey& pk);
std::string encode_secret_key(const SecretKey& sk);
Result<PublicKey> parse_public_key(std::string_view text, const fs::path& where);
Result<SecretKey> parse_secret_key(std::string_view text, const fs::path& where);

Result<PublicKey> load_public_key(const fs::path& file);
Result<SecretKey> load_secret_key(const fs::path& file);

}  // namespace kiosk::update
