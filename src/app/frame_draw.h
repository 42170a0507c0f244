// Draws an app Frame (one page, or two mid-transition) with the renderer.
#pragma once

#include "app/app.h"
#include "render/layers.h"
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

// Before drawing a frame, as the window loop does: hands the page a tap opened
// to the renderer's worker, and while the worker is still painting it, holds
// the transition where that page is not visible yet (App::wait_for_incoming).
inline void prepare_frame(App& app, render::Renderer& r) {
    const auto [page, background] = app.upcoming();
    r.prefetch(page, background);
    if (page && r.painting(*page, background))
        app.wait_for_incoming();
}

// The first frame after start, or a single screenshot: nothing was prepared
// ahead, so the pictures it shows are decoded and scaled on every core at once
// (render/picture_batch.h) rather than one after another while drawing.
inline void prepare_pictures(render::Renderer& r, const Frame& f, int threads) {
    for (const auto& layer : f.layers)
        if (layer.page)
            r.images().prepare(render::picture_requests(*layer.page), threads);
}

// Unrotated: straight onto the renderer's current target.
inline void draw_frame(render::Renderer& r, const Frame& f) {
    r.layers().begin_frame(f.background);  // cleared where the first layer does not cover
    for (const auto& layer : f.layers)
        r.layers().draw(layer.page, layer.view, f.background);
    r.layers().end_frame();
}

}  // namespace kiosk::app
