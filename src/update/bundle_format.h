// The .kiosk file: signed header + payload (gzip'd tar) + Ed25519 signature.
// Byte layout: docs/bundles.md, "File format". All integers little-endian.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "base/result.h"
#include "update/keys.h"

namespace kiosk::update {

inline constexpr char kBundleMagic[8] = {'K', 'I', 'O', 'S', 'K', 'B', 'D', 'L'};
inline constexpr std::uint32_t kBundleFormatVersion = 1;
inline constexpr std::size_t kFixedHeaderBytes = 82;  // up to and including the label length
inline constexpr std::size_t kMaxLabelBytes = 200;
inline constexpr std::size_t kSignatureBytes = crypto_sign_BYTES;
inline constexpr std::size_t kPayloadHashBytes = 32;  // BLAKE2b-256

struct BundleHeader {
    std::int64_t content_version = 0;  // monotonic; YYYYMMDDHHMM by default
    std::int64_t created_unix = 0;
    std::uint64_t payload_size = 0;
    std::array<unsigned char, kPayloadHashBytes> payload_hash{};
    KeyId key_id{};  // of the signing key (informational: only the signature counts)
    std::string label;
};

// A verified bundle: the header was parsed from signed bytes and the payload
// hash matched. `payload` points into the buffer passed to open_bundle.
struct VerifiedBundle {
    BundleHeader header;
    std::span<const unsigned char> payload;
};

// A label is valid UTF-8 without control characters (it is shown on screen
// and in `kiosk status`).
bool label_is_text(std::string_view label);

// header bytes + payload + signature, ready to write to NAME.kiosk.
Result<std::vector<unsigned char>> seal_bundle(const BundleHeader& header,
                                               std::span<const unsigned char> payload,
                                               const SecretKey& key);

// Header encoding without signature, exposed so tests can craft bundles.
std::vector<unsigned char> encode_header(const BundleHeader& header);
void hash_payload(std::span<const unsigned char> payload,
                  std::array<unsigned char, kPayloadHashBytes>& out);

// Checks the signature over everything before the last 64 bytes with the
// trusted key, and only then parses the header. Refusals explain themselves
// ("not a kiosk bundle", "incomplete", "signed with another key", ...).
Result<VerifiedBundle> open_bundle(std::span<const unsigned char> file_bytes,
                                   const PublicKey& trusted, const fs::path& where);

}  // namespace kiosk::update
