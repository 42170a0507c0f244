#include "update/keys.h"

#include <fcntl.h>

#include <cstring>
#include <sstream>

namespace kiosk::update {

namespace {

// 4-byte tags inside the base64 blob, so a public key pasted where the secret
// key belongs (or vice versa) is recognised instead of misread.
constexpr char kPublicTag[4] = {'K', 'P', 'K', '1'};
constexpr char kSecretTag[4] = {'K', 'S', 'K', '1'};
constexpr std::size_t kTagLen = 4;

std::string to_base64(const unsigned char* data, std::size_t n) {
    std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, n, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::string encode(const char (&tag)[4], const KeyId& id, const unsigned char* key,
                   std::size_t key_len) {
    std::string blob(tag, kTagLen);
    blob.append(reinterpret_cast<const char*>(id.data()), id.size());
    blob.append(reinterpret_cast<const char*>(key), key_len);
    std::string b64 = to_base64(reinterpret_cast<const unsigned char*>(blob.data()), blob.size());
    sodium_memzero(blob.data(), blob.size());
    return b64;
}

// Returns the decoded blob of the first non-comment, non-blank line.
Result<std::string> decode_blob(std::string_view text, const fs::path& where, const char (&tag)[4],
                                std::size_t key_len, const char* kind) {
    std::istringstream in{std::string(text)};
    std::string line;
    while (std::getline(in, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.pop_back();
        if (line.empty() || line[0] == '#')
            continue;
        std::string blob(line.size(), '\0');
        std::size_t len = 0;
        if (sodium_base642bin(reinterpret_cast<unsigned char*>(blob.data()), blob.size(),
                              line.c_str(), line.size(), nullptr, &len, nullptr,
                              sodium_base64_VARIANT_ORIGINAL) != 0)
            return make_error(where, std::string("this is not a valid ") + kind + " file");
        blob.resize(len);
        if (len != kTagLen + sizeof(KeyId) + key_len ||
            std::memcmp(blob.data(), tag, kTagLen) != 0) {
            const bool other =
                len >= kTagLen && (std::memcmp(blob.data(), kPublicTag, kTagLen) == 0 ||
                                   std::memcmp(blob.data(), kSecretTag, kTagLen) == 0);
            return make_error(
                where,
                other ? std::string("this is the wrong kind of key file (expected a ") + kind + ")"
                      : std::string("this is not a valid ") + kind + " file");
        }
        return blob;
    }
    return make_error(where, std::string("the ") + kind + " file is empty");
}

Result<std::string> read_small_text(const fs::path& file) {
    auto bytes = read_file_limited(file, 64 * 1024);
    if (!bytes)
        return bytes.error();
    return std::string(bytes.value().begin(), bytes.value().end());
}

}  // namespace

KeyId PublicKey::id() const {
    unsigned char h[32];
    crypto_generichash(h, sizeof h, bytes.data(), bytes.size(), nullptr, 0);
    KeyId id;
    std::memcpy(id.data(), h, id.size());
    return id;
}

PublicKey SecretKey::public_key() const {
    PublicKey pk;
    crypto_sign_ed25519_sk_to_pk(pk.bytes.data(), bytes.data());
    return pk;
}

std::string key_id_hex(const KeyId& id) {
    char hex[sizeof(KeyId) * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, id.data(), id.size());
    return hex;
}

std::string encode_public_key(const PublicKey& pk) {
    return "# kiosk update public key (Ed25519), key id " + key_id_hex(pk.id()) +
           ". Safe to share; the kiosk image carries it.\n" +
           encode(kPublicTag, pk.id(), pk.bytes.data(), pk.bytes.size()) + "\n";
}

std::string encode_secret_key(const SecretKey& sk) {
    const PublicKey pk = sk.public_key();
    return "# kiosk update SECRET key (Ed25519), key id " + key_id_hex(pk.id()) +
           ". KEEP SECRET: anyone with this file can change what the kiosks show.\n" +
           encode(kSecretTag, pk.id(), sk.bytes.data(), sk.bytes.size()) + "\n";
}

Result<PublicKey> parse_public_key(std::string_view text, const fs::path& where) {
    auto blob = decode_blob(text, where, kPublicTag, crypto_sign_PUBLICKEYBYTES, "public key");
    if (!blob)
        return blob.error();
    PublicKey pk;
    std::memcpy(pk.bytes.data(), blob.value().data() + kTagLen + sizeof(KeyId), pk.bytes.size());
    if (std::memcmp(blob.value().data() + kTagLen, pk.id().data(), sizeof(KeyId)) != 0)
        return make_error(where, "the public key file is damaged (its key id does not match)");
    return pk;
}

Result<SecretKey> parse_secret_key(std::string_view text, const fs::path& where) {
    auto blob = decode_blob(text, where, kSecretTag, crypto_sign_SECRETKEYBYTES, "secret key");
    if (!blob)
        return blob.error();
    SecretKey sk;
    std::memcpy(sk.bytes.data(), blob.value().data() + kTagLen + sizeof(KeyId), sk.bytes.size());
    sodium_memzero(blob.value().data(), blob.value().size());
    // An Ed25519 secret key is seed || public key; re-derive from the seed so a
    // damaged file cannot produce signatures no kiosk will ever accept.
    PublicKey derived;
    SecretKey check;
    crypto_sign_seed_keypair(derived.bytes.data(), check.bytes.data(), sk.bytes.data());
    if (check.bytes != sk.bytes)
        return make_error(where, "the secret key file is damaged");
    return sk;
}

Result<PublicKey> load_public_key(const fs::path& file) {
    auto text = read_small_text(file);
    if (!text)
        return text.error();
    return parse_public_key(text.value(), file);
}

Result<SecretKey> load_secret_key(const fs::path& file) {
    auto text = read_small_text(file);
    if (!text)
        return text.error();
    auto sk = parse_secret_key(text.value(), file);
    sodium_memzero(text.value().data(), text.value().size());
    return sk;
}

Result<PublicKey> keygen(const fs::path& out_prefix) {
    if (sodium_init() < 0)
        return make_error(out_prefix, "libsodium failed to initialise");
    SecretKey sk;
    PublicKey pk;
    crypto_sign_keypair(pk.bytes.data(), sk.bytes.data());
    const fs::path key_file = out_prefix.string() + ".key";
    const fs::path pub_file = out_prefix.string() + ".pub";
    {
        // O_EXCL: overwriting a secret key would orphan every kiosk that trusts it.
        UniqueFd fd(
            ::open(key_file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
        if (!fd.valid())
            return make_error(key_file,
                              errno == EEXIST
                                  ? "a key file with this name already exists; not overwriting it"
                                  : "cannot create the key file: " + describe_errno(errno));
        std::string text = encode_secret_key(sk);
        auto w = write_all(fd.get(), text.data(), text.size(), key_file);
        sodium_memzero(text.data(), text.size());
        if (w && ::fsync(fd.get()) != 0)
            w = make_error(key_file, describe_errno(errno));
        if (!w) {
            ::unlink(key_file.c_str());
            return w.error();
        }
    }
    auto w = write_file_atomic(pub_file, encode_public_key(pk), 0644);
    if (!w)
        return w.error();
    return pk;
}

}  // namespace kiosk::update
