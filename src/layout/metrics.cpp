#include "layout/metrics.h"

#include <algorithm>

namespace kiosk::layout {
namespace {
constexpr float kBodyPerShortSide = 32.0f / 1080.0f;  // 32 px body on a 1080-line screen
constexpr float kLargeTextScale = 1.25f;
constexpr float kMinBodyPx = 18.0f;  // legible on a 7" 800×480 panel
constexpr float kMinTargetMm = 9.0f;
}  // namespace

Metrics compute_metrics(const Screen& s) {
    Metrics m;
    m.w = static_cast<float>(s.width);
    m.h = static_cast<float>(s.height);
    m.portrait = s.height > s.width;
    const float short_side = std::min(m.w, m.h);
    float body = std::max(kMinBodyPx, short_side * kBodyPerShortSide);
    if (s.large_text)
        body *= kLargeTextScale;
    m.body = body;
    m.margin = std::max(12.0f, short_side * 0.03f);
    m.gap = std::max(8.0f, short_side * 0.018f);
    m.target = kMinTargetMm / 25.4f * s.dpi;
    m.bar_h = std::max(m.body * 2.4f, m.target + m.gap);
    m.radius = std::max(6.0f, short_side * 0.012f);
    return m;
}

}  // namespace kiosk::layout
