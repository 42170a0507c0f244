// One parser for every subcommand: a table says which options each takes,
// `--help` works on each, and anything else is refused with that command's
// usage (exit 2, see cli.cpp). Subcommands implemented in other modules
// (layout, keygen, bundle, import, status) get their arguments verbatim once
// they are known to be valid here.
#include "app/options.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace kiosk::app {
namespace {

struct CommandSpec {
    std::string_view name;
    std::string_view usage;
    std::vector<std::string_view> with_value;
    std::vector<std::string_view> flags;
    bool delegated = false;    // parsed again by its own module
    bool own_options = false;  // delegated, and its module alone checks the options
};

const std::vector<CommandSpec>& commands() {
    static const std::vector<CommandSpec> specs = {
        {"",
         "kiosk [--windowed[=WxH]] [--content DIR | --data DIR] [--lang TAG] [--config FILE] "
         "[--trace]\n      [--pubkey KEY] [--usb-root DIR] [--rotation DEG]",
         {"--content", "--data", "--lang", "--config", "--pubkey", "--usb-root", "--rotation",
          "--size"},
         {"--windowed", "--trace"}},
        {"render",
         "kiosk render --page ID --out FILE.png [--size WxH] [--lang TAG] [--content DIR]\n"
         "             [--events FILE [--data DIR [--clock YYYY-MM-DDTHH:MM]]] [--large-text]\n"
         "             [--rotation DEG] [--trace]\n"
         "kiosk render --all --out DIR [--size WxH]... [--content DIR]",
         {"--page", "--out", "--size", "--lang", "--content", "--data", "--events", "--config",
          "--rotation", "--pubkey", "--clock"},
         {"--large-text", "--all", "--trace"}},
        {"validate", "kiosk validate [DIR]", {"--content", "--data", "--config"}, {}},
        {"layout",
         "kiosk layout --text T --width PX [--font-size PX] [--lang TAG] [--json]\n"
         "             [--justify] [--indent EM] [--bold] [--center] [--line-height EM]\n"
         "             [--max-stretch EM] [--content DIR]",
         {"--text", "--width", "--font-size", "--lang", "--indent", "--line-height",
          "--max-stretch", "--content"},
         {"--json", "--justify", "--bold", "--center"},
         true},
        {"keygen", "kiosk keygen --out PREFIX", {"--out"}, {}, true},
        {"bundle",
         "kiosk bundle DIR --key FILE --out FILE.kiosk [--version N] [--label TEXT]",
         {"--key", "--out", "--version", "--label"},
         {},
         true},
        {"import",
         "kiosk import FILE --data DIR [--pubkey KEY] [--allow-downgrade]",
         {"--data", "--pubkey", "--keep", "--report-fd"},
         {"--allow-downgrade"},
         true},
        {"status", "kiosk status --data DIR", {"--data"}, {}, true},
        {"fleet",
         "kiosk fleet id|sign|join|syncthing-config|install|poll|status|collect ...",
         {},
         {},
         true,
         true},
        {"stats",
         "kiosk stats --data DIR [--csv FILE] [--html FILE] [--name NAME] [--publish DIR]",
         {"--data", "--csv", "--html", "--name", "--publish"},
         {},
         true},
    };
    return specs;
}

const CommandSpec* find_command(std::string_view name) {
    for (const auto& c : commands())
        if (c.name == name)
            return &c;
    return nullptr;
}

bool has(const std::vector<std::string_view>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

bool parse_size(const std::string& s, int& w, int& h) {
    char x = 0;
    return std::sscanf(s.c_str(), "%d%c%d", &w, &x, &h) == 3 && (x == 'x' || x == 'X') && w >= 64 &&
           h >= 64 && w <= 8192 && h <= 8192;
}

Diagnostic bad(const std::string& msg) {
    return Diagnostic{Severity::Error, {"kiosk"}, msg, ErrorKind::Unspecified};
}

// Stores one known option's value in `o`; an error for a bad value.
std::optional<Diagnostic> apply(Options& o, std::string_view name, const std::string& v) {
    if (name == "--content")
        o.content_dir = v;
    else if (name == "--data")
        o.data_dir = v;
    else if (name == "--page")
        o.page = v;
    else if (name == "--out")
        o.out = v;
    else if (name == "--events")
        o.events = v;
    else if (name == "--lang")
        o.lang = v;
    else if (name == "--config")
        o.config = v;
    else if (name == "--pubkey")
        o.pubkey = v;
    else if (name == "--clock")
        o.clock = v;
    else if (name == "--usb-root")
        o.usb_root = v;
    else if (name == "--size") {
        if (o.width > 0 && o.height > 0)  // an earlier --size (render --all takes several)
            o.more_sizes.emplace_back(o.width, o.height);
        if (!parse_size(v, o.width, o.height))
            return bad("--size wants WxH, e.g. 1920x1080");
    } else if (name == "--rotation") {
        o.rotation = std::atoi(v.c_str());
        if (o.rotation % 90 != 0 || o.rotation < 0 || o.rotation > 270)
            return bad("--rotation is 0, 90, 180 or 270");
    }
    o.given.insert(std::string(name));
    return std::nullopt;
}

void set_flag(Options& o, std::string_view name) {
    if (name == "--windowed")
        o.windowed = true;
    else if (name == "--all")
        o.all = true;
    else if (name == "--large-text")
        o.large_text = true;
    else if (name == "--trace")
        o.trace = true;
}

}  // namespace

std::string usage(std::string_view command) {
    std::string u = "usage:\n";
    for (const auto& c : commands())
        if (command.empty() || c.name == command)
            u += "  " + std::string(c.usage) + "\n";
    if (command.empty() || command == "render")
        u += R"(page ids: home, about, finance, innovation-technology, trade-investment, aviation,
  education, youth-exchange, culture-tourism, talent-civil-service, healthcare-tcm,
  environment, hk-residents-mainland, legal-dispute-resolution
languages: zh-HK (default), zh-Hans, en
)";
    return u;
}

Result<Options> parse_options(const std::vector<std::string>& args) {
    Options o;
    size_t i = 0;
    if (!args.empty() && !args[0].empty() && args[0][0] != '-')
        o.command = args[i++];
    if (o.command == "help") {
        o.command.clear();
        o.help = true;
        return o;
    }
    const CommandSpec* spec = find_command(o.command);
    if (!spec)
        return bad("unknown command '" + o.command + "'");
    if (spec->delegated)
        o.rest.assign(args.begin() + static_cast<long>(i), args.end());
    if (spec->own_options)
        return o;  // `kiosk fleet` has subcommands of its own, each with its usage
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            o.help = true;
            continue;
        }
        if (a.empty() || a[0] != '-') {
            if (!spec->delegated)
                o.rest.push_back(a);
            continue;
        }
        if (spec->name.empty() && a.rfind("--windowed=", 0) == 0) {
            o.windowed = true;
            o.given.insert("--size");
            if (!parse_size(a.substr(11), o.width, o.height))
                return bad("--windowed=WxH, e.g. --windowed=1280x720");
        } else if (has(spec->flags, a)) {
            set_flag(o, a);
        } else if (has(spec->with_value, a) && i + 1 < args.size()) {
            const std::string& v = args[++i];
            if (spec->delegated)
                continue;
            if (auto err = apply(o, a, v))
                return *err;
        } else {
            return bad("unknown or incomplete option '" + a + "'");
        }
    }
    return o;
}

}  // namespace kiosk::app
