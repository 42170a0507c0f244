#include "app/options.h"

#include <cstdio>
#include <cstdlib>

namespace kiosk::app {
namespace {

// Subcommands whose own parser reads every argument after the name.
bool delegated(const std::string& cmd) {
    return cmd == "layout" || cmd == "keygen" || cmd == "bundle" || cmd == "import" ||
           cmd == "status" || cmd == "fleet";
}

bool parse_size(const std::string& s, int& w, int& h) {
    char x = 0;
    return std::sscanf(s.c_str(), "%d%c%d", &w, &x, &h) == 3 && (x == 'x' || x == 'X') && w >= 64 &&
           h >= 64 && w <= 8192 && h <= 8192;
}

Diagnostic bad(const std::string& msg) {
    return Diagnostic{Severity::Error, {"kiosk"}, msg};
}

}  // namespace

std::string usage() {
    return R"(usage:
  kiosk [--windowed[=WxH]] [--content DIR | --data DIR] [--lang TAG] [--config FILE] [--trace]
        [--pubkey KEY] [--usb-root DIR] [--rotation DEG]
  kiosk render --page ID --out FILE.png [--size WxH] [--lang TAG] [--content DIR]
               [--events FILE] [--large-text] [--rotation DEG]
  kiosk render --all --out DIR [--size WxH] [--content DIR]
  kiosk validate [DIR]
  kiosk layout --text T --width PX [--font-size PX] [--lang TAG] [--json]
  kiosk keygen --out PREFIX
  kiosk bundle DIR --key FILE --out FILE.kiosk [--version N] [--label TEXT]
  kiosk import FILE --data DIR [--pubkey KEY] [--allow-downgrade]
  kiosk status --data DIR
  kiosk fleet id|sign|join|syncthing-config|install|poll|status|collect ...  (kiosk fleet)
page ids: home, about, finance, innovation-technology, trade-investment, aviation,
  education, youth-exchange, culture-tourism, talent-civil-service, healthcare-tcm,
  environment, hk-residents-mainland, legal-dispute-resolution
languages: zh-HK (default), zh-Hans, en
)";
}

Result<Options> parse_options(const std::vector<std::string>& args) {
    Options o;
    size_t i = 0;
    if (!args.empty() && !args[0].empty() && args[0][0] != '-')
        o.command = args[i++];
    if (delegated(o.command)) {
        o.rest.assign(args.begin() + static_cast<long>(i), args.end());
        return o;
    }
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& into) -> bool {
            if (i + 1 >= args.size())
                return false;
            into = args[++i];
            o.given.insert(a);
            return true;
        };
        std::string v;
        if (a == "--content" && value(v))
            o.content_dir = v;
        else if (a == "--data" && value(v))
            o.data_dir = v;
        else if (a == "--page" && value(v))
            o.page = v;
        else if (a == "--out" && value(v))
            o.out = v;
        else if (a == "--events" && value(v))
            o.events = v;
        else if (a == "--lang" && value(v))
            o.lang = v;
        else if (a == "--config" && value(v))
            o.config = v;
        else if (a == "--pubkey" && value(v))
            o.pubkey = v;
        else if (a == "--usb-root" && value(v))
            o.usb_root = v;
        else if (a == "--size" && value(v)) {
            if (!parse_size(v, o.width, o.height))
                return bad("--size wants WxH, e.g. 1920x1080");
            o.given.insert("--size");
        } else if (a == "--windowed")
            o.windowed = true;
        else if (a.rfind("--windowed=", 0) == 0) {
            o.windowed = true;
            o.given.insert("--size");
            if (!parse_size(a.substr(11), o.width, o.height))
                return bad("--windowed=WxH, e.g. --windowed=1280x720");
        } else if (a == "--rotation" && value(v)) {
            o.rotation = std::atoi(v.c_str());
            if (o.rotation % 90 != 0 || o.rotation < 0 || o.rotation > 270)
                return bad("--rotation is 0, 90, 180 or 270");
        } else if (a == "--all")
            o.all = true;
        else if (a == "--large-text")
            o.large_text = true;
        else if (a == "--trace")
            o.trace = true;
        else if (a == "--help" || a == "-h")
            o.command = "help";
        else if (!a.empty() && a[0] != '-')
            o.rest.push_back(a);
        else
            return bad("unknown or incomplete option '" + a + "'");
    }
    return o;
}

}  // namespace kiosk::app
