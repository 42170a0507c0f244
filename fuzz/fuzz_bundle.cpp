// libFuzzer: update bundles (src/update). First byte selects the path:
//   0: the input is a whole .kiosk file -> open_bundle (signature check first);
//   1: the input is a payload; the harness signs it with a test key so the
//      header parsing, hash check and unpack_payload run on it;
//   2: the input is header bytes + payload, signed by the harness (malformed
//      but authenticated headers: sizes, label length, version);
//   3: the input is a payload -> unpack_payload directly, with small limits.
// Unpacking writes into a fresh directory under $TMPDIR, removed each time.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <vector>

#include "update/bundle_format.h"
#include "update/unpack.h"

using namespace kiosk::update;
namespace fs = std::filesystem;

static SecretKey g_sk;
static PublicKey g_pk;
static fs::path g_root;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (sodium_init() < 0)
        std::abort();
    unsigned char seed[crypto_sign_SEEDBYTES] = {42};
    crypto_sign_seed_keypair(g_pk.bytes.data(), g_sk.bytes.data(), seed);
    g_root = fs::temp_directory_path() / ("kiosk-fuzz-bundle-" + std::to_string(getpid()));
    fs::remove_all(g_root);
    fs::create_directories(g_root);
    std::atexit([] { fs::remove_all(g_root); });
    return 0;
}

static void unpack(std::span<const unsigned char> payload) {
    const fs::path dest = g_root / "stage";
    fs::remove_all(dest);
    fs::create_directories(dest);
    UnpackLimits limits;
    limits.max_file_bytes = 1 << 20;
    limits.max_total_bytes = 4 << 20;
    limits.max_entries = 200;
    UnpackStats stats;
    (void)unpack_payload(payload, dest, limits, stats);
    fs::remove_all(dest);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1)
        return 0;
    const int mode = data[0] & 3;
    std::span<const unsigned char> in(data + 1, size - 1);
    switch (mode) {
        case 0: {
            auto b = open_bundle(in, g_pk, "fuzz.kiosk");
            if (b)
                unpack(b.value().payload);
            break;
        }
        case 1: {
            BundleHeader h;
            h.content_version = 202306260900;
            h.created_unix = 1687770000;
            h.payload_size = in.size();
            hash_payload(in, h.payload_hash);
            h.key_id = g_pk.id();
            h.label = "fuzz";
            auto file = seal_bundle(h, in, g_sk);
            if (!file)
                break;
            auto b = open_bundle(file.value(), g_pk, "fuzz.kiosk");
            if (b)
                unpack(b.value().payload);
            break;
        }
        case 2: {
            std::vector<unsigned char> file(in.begin(), in.end());
            file.resize(file.size() + crypto_sign_BYTES);
            crypto_sign_detached(file.data() + in.size(), nullptr, in.data(), in.size(),
                                 g_sk.bytes.data());
            auto b = open_bundle(file, g_pk, "fuzz.kiosk");
            if (b)
                unpack(b.value().payload);
            break;
        }
        case 3:
            unpack(in);
            break;
    }
    return 0;
}
