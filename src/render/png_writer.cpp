#include "render/png_writer.h"

#include <spng.h>

#include <cstdio>
#include <memory>

#include "render/renderer.h"

namespace kiosk::render {
namespace {

struct SpngFree {
    void operator()(spng_ctx* c) const { spng_ctx_free(c); }
};
struct FileClose {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

RgbImage read_screen(SDL_Renderer* renderer, int width, int height) {
    RgbImage img;
    img.rgb.resize(static_cast<size_t>(width) * height * 3);
    if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_RGB24, img.rgb.data(), width * 3) !=
        0)
        return {};
    img.width = width;
    img.height = height;
    return img;
}

bool write_png(const RgbImage& img, const std::string& path) {
    if (img.width <= 0 || img.height <= 0)
        return false;
    std::unique_ptr<std::FILE, FileClose> file(std::fopen(path.c_str(), "wb"));
    std::unique_ptr<spng_ctx, SpngFree> ctx(spng_ctx_new(SPNG_CTX_ENCODER));
    if (!file || !ctx)
        return false;
    spng_ihdr ihdr{};
    ihdr.width = static_cast<uint32_t>(img.width);
    ihdr.height = static_cast<uint32_t>(img.height);
    ihdr.bit_depth = 8;
    ihdr.color_type = SPNG_COLOR_TYPE_TRUECOLOR;
    // Level 1 + Up: flat UI colours compress well with it and it is the fastest pair measured.
    if (spng_set_png_file(ctx.get(), file.get()) || spng_set_ihdr(ctx.get(), &ihdr) ||
        spng_set_option(ctx.get(), SPNG_IMG_COMPRESSION_LEVEL, 1) ||
        spng_set_option(ctx.get(), SPNG_FILTER_CHOICE, SPNG_FILTER_CHOICE_UP))
        return false;
    if (spng_encode_image(ctx.get(), img.rgb.data(), img.rgb.size(), SPNG_FMT_PNG,
                          SPNG_ENCODE_FINALIZE))
        return false;
    ctx.reset();  // flushes before the file closes
    return std::fflush(file.get()) == 0;
}

bool save_png(SDL_Renderer* renderer, int width, int height, const std::string& path) {
    return write_png(read_screen(renderer, width, height), path);
}

}  // namespace kiosk::render
