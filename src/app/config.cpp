#include "app/config.h"

#include "content/yaml_reader.h"

namespace kiosk::app {
namespace {

// An integer key within [lo, hi]; out of range is reported and ignored.
void read_int(content::YamlReader& r, const YAML::Node& m, const char* key, int lo, int hi,
              int& out) {
    auto v = r.integer(m, key, false);
    if (!v)
        return;
    if (*v < lo || *v > hi) {
        r.error(m[key], std::string("'") + key + "' must be between " + std::to_string(lo) +
                            " and " + std::to_string(hi));
        return;
    }
    out = static_cast<int>(*v);
}

void read_string(content::YamlReader& r, const YAML::Node& m, const char* key, std::string& out) {
    if (auto v = r.string(m, key, false, 4096))
        out = *v;
}

void read_screen(content::YamlReader& r, const YAML::Node& s, KioskConfig& c) {
    if (!r.expect_map(s, "'screen'"))
        return;
    r.check_keys(s, {"width", "height", "rotation", "dpi"});
    read_int(r, s, "width", 0, 8192, c.width);
    read_int(r, s, "height", 0, 8192, c.height);
    int rot = c.rotation;
    read_int(r, s, "rotation", 0, 270, rot);
    if (rot % 90 != 0)
        r.error(s["rotation"], "'rotation' must be 0, 90, 180 or 270");
    else
        c.rotation = rot;
    int dpi = static_cast<int>(c.dpi);
    read_int(r, s, "dpi", 50, 600, dpi);
    c.dpi = static_cast<float>(dpi);
}

void read_attract(content::YamlReader& r, const YAML::Node& a, KioskConfig& c) {
    if (!r.expect_map(a, "'attract'"))
        return;
    r.check_keys(a, {"enabled", "delay_s", "slide_s", "fade_ms"});
    if (auto e = r.field(a, "enabled", false)) {
        try {
            c.attract = e->as<bool>();
        } catch (const YAML::Exception&) {
            r.error(*e, "'enabled' must be true or false");
        }
    }
    read_int(r, a, "delay_s", 0, 3600, c.attract_delay_s);
    read_int(r, a, "slide_s", 2, 600, c.attract_slide_s);
    read_int(r, a, "fade_ms", 0, 10000, c.attract_fade_ms);
}

}  // namespace

KioskConfig load_config(const std::filesystem::path& path, Diagnostics& diags) {
    KioskConfig c;
    content::YamlReader r(path.string(), diags);
    auto root = r.parse(path);
    if (!root || !r.expect_map(*root, "the configuration"))
        return c;
    const YAML::Node& m = *root;
    r.check_keys(m, {"screen", "idle_timeout_s", "default_language", "attract", "staff_pin",
                     "data_dir", "pubkey", "usb_root"});
    if (auto s = r.field(m, "screen", false))
        read_screen(r, *s, c);
    if (auto a = r.field(m, "attract", false))
        read_attract(r, *a, c);
    read_int(r, m, "idle_timeout_s", 10, 86400, c.idle_timeout_s);
    if (auto l = r.string(m, "default_language", false, 32)) {
        if (auto lang = parse_lang(*l))
            c.default_lang = *lang;
        else
            r.error(m["default_language"], "unknown language '" + *l + "' (zh-HK, zh-Hans, en)");
    }
    read_string(r, m, "staff_pin", c.staff_pin);
    read_string(r, m, "data_dir", c.data_dir);
    read_string(r, m, "pubkey", c.pubkey);
    read_string(r, m, "usb_root", c.usb_root);
    return c;
}

}  // namespace kiosk::app
