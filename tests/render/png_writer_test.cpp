// The fast PNG writer keeps every pixel: what stb_image reads back is what was drawn.
#include <gtest/gtest.h>
#include <stb_image.h>

#include <cstring>
#include <filesystem>
#include <memory>

#include "render/png_writer.h"

namespace kiosk::render {
namespace {

TEST(PngWriter, RoundTripsEveryPixel) {
    RgbImage img;
    img.width = 301;  // odd sizes: no row padding assumptions
    img.height = 97;
    img.rgb.resize(static_cast<size_t>(img.width) * img.height * 3);
    for (size_t i = 0; i < img.rgb.size(); ++i)
        img.rgb[i] = static_cast<uint8_t>((i * 7919u) >> 3);
    const auto path = std::filesystem::temp_directory_path() / "kiosk_png_writer_test.png";
    ASSERT_TRUE(write_png(img, path.string()));
    int w = 0, h = 0, comp = 0;
    std::unique_ptr<uint8_t, void (*)(void*)> back(stbi_load(path.c_str(), &w, &h, &comp, 3),
                                                   stbi_image_free);
    ASSERT_TRUE(back);
    EXPECT_EQ(w, img.width);
    EXPECT_EQ(h, img.height);
    EXPECT_EQ(0, std::memcmp(back.get(), img.rgb.data(), img.rgb.size()));
    std::filesystem::remove(path);
}

TEST(PngWriter, FailsOnAMissingFolder) {
    RgbImage img;
    img.width = img.height = 2;
    img.rgb.assign(12, 0);
    EXPECT_FALSE(write_png(img, "/nonexistent-dir/x.png"));
}

}  // namespace
}  // namespace kiosk::render
