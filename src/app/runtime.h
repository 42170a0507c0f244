// What every displaying subcommand needs: the fonts and the content, loaded
// from the place the options point to.
#pragma once

#include <filesystem>
#include <memory>

#include "app/app.h"
#include "app/config.h"
#include "app/content_choice.h"
#include "app/options.h"
#include "app/validator.h"
#include "content/model.h"
#include "render/picture_store.h"
#include "text/text.h"

namespace kiosk::app {

struct Runtime {
    std::unique_ptr<text::FontStack> fonts;  // the UI thread's
    std::shared_ptr<const content::Bundle> bundle;
    std::filesystem::path content_dir;
    int64_t version = 0;     // installed version shown; 0: --content or built-in
    bool updatable = false;  // no --content and the data directory exists: a ContentService runs
    // Pictures kept scaled in DATA/scaled-pictures when updatable; else null (scaled per load).
    std::shared_ptr<const render::ScaledPictures> pictures;
};

// The content to show, by choose_content's one rule (content_choice.h).
ContentChoice choose_content(const Options& o, const KioskConfig& c);
// Loads fonts and content; prints every problem to stderr. nullopt on failure.
std::optional<Runtime> load_runtime(const Options& o, const KioskConfig& c);
// The configuration file (--config, else /etc/kiosk/kiosk.yaml when present)
// with the command line's explicit options on top. Problems go to stderr.
KioskConfig settings(const Options& o);
// What the App needs for a logical screen of width×height.
AppConfig app_config(const KioskConfig& c, int width, int height);

int run_render(const Options& o);  // headless.cpp
int run_window(const Options& o);  // window.cpp

}  // namespace kiosk::app
