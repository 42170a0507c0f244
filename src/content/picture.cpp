#include "content/picture.h"

#include <stb_image.h>

#include <cstring>
#include <fstream>
#include <memory>

#include "base/limits.h"

namespace kiosk::content {
namespace {

struct StbiFree {
    void operator()(unsigned char* p) const { stbi_image_free(p); }
};

Diagnostic fail(const std::string& name, const std::string& msg) {
    return Diagnostic{Severity::Error, {name}, msg};
}

Result<PictureFormat> sniff(const uint8_t* d, size_t n, const std::string& name) {
    static const uint8_t kPng[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (n >= 8 && std::memcmp(d, kPng, 8) == 0)
        return PictureFormat::Png;
    if (n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
        return PictureFormat::Jpeg;
    return fail(name, "not a PNG or JPEG picture");
}

Result<PictureInfo> check_header(const uint8_t* d, size_t n, const std::string& name) {
    if (n > limits::kMaxPictureBytes)
        return fail(name, "the picture is " + std::to_string(n >> 20) + " MiB; the limit is " +
                              std::to_string(limits::kMaxPictureBytes >> 20) + " MiB");
    auto fmt = sniff(d, n, name);
    if (!fmt)
        return fmt.error();
    int w = 0, h = 0, comp = 0;
    if (fmt.value() == PictureFormat::Png && n >= 24 && std::memcmp(d + 12, "IHDR", 4) == 0) {
        // IHDR's size, read directly: stb refuses huge sizes with a vaguer message.
        const auto be32 = [d](size_t at) {
            return (uint32_t{d[at]} << 24) | (uint32_t{d[at + 1]} << 16) |
                   (uint32_t{d[at + 2]} << 8) | d[at + 3];
        };
        const uint32_t pw = be32(16), ph = be32(20);
        if (pw > static_cast<uint32_t>(limits::kMaxPictureSide) ||
            ph > static_cast<uint32_t>(limits::kMaxPictureSide))
            return fail(name, "the picture is " + std::to_string(pw) + "×" + std::to_string(ph) +
                                  " pixels; the limit is " +
                                  std::to_string(limits::kMaxPictureSide) + "×" +
                                  std::to_string(limits::kMaxPictureSide));
    }
    if (!stbi_info_from_memory(d, static_cast<int>(n), &w, &h, &comp))
        return fail(name, std::string("the picture is damaged: ") + stbi_failure_reason());
    if (w <= 0 || h <= 0 || w > limits::kMaxPictureSide || h > limits::kMaxPictureSide ||
        int64_t{w} * h > limits::kMaxPicturePixels)
        return fail(name, "the picture is " + std::to_string(w) + "×" + std::to_string(h) +
                              " pixels; the limit is " + std::to_string(limits::kMaxPictureSide) +
                              "×" + std::to_string(limits::kMaxPictureSide));
    return PictureInfo{fmt.value(), w, h, n};
}

}  // namespace

Result<std::vector<uint8_t>> read_picture_bytes(const std::filesystem::path& path,
                                                const std::string& name) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return fail(name, "cannot read the picture: " + ec.message());
    if (size > limits::kMaxPictureBytes)
        return fail(name, "the picture is " + std::to_string(size >> 20) + " MiB; the limit is " +
                              std::to_string(limits::kMaxPictureBytes >> 20) + " MiB");
    std::vector<uint8_t> bytes(size);
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size));
    if (static_cast<size_t>(in.gcount()) != size)
        return fail(name, "cannot read the picture");
    return bytes;
}

Result<PictureInfo> probe_picture(const std::filesystem::path& path, const std::string& name) {
    auto bytes = read_picture_bytes(path, name);
    if (!bytes)
        return bytes.error();
    return check_header(bytes.value().data(), bytes.value().size(), name);
}

Result<Image> decode_picture_bytes(const uint8_t* data, size_t size, const std::string& name) {
    auto info = check_header(data, size, name);
    if (!info)
        return info.error();
    int w = 0, h = 0, comp = 0;
    std::unique_ptr<unsigned char, StbiFree> px(
        stbi_load_from_memory(data, static_cast<int>(size), &w, &h, &comp, 4));
    if (!px)
        return fail(name, std::string("the picture is damaged: ") + stbi_failure_reason());
    Image img{w, h, {}};
    img.rgba.assign(px.get(), px.get() + size_t(w) * size_t(h) * 4);
    return img;
}

Result<PictureInfo> verify_picture(const std::filesystem::path& path, const std::string& name) {
    auto bytes = read_picture_bytes(path, name);
    if (!bytes)
        return bytes.error();
    const auto& b = bytes.value();
    auto info = check_header(b.data(), b.size(), name);
    if (!info)
        return info.error();
    int w = 0, h = 0, comp = 0;
    // Decoded and dropped: no copy of the pixels, so the peak is stb's own.
    std::unique_ptr<unsigned char, StbiFree> px(
        stbi_load_from_memory(b.data(), static_cast<int>(b.size()), &w, &h, &comp, 4));
    if (!px)
        return fail(name, std::string("the picture is damaged: ") + stbi_failure_reason());
    return info;
}

Result<Image> decode_picture(const std::filesystem::path& path, const std::string& name) {
    auto bytes = read_picture_bytes(path, name);
    if (!bytes)
        return bytes.error();
    return decode_picture_bytes(bytes.value().data(), bytes.value().size(), name);
}

}  // namespace kiosk::content
