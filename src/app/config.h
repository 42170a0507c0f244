// The kiosk's own settings (not content): /etc/kiosk/kiosk.yaml on the device,
// `--config FILE` elsewhere. Every key is optional; docs/config.md lists them
// with their defaults. Command-line options override the file.
#pragma once

#include <filesystem>
#include <string>

#include "base/device_paths.h"
#include "base/diagnostic.h"
#include "base/lang.h"

namespace kiosk::app {

struct KioskConfig {
    int width = 0, height = 0;  // 0: the display's own size
    int rotation = 0;           // clockwise degrees: 0, 90, 180, 270
    float dpi = 96;             // of the physical screen, for 9 mm touch targets
    int idle_timeout_s = 90;
    Lang default_lang = kDefaultLang;
    bool attract = true;
    int attract_delay_s = 30;  // on Home, untouched, before the attract loop starts
    int attract_slide_s = 7;   // each picture stays this long
    int attract_fade_ms = 1200;
    std::string staff_pin = "2023";
    std::string data_dir = paths::kDataDir;
    std::string pubkey = paths::kPublicKey;
    std::string usb_root = paths::kUsbRoot;
};

inline constexpr const char* kDefaultConfigPath = paths::kConfigFile;

// Reads `path` over the defaults. Problems are reported (file:line:col) and
// the default kept for that key: a typo never stops the kiosk.
KioskConfig load_config(const std::filesystem::path& path, Diagnostics& diags);

}  // namespace kiosk::app
