// Where frames go: straight to the screen, or, on a panel mounted turned,
// into a logical-size texture that is then copied turned onto the screen.
// One extra full-screen copy per frame, and only on rotated panels.
//
// Lifetime: borrows the SDL_Renderer, which must outlive it.
#pragma once

#include <SDL.h>

#include "render/sdl_handles.h"

namespace kiosk::render {

class Output {
  public:
    Output(SDL_Renderer* renderer, int physical_w, int physical_h, int degrees);

    int logical_w() const { return lw_; }
    int logical_h() const { return lh_; }
    int physical_w() const { return pw_; }
    int physical_h() const { return ph_; }
    int degrees() const { return degrees_; }

    void begin();  // subsequent drawing lands in logical coordinates
    void end();    // the logical picture reaches the screen, turned

  private:
    SDL_Renderer* r_;
    int pw_, ph_, lw_, lh_, degrees_;
    TexturePtr target_;
};

}  // namespace kiosk::render
