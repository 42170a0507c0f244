#include "layout/visitors.h"

#include <algorithm>
#include <cstdio>

namespace kiosk::layout {
namespace {

constexpr Rgba kText{0xF2, 0xF2, 0xF2, 0xFF};
constexpr Rgba kMutedText{0xB8, 0xBC, 0xC2, 0xFF};
constexpr Rgba kTrack{0x33, 0x37, 0x3C, 0xFF};
// Each language keeps its colour whatever the order (the most read comes first).
Rgba lang_colour(const std::string& tag) {
    if (tag == "zh-HK")
        return {0xE0, 0x4F, 0x5F, 0xFF};
    if (tag == "zh-Hans")
        return {0x4F, 0x9D, 0xE0, 0xFF};
    if (tag == "en")
        return {0x6C, 0xC0, 0x6C, 0xFF};
    return {0x99, 0x99, 0x99, 0xFF};
}

text::TextStyle en(const Builder& b, float em, text::Weight w = text::Weight::Regular) {
    text::TextStyle st = b.style(em, w);
    st.lang = Lang::En;
    st.line_height_em = 1.25f;
    return st;
}

std::string duration(int64_t ms) {
    const int64_t s = (ms + 500) / 1000;
    char buf[32];
    if (s < 60)
        std::snprintf(buf, sizeof buf, "%llds", static_cast<long long>(s));
    else
        std::snprintf(buf, sizeof buf, "%lldm%02llds", static_cast<long long>(s / 60),
                      static_cast<long long>(s % 60));
    return buf;
}

stats::PageFigure figure(const stats::Summary& s, const std::string& id) {
    for (const auto& p : s.pages)
        if (p.page == id)
            return p;
    return {id};
}

// One bar per area in the content's order and colour: views, then the median dwell.
void area_bars(Builder& b, const stats::Summary& s, Rect box) {
    const auto& areas = b.ctx().bundle.areas;
    const float head = b.text(Layer::Chrome, "Page views and median time on the page",
                              en(b, 0.6f, text::Weight::Bold), box.x, box.y, box.w, kMutedText);
    box.y += head, box.h -= head;
    const float row = box.h / static_cast<float>(std::max<size_t>(areas.size(), 1));
    const float label_w = box.w * 0.42f, value_w = box.w * 0.2f;
    const float bar_w = box.w - label_w - value_w - b.m().gap;
    float em = 0.62f;  // the longest title fits on one line, down to a readable minimum
    for (const auto& a : areas)
        em = std::min(em, 0.62f * (label_w - b.m().gap) /
                              std::max(1.0f, b.measure(a.title.get(Lang::En), en(b, 0.62f))));
    em = std::max(em, 0.42f);
    int64_t max = 1;
    for (const auto& a : areas)
        max = std::max(max, figure(s, a.id).views);
    float y = box.y;
    for (const auto& a : areas) {
        const stats::PageFigure f = figure(s, a.id);
        const float text_y = y + (row - b.m().body * em * 1.25f) / 2;
        b.text(Layer::Chrome, a.title.get(Lang::En), en(b, em), box.x, text_y, label_w - b.m().gap,
               kText);
        const float bx = box.x + label_w, bh = row * 0.62f, by = y + (row - bh) / 2;
        b.fill(Layer::Chrome, {bx, by, bar_w, bh}, kTrack, bh * 0.2f);
        const float w = bar_w * static_cast<float>(f.views) / static_cast<float>(max);
        if (f.views > 0)
            b.fill(Layer::Chrome, {bx, by, std::max(w, bh * 0.4f), bh},
                   Rgba{a.accent.r, a.accent.g, a.accent.b, 0xFF}, bh * 0.2f);
        const std::string value =
            std::to_string(f.views) + (f.views ? "  " + duration(f.median_dwell_ms) : "");
        b.text(Layer::Chrome, value, en(b, std::max(em, 0.5f), text::Weight::Bold),
               bx + bar_w + b.m().gap, text_y, value_w, kText);
        y += row;
    }
}

float lang_share(Builder& b, const stats::Summary& s, Rect box) {
    const float em = 0.6f;
    float y = box.y + b.text(Layer::Chrome, "Language", en(b, em, text::Weight::Bold), box.x, box.y,
                             box.w, kMutedText);
    int64_t total = 0;
    for (const auto& l : s.langs)
        total += l.views;
    const float bh = b.m().body * 0.7f;
    float x = box.x;
    float ty = y + bh + b.m().gap * 0.3f;
    for (const auto& l : s.langs) {
        const Rgba c = lang_colour(l.lang);
        const float w = total ? box.w * static_cast<float>(l.views) / static_cast<float>(total) : 0;
        b.fill(Layer::Chrome, {x, y, w, bh}, c);
        x += w;
        const std::string name = l.lang == "zh-HK"     ? "繁 zh-HK"
                                 : l.lang == "zh-Hans" ? "简 zh-Hans"
                                                       : "EN";
        const std::string line =
            name + "  " + std::to_string(total ? (l.views * 100 + total / 2) / total : 0) + "%";
        b.fill(Layer::Chrome, {box.x, ty + b.m().body * em * 0.3f, bh * 0.6f, bh * 0.6f}, c);
        ty += b.text(Layer::Chrome, line, en(b, em), box.x + bh, ty, box.w - bh, kText);
    }
    return ty - box.y;
}

void busiest_hours(Builder& b, const stats::Summary& s, Rect box) {
    const auto peak = std::max_element(s.visits_by_hour.begin(), s.visits_by_hour.end());
    const int busiest = static_cast<int>(peak - s.visits_by_hour.begin());
    const std::string title = "Visits by hour · busiest " + std::to_string(busiest) + ":00–" +
                              std::to_string(busiest + 1) + ":00";
    const float head = b.text(Layer::Chrome, title, en(b, 0.6f, text::Weight::Bold), box.x, box.y,
                              box.w, kMutedText);
    int first = 24, last = -1;  // show the hours the kiosk was used, at least 9:00-18:00
    for (int h = 0; h < 24; ++h)
        if (s.visits_by_hour[static_cast<size_t>(h)] > 0)
            first = std::min(first, h), last = std::max(last, h);
    first = std::min(first, 9), last = std::max(last, 18);
    const int64_t max = std::max<int64_t>(1, *peak);
    const float label_h = b.m().body * 0.55f * 1.4f;
    const float chart_h = box.h - head - label_h;
    const float step = box.w / static_cast<float>(last - first + 1);
    for (int h = first; h <= last; ++h) {
        const float x = box.x + static_cast<float>(h - first) * step;
        const float bh = chart_h * static_cast<float>(s.visits_by_hour[static_cast<size_t>(h)]) /
                         static_cast<float>(max);
        const Rgba c = h == busiest ? Rgba{0xFF, 0xC8, 0x6B, 0xFF} : Rgba{0xB0, 0x8C, 0x50, 0xFF};
        if (bh >= 1)
            b.fill(Layer::Chrome, {x + step * 0.12f, box.y + head + chart_h - bh, step * 0.76f, bh},
                   c);
        if ((h - first) % 3 == 0)
            b.text(Layer::Chrome, std::to_string(h) + ":00", en(b, 0.55f), x,
                   box.y + head + chart_h, step * 3, kMutedText);
    }
}

}  // namespace

void build_visitors(Builder& b, const stats::Summary& s, float top) {
    const Metrics& m = b.m();
    std::string line = s.title + ":  " + std::to_string(s.visits) + " visits · " +
                       std::to_string(s.views) + " page views · median visit " +
                       duration(s.median_visit_ms);
    top += b.text(Layer::Chrome, line, en(b, 0.75f, text::Weight::Bold), m.margin, top,
                  m.w - 2 * m.margin, kText) +
           m.gap * 0.5f;
    if (s.visits == 0 && s.views == 0) {
        b.text(Layer::Chrome, "No visits recorded yet.", en(b, 0.75f), m.margin, top,
               m.w - 2 * m.margin, kMutedText);
        return;
    }
    const float h = m.h - top - m.margin;
    const float left_w = (m.w - 2 * m.margin) * (m.portrait ? 1.0f : 0.62f);
    if (m.portrait) {
        area_bars(b, s, {m.margin, top, left_w, h * 0.6f});
        const float lh = lang_share(b, s, {m.margin, top + h * 0.62f, left_w, h * 0.2f});
        busiest_hours(b, s,
                      {m.margin, top + h * 0.62f + lh + m.gap, left_w, h * 0.38f - lh - m.gap});
        return;
    }
    area_bars(b, s, {m.margin, top, left_w, h});
    const float rx = m.margin * 2 + left_w, rw = m.w - rx - m.margin;
    const float lh = lang_share(b, s, {rx, top, rw, h * 0.45f});
    busiest_hours(b, s, {rx, top + lh + m.gap, rw, h - lh - m.gap});
}

}  // namespace kiosk::layout
