#include "update/bundle_format.h"

#include <algorithm>
#include <cstring>

#include "base/utf8.h"

namespace kiosk::update {

namespace {

// Offsets of the fixed header fields (docs/bundles.md has the same table).
constexpr std::size_t kOffFormat = 8;
constexpr std::size_t kOffHeaderLen = 12;
constexpr std::size_t kOffVersion = 16;
constexpr std::size_t kOffCreated = 24;
constexpr std::size_t kOffPayloadSize = 32;
constexpr std::size_t kOffHash = 40;
constexpr std::size_t kOffKeyId = 72;
constexpr std::size_t kOffLabelLen = 80;
static_assert(kOffLabelLen + 2 == kFixedHeaderBytes);

template <class T>
void put_le(std::vector<unsigned char>& out, std::size_t off, T v) {
    auto u = static_cast<std::make_unsigned_t<T>>(v);
    for (std::size_t i = 0; i < sizeof(T); ++i)
        out[off + i] = static_cast<unsigned char>(u >> (8 * i));
}

template <class T>
T get_le(std::span<const unsigned char> in, std::size_t off) {
    std::make_unsigned_t<T> u = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i)
        u |= static_cast<std::make_unsigned_t<T>>(in[off + i]) << (8 * i);
    return static_cast<T>(u);
}

}  // namespace

bool label_is_text(std::string_view label) {
    if (!is_valid_utf8(label))
        return false;
    for (const auto& c : decode_utf8(label)) {
        if (c.cp < 0x20 || (c.cp >= 0x7f && c.cp < 0xa0))
            return false;
    }
    return true;
}

void hash_payload(std::span<const unsigned char> payload,
                  std::array<unsigned char, kPayloadHashBytes>& out) {
    crypto_generichash(out.data(), out.size(), payload.data(), payload.size(), nullptr, 0);
}

std::vector<unsigned char> encode_header(const BundleHeader& h) {
    const std::size_t label_len = std::min(h.label.size(), kMaxLabelBytes);
    std::vector<unsigned char> out(kFixedHeaderBytes + label_len, 0);
    std::memcpy(out.data(), kBundleMagic, sizeof kBundleMagic);
    put_le<std::uint32_t>(out, kOffFormat, kBundleFormatVersion);
    put_le<std::uint32_t>(out, kOffHeaderLen, static_cast<std::uint32_t>(out.size()));
    put_le<std::int64_t>(out, kOffVersion, h.content_version);
    put_le<std::int64_t>(out, kOffCreated, h.created_unix);
    put_le<std::uint64_t>(out, kOffPayloadSize, h.payload_size);
    std::memcpy(out.data() + kOffHash, h.payload_hash.data(), h.payload_hash.size());
    std::memcpy(out.data() + kOffKeyId, h.key_id.data(), h.key_id.size());
    put_le<std::uint16_t>(out, kOffLabelLen, static_cast<std::uint16_t>(label_len));
    std::memcpy(out.data() + kFixedHeaderBytes, h.label.data(), label_len);
    return out;
}

Result<std::vector<unsigned char>> seal_bundle(const BundleHeader& header_in,
                                               std::span<const unsigned char> payload,
                                               const SecretKey& key) {
    BundleHeader h = header_in;
    h.payload_size = payload.size();
    hash_payload(payload, h.payload_hash);
    h.key_id = key.public_key().id();
    std::vector<unsigned char> out = encode_header(h);
    out.insert(out.end(), payload.begin(), payload.end());
    unsigned char sig[kSignatureBytes];
    crypto_sign_detached(sig, nullptr, out.data(), out.size(), key.bytes.data());
    out.insert(out.end(), sig, sig + kSignatureBytes);
    return out;
}

Result<VerifiedBundle> open_bundle(std::span<const unsigned char> file, const PublicKey& trusted,
                                   const fs::path& where) {
    if (file.size() < sizeof kBundleMagic ||
        std::memcmp(file.data(), kBundleMagic, sizeof kBundleMagic) != 0)
        return make_error(where,
                          "this file is not a kiosk update bundle (.kiosk file made with "
                          "'kiosk bundle')");
    if (file.size() < kFixedHeaderBytes + kSignatureBytes)
        return make_error(where,
                          "the bundle is incomplete (the file was cut short; copy it again)");

    // Before the signature is checked these fields are untrusted; they are only
    // used to pick a clearer refusal message, never to accept anything.
    const auto claimed_header = get_le<std::uint32_t>(file, kOffHeaderLen);
    const auto claimed_payload = get_le<std::uint64_t>(file, kOffPayloadSize);
    const auto claimed_total =
        static_cast<unsigned __int128>(claimed_header) + claimed_payload + kSignatureBytes;
    if (claimed_total > file.size())
        return make_error(where,
                          "the bundle is incomplete (the file was cut short; copy it again)");

    const auto signed_part = file.first(file.size() - kSignatureBytes);
    const auto sig = file.last(kSignatureBytes);
    if (std::all_of(sig.begin(), sig.end(), [](unsigned char c) { return c == 0; }))
        return make_error(where,
                          "the bundle is not signed; make it with 'kiosk bundle --key staff.key'");
    if (crypto_sign_verify_detached(sig.data(), signed_part.data(), signed_part.size(),
                                    trusted.bytes.data()) != 0) {
        KeyId claimed_id;
        std::memcpy(claimed_id.data(), file.data() + kOffKeyId, claimed_id.size());
        if (claimed_id != trusted.id())
            return make_error(where,
                              "the bundle was signed with a different key than the one this "
                              "kiosk trusts (bundle key " +
                                  key_id_hex(claimed_id) + ", kiosk key " +
                                  key_id_hex(trusted.id()) +
                                  "); sign it with the venue's staff.key");
        return make_error(where,
                          "the bundle's signature does not match the kiosk's key: the file "
                          "was changed or damaged after it was signed; make and copy it again");
    }

    // From here on every byte is authenticated.
    if (get_le<std::uint32_t>(file, kOffFormat) != kBundleFormatVersion)
        return make_error(where, "the bundle was made by a newer/older kiosk tool (format " +
                                     std::to_string(get_le<std::uint32_t>(file, kOffFormat)) +
                                     "); update this kiosk's software first");
    const std::size_t label_len = get_le<std::uint16_t>(file, kOffLabelLen);
    if (claimed_header != kFixedHeaderBytes + label_len || label_len > kMaxLabelBytes ||
        claimed_total != file.size())
        return make_error(where, "the bundle's header is malformed");
    VerifiedBundle b;
    b.header.content_version = get_le<std::int64_t>(file, kOffVersion);
    b.header.created_unix = get_le<std::int64_t>(file, kOffCreated);
    b.header.payload_size = claimed_payload;
    std::memcpy(b.header.payload_hash.data(), file.data() + kOffHash, kPayloadHashBytes);
    std::memcpy(b.header.key_id.data(), file.data() + kOffKeyId, sizeof(KeyId));
    b.header.label.assign(reinterpret_cast<const char*>(file.data()) + kFixedHeaderBytes,
                          label_len);
    if (b.header.content_version <= 0)
        return make_error(where, "the bundle's version number is invalid");
    if (!label_is_text(b.header.label))
        return make_error(where,
                          "the bundle's label is not plain text (invalid UTF-8 or control "
                          "characters); make the bundle again with a plain --label");
    b.payload = file.subspan(claimed_header, claimed_payload);
    std::array<unsigned char, kPayloadHashBytes> h;
    hash_payload(b.payload, h);
    if (h != b.header.payload_hash)
        return make_error(where, "the bundle's contents do not match its header (damaged)");
    return b;
}

}  // namespace kiosk::update
