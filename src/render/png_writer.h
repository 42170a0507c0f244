// Screenshots as PNG, fast: libspng at zlib level 1 with the Up filter.
// Pixels are lossless whatever the level; only speed and file size change, and
// for flat UI pictures level 1 is ~10× faster than stb's encoder at a similar size.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::render {

// An opaque RGB picture (the screen has no transparency), rows tightly packed.
struct RgbImage {
    int width = 0, height = 0;
    std::vector<uint8_t> rgb;  // width * height * 3
};

// What the renderer drew, as RGB. Empty (width 0) on failure.
RgbImage read_screen(SDL_Renderer* renderer, int width, int height);
// Encodes and writes `img`. False on failure (e.g. the folder is missing).
bool write_png(const RgbImage& img, const std::string& path);

}  // namespace kiosk::render
