#include "render/image_cache.h"

#include <qrencode.h>

#include <algorithm>
#include <vector>

#include "base/log.h"
#include "render/picture_batch.h"
#include "render/picture_store.h"
#include "render/prefetch.h"

namespace kiosk::render {
namespace {

struct QrFree {
    void operator()(QRcode* q) const { QRcode_free(q); }
};

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

namespace {

std::string key_of(const std::string& path, int w, int h) {
    return path + '@' + std::to_string(w) + 'x' + std::to_string(h);
}

}  // namespace

SDL_Texture* ImageCache::get(const std::string& path, int w, int h) {
    if (w <= 0 || h <= 0)
        return nullptr;
    const std::string key = key_of(path, w, h);
    if (SDL_Texture* t = lookup(key))
        return t;
    if (failed_.count(path))
        return nullptr;
    if (auto ready = prefetcher_ ? prefetcher_->take({path, w, h}) : std::nullopt)
        return upload(key, w, h, *ready);  // decoded and scaled on the worker
    return adopt({path, w, h}, scaled_picture(store_.get(), path, w, h));
}

void ImageCache::prepare(const std::vector<PictureRequest>& wanted, int threads) {
    std::vector<PictureRequest> missing;
    for (const auto& r : wanted) {
        const bool known = map_.count(key_of(r.path, r.w, r.h)) || failed_.count(r.path);
        if (r.w > 0 && r.h > 0 && !known &&
            std::find(missing.begin(), missing.end(), r) == missing.end())
            missing.push_back(r);
    }
    auto scaled = scale_pictures(store_.get(), missing, threads);
    for (size_t i = 0; i < missing.size(); ++i)
        adopt(missing[i], std::move(scaled[i]));
}

SDL_Texture* ImageCache::adopt(const PictureRequest& r, Result<std::vector<uint8_t>> scaled) {
    if (!scaled) {
        log_warn(scaled.error().str() + "; showing a placeholder");
        failed_[r.path] = true;
        return nullptr;
    }
    return upload(key_of(r.path, r.w, r.h), r.w, r.h, scaled.value());
}

SDL_Texture* ImageCache::upload(const std::string& key, int w, int h,
                                const std::vector<uint8_t>& px) {
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
