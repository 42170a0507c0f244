// Retained layers: each page is drawn once into textures, and a frame only
// moves and blends those. A page is three layers, bottom to top: its
// background, its Content cut into horizontal tiles (drawn once each, scrolled
// by moving them), and its Chrome. A "snapshot" is the whole page at one scroll
// offset in one screen-sized texture: a fade blends it, a slide moves it, a
// scroll frame takes everything outside the viewport from it.
//
// Textures have no alpha channel (opaque pages), which lets the software
// renderer use its fast constant-alpha blend for fades.
//
// Memory: least recently used textures are dropped past a byte budget, except
// those the current frame uses (begin_frame() starts a frame).
//
// Lifetime: owned by the Renderer; borrows it.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <list>
#include <memory>
#include <optional>
#include <vector>

#include "layout/display_list.h"
#include "render/fade.h"
#include "render/painter.h"
#include "render/prefetch.h"
#include "render/sdl_handles.h"

namespace kiosk::render {

class Renderer;

// The pictures of `page` at the pixel sizes its layers will draw them; with
// `below_fold`, only the Content pictures that reach below the viewport at
// scroll 0 (what the painter leaves for the UI thread's scroll frames).
std::vector<PictureRequest> picture_requests(const layout::DisplayList& page,
                                             bool below_fold = false);

class Layers {
  public:
    static constexpr int kTileHeight = 256;
    static constexpr size_t kDefaultBudget = 16u << 20;  // two 1920×1080 snapshots

    explicit Layers(Renderer& renderer, size_t budget_bytes = kDefaultBudget)
        : renderer_(renderer), budget_(budget_bytes) {}

    // Starts a frame: records the target's size and uploads what the painter finished.
    void begin_frame();
    // The same, for a frame over `background`: the target is cleared to it only
    // where the first layer does not cover it (a scroll frame or a fade straight
    // into the screen covers every pixel itself).
    void begin_frame(layout::Rgba background);
    // Ends a frame: what it did not use goes, oldest first, past the budget
    // (an adopted page may have brought the cache over it).
    void end_frame();
    // Draws `page` as `view` shows it onto the current target. Pages without a
    // viewport (overlays such as the update notice) are drawn directly.
    void draw(const std::shared_ptr<const layout::DisplayList>& page, const layout::ViewState& view,
              layout::Rgba background);
    // What a snapshot of `page` at scroll 0 holds, drawn onto the current target
    // (its tiles are made and kept as layers): the painter's worker draws it
    // straight into the pixels it hands over, with no snapshot texture to read back.
    void compose(const std::shared_ptr<const layout::DisplayList>& page, layout::Rgba background);
    // The layers of `page` (all of them, most recent first) read back as pixels
    // and dropped from the cache: what the painter's worker hands to the UI.
    std::vector<PaintedLayer> export_page(const std::shared_ptr<const layout::DisplayList>& page,
                                          layout::Rgba background);
    // Uploads a page painted elsewhere; layers already here are kept.
    void adopt(PaintedPage painted);
    // True when showing `page` at scroll 0 needs no drawing (with `any_scroll`:
    // when a snapshot of it at any scroll is here).
    bool has_snapshot(const layout::DisplayList& page, layout::Rgba background,
                      bool any_scroll = false);
    // The target's size at the last begin_frame(): what a snapshot covers.
    int screen_w() const { return screen_w_; }
    int screen_h() const { return screen_h_; }
    // Drops every texture (render targets lost, or content replaced).
    void clear() { entries_.clear(), bytes_ = 0; }
    size_t bytes() const { return bytes_; }
    size_t budget() const { return budget_; }

  private:
    enum class Kind { Snapshot, Tile };
    struct Entry {
        std::weak_ptr<const layout::DisplayList> page;
        const layout::DisplayList* raw = nullptr;
        layout::Rgba background;
        Kind kind = Kind::Tile;
        int index = 0;      // tile: rows [index * kTileHeight, +kTileHeight) of the content
        float scroll = -1;  // snapshot: the scroll offset it shows
        int w = 0, h = 0;
        TexturePtr tex;            // null while the layer waits as `px` (painted, not uploaded)
        std::vector<uint32_t> px;  // a painted tile, uploaded when a frame first needs it
        uint64_t used = 0;         // frame number of the last use
    };
    using Iter = std::list<Entry>::iterator;

    Iter find(const layout::DisplayList* page, layout::Rgba bg, Kind kind, int index, int w, int h);
    Iter make(const std::shared_ptr<const layout::DisplayList>& page, layout::Rgba bg, Kind kind,
              int index, int w, int h);
    SDL_Texture* tile(const std::shared_ptr<const layout::DisplayList>& page, layout::Rgba bg,
                      int index);
    SDL_Texture* snapshot(const std::shared_ptr<const layout::DisplayList>& page, layout::Rgba bg,
                          float scroll);
    // The whole screen of `page` at `scroll` (background, tiles, chrome) onto the current target.
    void draw_page(const std::shared_ptr<const layout::DisplayList>& page, layout::Rgba bg,
                   float scroll);
    // True when a transition frame leaves `page` to the painter: its snapshot
    // is not here yet, and drawing it now would stall the UI thread.
    bool left_to_painter(const std::shared_ptr<const layout::DisplayList>& page, layout::Rgba bg,
                         float scroll);
    // The content tiles of `page` at `scroll`, onto the current target at (dx, 0).
    void draw_tiles(const std::shared_ptr<const layout::DisplayList>& page, layout::Rgba bg,
                    float scroll, int dx);
    void scroll_frame(const std::shared_ptr<const layout::DisplayList>& page,
                      const layout::ViewState& view, layout::Rgba bg);
    void evict();
    // Software renderer only: a page fading over the cleared background, only
    // where it has items (render/fade.h). False when it does not apply; the caller blits.
    bool fade_over_background(const std::shared_ptr<const layout::DisplayList>& page,
                              SDL_Texture* snapshot, float scroll, uint8_t alpha, layout::Rgba bg);
    // A w×h target texture for a layer: an evictable one reused, else a new one.
    TexturePtr layer_texture(int w, int h);
    // A new most-recently-used entry (a texture, or pixels waiting to be uploaded).
    Iter insert(const std::shared_ptr<const layout::DisplayList>& page, layout::Rgba bg, Kind kind,
                int index, int w, int h, TexturePtr tex, std::vector<uint32_t> px);
    // Uploads a tile waiting as pixels; false if no texture could be made.
    bool upload(Entry& e);
    // An evictable texture of exactly w×h, taken out of the cache, when over budget.
    TexturePtr recycle(int w, int h);

    Renderer& renderer_;
    size_t budget_, bytes_ = 0;
    uint64_t frame_ = 1;
    uint64_t keep_from_ = 1;    // eviction spares textures used since this frame
    std::list<Entry> entries_;  // front = most recently used
    int layers_this_frame_ = 0;
    int screen_w_ = 0, screen_h_ = 0;
    std::optional<layout::Rgba> pending_clear_;  // not cleared yet: the first layer decides
    void clear_pending();

    BackgroundFade fade_;  // its buffers are freed on the first frame without a fade
    uint64_t fade_frame_ = 0;
};

}  // namespace kiosk::render
