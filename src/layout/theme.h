// Colours and proportions of the kiosk's look, in one place.
#pragma once

#include "layout/geometry.h"

namespace kiosk::layout::theme {

inline constexpr Rgba kPage{0xF6, 0xF4, 0xEF, 0xFF};  // warm paper
inline constexpr Rgba kBar{0xFF, 0xFF, 0xFF, 0xFF};
inline constexpr Rgba kRule{0xDD, 0xD8, 0xCE, 0xFF};
inline constexpr Rgba kInk{0x1E, 0x1E, 0x1E, 0xFF};    // body text
inline constexpr Rgba kMuted{0x5C, 0x58, 0x52, 0xFF};  // captions, dates
inline constexpr Rgba kButton{0xEC, 0xE8, 0xE0, 0xFF};
inline constexpr Rgba kButtonActive{0x2B, 0x2B, 0x2B, 0xFF};
inline constexpr Rgba kOnDark{0xFF, 0xFF, 0xFF, 0xFF};
inline constexpr Rgba kHero{0xA3, 0x1F, 0x34, 0xFF};     // event red
inline constexpr Rgba kPressed{0x00, 0x00, 0x00, 0x40};  // overlay on a touched control
inline constexpr Rgba kPlaceholder{0xD9, 0xD4, 0xCA, 0xFF};

}  // namespace kiosk::layout::theme
