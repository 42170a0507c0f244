// Sizes derived from the screen: everything scales with the shorter side so the
// same layout reads well from 800×480 to 3840×2160, in either orientation.
#pragma once

namespace kiosk::layout {

struct Screen {
    int width = 1920, height = 1080;  // logical px (after rotation)
    float dpi = 96;                   // for the 9 mm minimum touch target
    bool large_text = false;          // the visitor's A+ toggle
    bool operator==(const Screen&) const = default;
};

struct Metrics {
    float w = 0, h = 0;
    bool portrait = false;
    float body = 32;   // body text size, px
    float margin = 0;  // outer margin
    float gap = 0;     // between elements
    float bar_h = 0;   // control bar height
    float target = 0;  // minimum touch target side (9 mm)
    float radius = 0;  // corner radius of tiles and buttons
};

Metrics compute_metrics(const Screen& s);

// The screens the kiosk is made for, with their panels' DPI: the official 7"
// Raspberry Pi display in both orientations, a 10.1" 1280×800 panel, and
// 96 dpi monitors. Goldens, tests and validation cover each, normal and A+.
inline constexpr Screen kSupportedScreens[] = {
    {800, 480, 133}, {480, 800, 133}, {1280, 800, 149}, {1920, 1080, 96}, {1080, 1920, 96}};

}  // namespace kiosk::layout
