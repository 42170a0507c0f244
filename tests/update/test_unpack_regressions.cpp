// Inputs that once crashed the unpacker (found by fuzz/fuzz_bundle).
#include <gtest/gtest.h>

#include <random>

#include "update/unpack.h"

namespace kiosk::update {
namespace {

TEST(UnpackRegression, TruncatedGzipIsRefusedNotACrash) {
    // A gzip header cut short: libarchive fails to open it without an error string.
    const unsigned char payload[] = {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00};
    const auto dest =
        fs::temp_directory_path() / ("kiosk-unpack-" + std::to_string(std::random_device{}()));
    fs::create_directories(dest);
    UnpackStats stats;
    auto r = unpack_payload(payload, dest, UnpackLimits{}, stats);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("damaged"), std::string::npos) << r.error().str();
    fs::remove_all(dest);
}

}  // namespace
}  // namespace kiosk::update
