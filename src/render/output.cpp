#include "render/output.h"

#include "base/log.h"
#include "input/rotation.h"

namespace kiosk::render {

Output::Output(SDL_Renderer* renderer, int physical_w, int physical_h, int degrees)
    : r_(renderer), pw_(physical_w), ph_(physical_h), degrees_(input::normal_rotation(degrees)) {
    std::tie(lw_, lh_) = input::logical_size(pw_, ph_, degrees_);
    if (degrees_ == 0)
        return;
    target_.reset(
        SDL_CreateTexture(r_, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET, lw_, lh_));
    if (!target_) {
        log_error(std::string("cannot rotate the screen: ") + SDL_GetError());
        degrees_ = 0;
        lw_ = pw_, lh_ = ph_;
    }
}

void Output::begin() {
    if (target_)
        SDL_SetRenderTarget(r_, target_.get());
}

void Output::end() {
    if (!target_)
        return;
    SDL_SetRenderTarget(r_, nullptr);
    // A lw×lh rectangle centred on the panel, turned about its centre, covers it exactly.
    const SDL_Rect dst{(pw_ - lw_) / 2, (ph_ - lh_) / 2, lw_, lh_};
    SDL_RenderCopyEx(r_, target_.get(), nullptr, &dst, degrees_, nullptr, SDL_FLIP_NONE);
}

}  // namespace kiosk::render
