// Pictures as textures, scaled once to the exact size they are drawn at (a
// high-quality resample beats the renderer's per-frame scaling, and a 1:1 copy
// is the cheapest thing a software renderer can do). Least recently used
// textures are dropped past a byte budget.
//
// Lifetime: owned by the Renderer; borrows its SDL_Renderer.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "render/picture_store.h"
#include "render/sdl_handles.h"

namespace kiosk::render {

class PicturePrefetcher;

class ImageCache {
  public:
    explicit ImageCache(SDL_Renderer* renderer, size_t budget_bytes = 8u << 20)
        : renderer_(renderer), budget_(budget_bytes) {}

    // A w×h texture of the picture at `path`, cropped to fill ("cover"), or
    // nullptr when the file is missing or corrupt (the caller draws a placeholder).
    SDL_Texture* get(const std::string& path, int w, int h);
    // Prepares the pictures of `wanted` not cached yet on `threads` threads at
    // once (render/picture_batch.h), so the gets that follow only look up.
    void prepare(const std::vector<PictureRequest>& wanted, int threads);
    // A texture for a QR code of `text`: one texel per module, with a quiet zone.
    SDL_Texture* qr(const std::string& text);
    void clear();
    // Where finished pictures may come from before decoding here (may be null).
    void set_prefetcher(PicturePrefetcher* p) { prefetcher_ = p; }
    // Where scaled pictures are kept between loads (render/picture_store.h); may be null.
    void set_store(std::shared_ptr<const ScaledPictures> s) { store_ = std::move(s); }
    size_t bytes() const { return bytes_; }

  private:
    struct Entry {
        TexturePtr tex;
        size_t bytes = 0;
        std::list<std::string>::iterator lru;
    };
    SDL_Texture* insert(const std::string& key, TexturePtr tex, size_t bytes);
    // Uploads `scaled`, or logs why there is nothing and marks the picture failed.
    SDL_Texture* adopt(const PictureRequest& r, Result<std::vector<uint8_t>> scaled);
    SDL_Texture* upload(const std::string& key, int w, int h, const std::vector<uint8_t>& px);
    SDL_Texture* lookup(const std::string& key);

    SDL_Renderer* renderer_;
    PicturePrefetcher* prefetcher_ = nullptr;
    std::shared_ptr<const ScaledPictures> store_;
    size_t budget_, bytes_ = 0;
    std::list<std::string> lru_;  // front = most recent
    std::unordered_map<std::string, Entry> map_;
    std::unordered_map<std::string, bool> failed_;  // logged once, not retried every frame
};

}  // namespace kiosk::render
