#include "render/image_cache.h"

#include <qrencode.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <vector>

#include "base/log.h"
#include "content/picture.h"

namespace kiosk::render {
namespace {

struct QrFree {
    void operator()(QRcode* q) const { QRcode_free(q); }
};

// Crops the centre of `img` to the aspect of w×h and resamples it to w×h.
std::vector<uint8_t> cover(const content::Image& img, int w, int h) {
    const float target = static_cast<float>(w) / static_cast<float>(h);
    const float src_aspect = static_cast<float>(img.width) / static_cast<float>(img.height);
    int cw = img.width, ch = img.height;
    if (src_aspect > target)
        cw = std::max(1, static_cast<int>(static_cast<float>(ch) * target));
    else
        ch = std::max(1, static_cast<int>(static_cast<float>(cw) / target));
    const int x0 = (img.width - cw) / 2, y0 = (img.height - ch) / 2;
    const uint8_t* src = img.rgba.data() + (static_cast<size_t>(y0) * img.width + x0) * 4;
    std::vector<uint8_t> out(static_cast<size_t>(w) * h * 4);
    stbir_resize_uint8_srgb(src, cw, ch, img.width * 4, out.data(), w, h, w * 4, 4, 3, 0);
    return out;
}

}  // namespace

SDL_Texture* ImageCache::lookup(const std::string& key) {
    auto it = map_.find(key);
    if (it == map_.end())
        return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    return it->second.tex.get();
}

SDL_Texture* ImageCache::insert(const std::string& key, TexturePtr tex, size_t bytes) {
    while (bytes_ + bytes > budget_ && !lru_.empty()) {
        auto victim = map_.find(lru_.back());
        bytes_ -= victim->second.bytes;
        map_.erase(victim);
        lru_.pop_back();
    }
    lru_.push_front(key);
    SDL_Texture* raw = tex.get();
    map_[key] = Entry{std::move(tex), bytes, lru_.begin()};
    bytes_ += bytes;
    return raw;
}

SDL_Texture* ImageCache::get(const std::string& path, int w, int h) {
    if (w <= 0 || h <= 0)
        return nullptr;
    const std::string key = path + '@' + std::to_string(w) + 'x' + std::to_string(h);
    if (SDL_Texture* t = lookup(key))
        return t;
    if (failed_.count(path))
        return nullptr;
    auto img = content::decode_picture(path, path);
    if (!img) {
        log_warn(img.error().str() + "; showing a placeholder");
        failed_[path] = true;
        return nullptr;
    }
    const std::vector<uint8_t> px = cover(img.value(), w, h);
    TexturePtr tex(
        SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, w, h));
    if (!tex)
        return nullptr;
    SDL_UpdateTexture(tex.get(), nullptr, px.data(), w * 4);
    SDL_SetTextureBlendMode(tex.get(), SDL_BLENDMODE_BLEND);
    return insert(key, std::move(tex), px.size());
}

SDL_Texture* ImageCache::qr(const std::string& text) {
    const std::string key = "qr:" + text;
    if (SDL_Texture* t = lookup(key))
        return t;
    std::unique_ptr<QRcode, QrFree> code(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code)
        return nullptr;
    constexpr int kQuiet = 2;  // modules of white border (the card around it adds more)
    const int side = code->width + 2 * kQuiet;
    std::vector<uint32_t> px(static_cast<size_t>(side) * side, 0xFFFFFFFF);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            if (code->data[y * code->width + x] & 1)
                px[static_cast<size_t>(y + kQuiet) * side + x + kQuiet] = 0xFF000000;
        }
    }
    TexturePtr tex(SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC,
                                     side, side));
    if (!tex)
        return nullptr;
    SDL_UpdateTexture(tex.get(), nullptr, px.data(), side * 4);
    // Nearest-neighbour scaling keeps module edges sharp for scanners.
    SDL_SetTextureScaleMode(tex.get(), SDL_ScaleModeNearest);
    return insert(key, std::move(tex), px.size() * 4);
}

void ImageCache::clear() {
    map_.clear();
    lru_.clear();
    failed_.clear();
    bytes_ = 0;
}

}  // namespace kiosk::render
