// Draws an app Frame (one page, or two mid-transition) with the renderer.
#pragma once

#include "app/app.h"
#include "render/output.h"
#include "render/renderer.h"

namespace kiosk::app {

inline void draw_frame(render::Renderer& r, render::Output& out, const Frame& f) {
    out.begin();
    r.layers().begin_frame(f.background);  // cleared where the first layer does not cover
    for (const auto& layer : f.layers)
        r.layers().draw(layer.page, layer.view, f.background);
    r.layers().end_frame();
    out.end();
}

// Unrotated: straight onto the renderer's current target.
inline void draw_frame(render::Renderer& r, const Frame& f) {
    r.layers().begin_frame(f.background);  // cleared where the first layer does not cover
    for (const auto& layer : f.layers)
        r.layers().draw(layer.page, layer.view, f.background);
    r.layers().end_frame();
}

}  // namespace kiosk::app
