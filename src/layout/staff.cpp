// Staff menu layout: PIN pad, the menu, the import log and the touch test.
#include "layout/staff.h"

#include <algorithm>

#include "layout/theme.h"
#include "layout/visitors.h"

namespace kiosk::layout {
namespace {

constexpr Rgba kPanel{0x24, 0x27, 0x2B, 0xFF};
constexpr Rgba kKey{0x3A, 0x3F, 0x45, 0xFF};
constexpr Rgba kWarn{0xB0, 0x3A, 0x2E, 0xFF};
constexpr Rgba kText{0xF2, 0xF2, 0xF2, 0xFF};

text::TextStyle en(const Builder& b, float em, text::Weight w = text::Weight::Regular) {
    text::TextStyle st = b.style(em, w);
    st.lang = Lang::En;
    return st;
}

void key(Builder& b, Rect r, const std::string& label, int command, Rgba bg = kKey) {
    b.button(Layer::Chrome, r, label, Action::staff(command), bg, kText,
             en(b, 1.0f, text::Weight::Bold));
}

float header(Builder& b, const std::string& title, const std::string& message) {
    const Metrics& m = b.m();
    float y = m.margin;
    y += b.text(Layer::Chrome, title, en(b, 1.25f, text::Weight::Bold), m.margin, y,
                m.w - 2 * m.margin - m.bar_h * 3, kText);
    key(b, {m.w - m.margin - m.bar_h * 2.5f, m.margin, m.bar_h * 2.5f, m.bar_h}, "Close",
        kStaffClose);
    if (!message.empty())
        y += b.text(Layer::Chrome, message, en(b, 0.9f, text::Weight::Bold), m.margin,
                    y + m.gap * 0.5f, m.w - 2 * m.margin, Rgba{0xFF, 0xC8, 0x6B, 0xFF});
    return std::max(y, m.margin + m.bar_h) + m.gap;
}

void pin_pad(Builder& b, const StaffView& v, float top) {
    const Metrics& m = b.m();
    const float side = std::min((m.w - 2 * m.margin) / 3.5f, (m.h - top - m.margin) / 5.2f);
    const float x0 = (m.w - side * 3 - m.gap * 2) / 2;
    std::string dots(static_cast<size_t>(v.pin_digits), '*');
    if (dots.empty())
        dots = "Enter PIN";
    text::TextStyle st = en(b, 1.2f, text::Weight::Bold);
    st.align = text::Align::Center;
    b.text(Layer::Chrome, dots, st, x0, top, side * 3 + m.gap * 2, kText);
    const float y0 = top + side * 0.8f;
    const char* labels[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Del", "0", "OK"};
    const int commands[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, kStaffDelete, 0, kStaffEnter};
    for (int i = 0; i < 12; ++i) {
        const Rect r{x0 + static_cast<float>(i % 3) * (side + m.gap),
                     y0 + static_cast<float>(i / 3) * (side * 0.8f + m.gap), side, side * 0.8f};
        key(b, r, labels[i], commands[i]);
    }
}

void menu(Builder& b, const StaffView& v, float top) {
    const Metrics& m = b.m();
    const float col = (m.w - 3 * m.margin) / 2;
    float y = top;
    for (const auto& line : v.info)
        y += b.text(Layer::Chrome, line, en(b, 0.8f), m.margin, y, col, kText);
    struct Item {
        const char* label;
        int command;
        Rgba bg;
    };
    std::vector<Item> items = {
        {"Visitors", kStaffVisitors, kKey},
        {"Import log", kStaffLog, kKey},
        {v.confirm_rollback ? "Tap again to roll back" : "Roll back to previous version",
         v.confirm_rollback ? kStaffRollbackConfirm : kStaffRollback,
         v.confirm_rollback ? kWarn : kKey},
        {"Touch test", kStaffTouchTest, kKey},
        {"Rotate screen 90°", kStaffRotate, kKey},
        {"Brighter", kStaffBrighter, kKey},
        {"Dimmer", kStaffDimmer, kKey},
        {"Restart the kiosk app", kStaffRestart, kWarn},
    };
    if (v.fleet_offer)
        items.insert(items.begin() + 1, {"Fleet", kStaffFleet, kKey});
    if (v.downgrade_offer)
        items.insert(items.begin(),
                     {"Install the OLDER version on the stick", kStaffDowngrade, kWarn});
    // The gaps count too: with eight items the last one reached the screen's edge at 800×480.
    const float n = static_cast<float>(items.size());
    const float bh = std::max(
        m.target, std::min(m.bar_h * 1.1f, (m.h - top - m.margin - (n - 1) * m.gap * 0.6f) / n));
    float by = top;
    for (const Item& it : items) {
        key(b, {m.margin * 2 + col, by, col, bh}, it.label, it.command, it.bg);
        by += bh + m.gap * 0.6f;
    }
}

void log_screen(Builder& b, const StaffView& v, float top) {
    const Metrics& m = b.m();
    key(b, {m.margin, top, m.bar_h * 3, m.bar_h}, "‹ Menu", kStaffMenu);
    float y = top + m.bar_h + m.gap;
    const text::TextStyle st = en(b, 0.7f);
    // Newest first: what staff look for is the last attempt.
    for (auto it = v.log.rbegin(); it != v.log.rend() && y < m.h - m.margin; ++it)
        y += b.text(Layer::Chrome, *it, st, m.margin, y, m.w - 2 * m.margin, kText);
}

void visitors_screen(Builder& b, const StaffView& v, float top) {
    const Metrics& m = b.m();
    key(b, {m.margin, top, m.bar_h * 3, m.bar_h}, "‹ Menu", kStaffMenu);
    const Rgba on{0x5A, 0x62, 0x6B, 0xFF};
    key(b, {m.margin + m.bar_h * 3 + m.gap, top, m.bar_h * 3, m.bar_h}, "Today",
        kStaffVisitorsToday, v.visitors_all ? kKey : on);
    key(b, {m.margin + m.bar_h * 6 + m.gap * 2, top, m.bar_h * 3, m.bar_h}, "All days",
        kStaffVisitorsAll, v.visitors_all ? on : kKey);
    build_visitors(b, v.visitors, top + m.bar_h + m.gap);
}

// This kiosk's device ID as a QR code (a laptop joining it to the fleet scans
// it) and as text, beside one line per kiosk of the fleet.
void fleet_screen(Builder& b, const StaffView& v, float top) {
    const Metrics& m = b.m();
    key(b, {m.margin, top, m.bar_h * 3, m.bar_h}, "‹ Menu", kStaffMenu);
    const float y0 = top + m.bar_h + m.gap;
    const float side = std::min((m.w - 3 * m.margin) * 0.4f, m.h - y0 - m.margin);
    // Dark modules on white, with the quiet zone: scanners need the contrast.
    b.fill(Layer::Chrome, {m.margin, y0, side, side}, Rgba{0xFF, 0xFF, 0xFF, 0xFF});
    b.qr(Layer::Chrome, {m.margin + side * 0.04f, y0 + side * 0.04f, side * 0.92f, side * 0.92f},
         v.fleet_id, Rgba{0, 0, 0, 0xFF});
    const float x = m.margin * 2 + side, w = m.w - x - m.margin;
    float y = y0;
    y += b.text(Layer::Chrome, "This kiosk's device ID:", en(b, 0.8f), x, y, w, kText);
    y += b.text(Layer::Chrome, v.fleet_id, en(b, 0.8f, text::Weight::Bold), x, y, w, kText);
    y += m.gap;
    for (size_t i = 0; i < v.fleet.size() && y < m.h - m.margin; ++i)
        y += b.text(Layer::Chrome, v.fleet[i], en(b, 0.7f), x, y, w, kText);
}

void touch_test(Builder& b, const StaffView& v) {
    const Metrics& m = b.m();
    const float step = m.target * 2;
    for (float x = 0; x < m.w; x += step)
        b.fill(Layer::Chrome, {x, 0, 1, m.h}, Rgba{0x50, 0x55, 0x5C, 0xFF});
    for (float y = 0; y < m.h; y += step)
        b.fill(Layer::Chrome, {0, y, m.w, 1}, Rgba{0x50, 0x55, 0x5C, 0xFF});
    const float r = m.target * 0.5f;
    for (auto [x, y] : v.touches) {
        b.fill(Layer::Chrome, {x - r, y - 1, 2 * r, 3}, Rgba{0xFF, 0xC8, 0x6B, 0xFF});
        b.fill(Layer::Chrome, {x - 1, y - r, 3, 2 * r}, Rgba{0xFF, 0xC8, 0x6B, 0xFF});
    }
    key(b, {m.margin, m.h - m.margin - m.bar_h, m.bar_h * 3, m.bar_h}, "‹ Menu", kStaffMenu);
}

}  // namespace

DisplayList build_staff(const PageContext& ctx, const StaffView& v) {
    Builder b(ctx);
    const Metrics& m = b.m();
    b.dl().viewport = {0, 0, m.w, m.h};
    b.dl().content_height = m.h;
    b.fill(Layer::Chrome, {0, 0, m.w, m.h}, kPanel);
    switch (v.screen) {
        case StaffView::Screen::Pin:
            pin_pad(b, v, header(b, "Staff menu", v.message));
            break;
        case StaffView::Screen::Menu:
            menu(b, v, header(b, "Staff menu", v.message));
            break;
        case StaffView::Screen::Log:
            log_screen(b, v, header(b, "Import log", v.message));
            break;
        case StaffView::Screen::TouchTest:
            touch_test(b, v);
            break;
        case StaffView::Screen::Visitors:
            visitors_screen(b, v, header(b, "Visitors", v.message));
            break;
        case StaffView::Screen::Fleet:
            fleet_screen(b, v, header(b, "Fleet", v.message));
            break;
    }
    return b.finish();
}

}  // namespace kiosk::layout
