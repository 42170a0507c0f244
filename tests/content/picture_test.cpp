#include "content/picture.h"

#include <gtest/gtest.h>
#include <stb_image_write.h>

namespace kiosk::content {
namespace {

std::vector<uint8_t> encode_png(int w, int h) {
    std::vector<uint8_t> px(size_t(w) * h * 4, 0x80);
    std::vector<uint8_t> out;
    stbi_write_png_to_func(
        [](void* ctx, void* data, int size) {
            auto* o = static_cast<std::vector<uint8_t>*>(ctx);
            o->insert(o->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
        },
        &out, w, h, 4, px.data(), w * 4);
    return out;
}

std::vector<uint8_t> encode_jpeg(int w, int h) {
    std::vector<uint8_t> px(size_t(w) * h * 3, 0x40);
    std::vector<uint8_t> out;
    stbi_write_jpg_to_func(
        [](void* ctx, void* data, int size) {
            auto* o = static_cast<std::vector<uint8_t>*>(ctx);
            o->insert(o->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
        },
        &out, w, h, 3, px.data(), 85);
    return out;
}

void put_be32(std::vector<uint8_t>& b, size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i)
        b[at + i] = static_cast<uint8_t>(v >> (24 - 8 * i));
}

TEST(Picture, DecodesPngAndJpegToRgba) {
    auto png = encode_png(8, 5);
    auto img = decode_picture_bytes(png.data(), png.size(), "a.png");
    ASSERT_TRUE(img) << img.error().str();
    EXPECT_EQ(img.value().width, 8);
    EXPECT_EQ(img.value().rgba.size(), 8u * 5 * 4);
    auto jpg = encode_jpeg(16, 16);
    auto img2 = decode_picture_bytes(jpg.data(), jpg.size(), "a.jpg");
    ASSERT_TRUE(img2) << img2.error().str();
    EXPECT_EQ(img2.value().height, 16);
}

TEST(Picture, HugeHeaderIsRefusedBeforeDecoding) {
    auto png = encode_png(4, 4);
    put_be32(png, 16, 100000);  // IHDR width
    put_be32(png, 20, 100000);  // IHDR height
    auto img = decode_picture_bytes(png.data(), png.size(), "bomb.png");
    ASSERT_FALSE(img);
    EXPECT_NE(img.error().message.find("100000×100000"), std::string::npos) << img.error().str();
}

TEST(Picture, TruncatedAndForeignFilesAreErrors) {
    auto png = encode_png(64, 64);
    png.resize(png.size() / 2);
    auto img = decode_picture_bytes(png.data(), png.size(), "cut.png");
    ASSERT_FALSE(img);
    EXPECT_NE(img.error().message.find("damaged"), std::string::npos) << img.error().str();
    const uint8_t gif[] = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0};
    auto g = decode_picture_bytes(gif, sizeof gif, "x.gif");
    ASSERT_FALSE(g);
    EXPECT_EQ(g.error().message, "not a PNG or JPEG picture");
    EXPECT_FALSE(decode_picture_bytes(gif, 0, "empty.png"));
}

}  // namespace
}  // namespace kiosk::content
