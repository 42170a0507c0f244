// Pictures and icons: PNG or JPEG, decoded with stb_image behind size limits.
// The header is checked before any pixel is decoded, so a file that claims
// 100000×100000 pixels costs nothing but a read of its first bytes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "base/result.h"

namespace kiosk::content {

enum class PictureFormat { Png, Jpeg };

struct PictureInfo {
    PictureFormat format = PictureFormat::Png;
    int width = 0, height = 0;
    size_t file_bytes = 0;
};

// Decoded pixels: RGBA8, straight (non-premultiplied) alpha, rows top to bottom.
struct Image {
    int width = 0, height = 0;
    std::vector<uint8_t> rgba;
};

// `name` is what messages call the file (e.g. "pictures/finance.jpg").
Result<PictureInfo> probe_picture(const std::filesystem::path& path, const std::string& name);
Result<Image> decode_picture(const std::filesystem::path& path, const std::string& name);
// A full decode that keeps no pixels (the validator's check): peak memory is
// stb's working set only.
Result<PictureInfo> verify_picture(const std::filesystem::path& path, const std::string& name);
// The file's bytes, refused past the size limit (no pixel is decoded).
Result<std::vector<uint8_t>> read_picture_bytes(const std::filesystem::path& path,
                                                const std::string& name);
// For fuzzing and tests: the same checks on bytes already in memory.
Result<Image> decode_picture_bytes(const uint8_t* data, size_t size, const std::string& name);

}  // namespace kiosk::content
