#include "fleet/device_id.h"

#include <sodium.h>

#include <vector>

#include "update/fsutil.h"

namespace kiosk::fleet {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::string_view kBegin = "-----BEGIN CERTIFICATE-----";
constexpr std::string_view kEnd = "-----END CERTIFICATE-----";

std::string base32(const unsigned char* data, std::size_t n) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < n; ++i) {
        buffer = (buffer << 8) | data[i];
        bits += 8;
        while (bits >= 5) {
            out += kAlphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0)
        out += kAlphabet[(buffer << (5 - bits)) & 31];
    return out;
}

// Syncthing's luhnBase32 (lib/protocol/luhn.go).
char luhn_check(std::string_view s) {
    int factor = 1;
    int sum = 0;
    for (char c : s) {
        const auto cp = static_cast<int>(kAlphabet.find(c));
        int addend = factor * cp;
        factor = factor == 2 ? 1 : 2;
        addend = addend / 32 + addend % 32;
        sum += addend;
    }
    return kAlphabet[static_cast<std::size_t>((32 - sum % 32) % 32)];
}

std::string format_id(const std::string& b32) {
    std::string with_checks;
    for (std::size_t i = 0; i < 4; ++i) {
        const std::string chunk = b32.substr(i * 13, 13);
        with_checks += chunk;
        with_checks += luhn_check(chunk);
    }
    std::string out;
    for (std::size_t i = 0; i < with_checks.size(); i += 7) {
        if (!out.empty())
            out += '-';
        out += with_checks.substr(i, 7);
    }
    return out;
}

}  // namespace

Result<std::string> device_id_from_cert_pem(std::string_view pem, const std::string& where) {
    const auto b = pem.find(kBegin);
    const auto e = pem.find(kEnd);
    if (b == std::string_view::npos || e == std::string_view::npos || e < b)
        return update::make_error(where, "not a PEM certificate");
    const std::string body(pem.substr(b + kBegin.size(), e - b - kBegin.size()));
    std::vector<unsigned char> der(body.size());
    std::size_t len = 0;
    if (sodium_init() < 0 ||
        sodium_base642bin(der.data(), der.size(), body.c_str(), body.size(), " \r\n\t", &len,
                          nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        len == 0)
        return update::make_error(where, "the certificate is not valid base64");
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, der.data(), len);
    return format_id(base32(hash, sizeof hash).substr(0, 52));
}

bool valid_device_id(std::string_view id) {
    if (id.size() != 63)
        return false;
    std::string plain;
    for (std::size_t i = 0; i < id.size(); ++i) {
        if (i % 8 == 7) {
            if (id[i] != '-')
                return false;
            continue;
        }
        if (kAlphabet.find(id[i]) == std::string_view::npos)
            return false;
        plain += id[i];
    }
    for (std::size_t i = 0; i < 4; ++i)
        if (luhn_check(std::string_view(plain).substr(i * 14, 13)) != plain[i * 14 + 13])
            return false;
    return true;
}

std::string short_id(std::string_view id) {
    return std::string(id.substr(0, 7));
}

}  // namespace kiosk::fleet
