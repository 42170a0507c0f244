// RAII for SDL handles: unique_ptr with deleter structs, so every early return
// releases what it created.
#pragma once

#include <SDL.h>

#include <memory>

namespace kiosk::render {

struct SdlDeleter {
    void operator()(SDL_Window* p) const { SDL_DestroyWindow(p); }
    void operator()(SDL_Renderer* p) const { SDL_DestroyRenderer(p); }
    void operator()(SDL_Texture* p) const { SDL_DestroyTexture(p); }
    void operator()(SDL_Surface* p) const { SDL_FreeSurface(p); }
};

using WindowPtr = std::unique_ptr<SDL_Window, SdlDeleter>;
using RendererPtr = std::unique_ptr<SDL_Renderer, SdlDeleter>;
using TexturePtr = std::unique_ptr<SDL_Texture, SdlDeleter>;
using SurfacePtr = std::unique_ptr<SDL_Surface, SdlDeleter>;

// Draws into `tex` while alive, then restores the previous target.
class TargetScope {
  public:
    TargetScope(SDL_Renderer* r, SDL_Texture* tex) : r_(r), prev_(SDL_GetRenderTarget(r)) {
        SDL_SetRenderTarget(r_, tex);
    }
    ~TargetScope() { SDL_SetRenderTarget(r_, prev_); }
    TargetScope(const TargetScope&) = delete;
    TargetScope& operator=(const TargetScope&) = delete;

  private:
    SDL_Renderer* r_;
    SDL_Texture* prev_;
};

}  // namespace kiosk::render
