#include "app/config.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

namespace kiosk::app {
namespace {

std::filesystem::path write(const std::string& text) {
    auto p = std::filesystem::temp_directory_path() /
             ("kiosk-config-" + std::to_string(std::random_device{}()) + ".yaml");
    std::ofstream(p) << text;
    return p;
}

TEST(Config, ReadsEveryKey) {
    auto p = write(
        "screen: {width: 1080, height: 1920, rotation: 270, dpi: 160}\nidle_timeout_s: 45\n"
        "default_language: en\nattract: {enabled: false, delay_s: 5, slide_s: 3, fade_ms: 0}\n"
        "staff_pin: \"9999\"\ndata_dir: /d\npubkey: /k.pub\nusb_root: /u\n");
    Diagnostics d;
    KioskConfig c = load_config(p, d);
    EXPECT_TRUE(d.empty()) << d.str();
    EXPECT_EQ(c.width, 1080);
    EXPECT_EQ(c.rotation, 270);
    EXPECT_EQ(c.dpi, 160);
    EXPECT_EQ(c.idle_timeout_s, 45);
    EXPECT_EQ(c.default_lang, Lang::En);
    EXPECT_FALSE(c.attract);
    EXPECT_EQ(c.attract_slide_s, 3);
    EXPECT_EQ(c.staff_pin, "9999");
    EXPECT_EQ(c.usb_root, "/u");
    std::filesystem::remove(p);
}

TEST(Config, BadValuesAreReportedWithPositionAndDefaultsKept) {
    auto p = write(
        "screen:\n  rotation: 45\n  dpi: 5\nidle_timeout_s: nope\ndefault_language: fr\ncolour: "
        "red\n");
    Diagnostics d;
    KioskConfig c = load_config(p, d);
    const std::string out = d.str();
    EXPECT_NE(out.find(p.string() + ":2:13: error: 'rotation' must be 0, 90, 180 or 270"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find(":3:8: error: 'dpi' must be between"), std::string::npos) << out;
    EXPECT_NE(out.find(":4:17: error: 'idle_timeout_s' must be a whole number"), std::string::npos)
        << out;
    EXPECT_NE(out.find("unknown language 'fr'"), std::string::npos) << out;
    EXPECT_NE(out.find("warning: unknown field 'colour'"), std::string::npos) << out;
    EXPECT_EQ(c.rotation, 0);
    EXPECT_EQ(c.idle_timeout_s, 90);
    EXPECT_EQ(c.default_lang, Lang::ZhHK);
    std::filesystem::remove(p);
}

TEST(Config, BrokenYamlKeepsEveryDefault) {
    auto p = write("screen: {rotation: 90\n");
    Diagnostics d;
    KioskConfig c = load_config(p, d);
    EXPECT_TRUE(d.has_errors());
    EXPECT_EQ(c.rotation, 0);
    std::filesystem::remove(p);
}

}  // namespace
}  // namespace kiosk::app
