// Fonts and the bundled content, loaded once for all app tests.
#pragma once

#include <memory>

#include "app/app.h"
#include "content/loader.h"

namespace kiosk::app::test {

struct Env {
    std::unique_ptr<text::FontStack> fonts;
    std::shared_ptr<const content::Bundle> bundle;
};

inline Env& env() {
    static Env e = [] {
        Env x;
        if (auto f = text::FontStack::load())
            x.fonts = std::move(f.value());
        auto r = content::load_bundle(std::string(KIOSK_SOURCE_DIR) + "/content");
        if (r.bundle)
            x.bundle = std::make_shared<const content::Bundle>(std::move(*r.bundle));
        return x;
    }();
    return e;
}

inline AppConfig config(int w = 1920, int h = 1080) {
    AppConfig c;
    c.screen.width = w;
    c.screen.height = h;
    return c;
}

// The centre of the first hit target whose action matches.
inline std::pair<float, float> centre_of(App& app, const layout::Action& a) {
    auto dl = app.page();
    for (const auto& t : dl->targets) {
        if (t.action == a) {
            const bool content = t.layer == layout::Layer::Content;
            return {t.rect.x + t.rect.w / 2 + (content ? dl->viewport.x : 0),
                    t.rect.y + t.rect.h / 2 + (content ? dl->viewport.y - app.scroll() : 0)};
        }
    }
    return {-1, -1};
}

}  // namespace kiosk::app::test
