#include "text/layout_command.h"

#include <charconv>
#include <cmath>
#include <optional>

#include "base/lang.h"
#include "text/text.h"

namespace kiosk::text {
namespace {

constexpr const char* kUsage =
    "usage: kiosk layout --text T --width PX [--font-size PX] [--lang zh-HK|zh-Hans|en] [--json]\n"
    "                    [--content DIR]  (the keep-together list and spacing; default content/)\n"
    "                    [--justify] [--indent EM] [--bold] [--center] [--line-height EM]\n"
    "                    [--max-stretch EM]\n";

struct Options {
    std::optional<std::string> text;
    std::optional<float> width;
    TextStyle style;
    bool json = false;
};

// A finite number in (0, max]; anything else is a usage error, not a crash.
std::optional<float> parse_number(const std::string& s, float min, float max) {
    float v = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    if (v < min || v > max)
        return std::nullopt;
    return v;
}

// Returns an error message, or empty on success.
std::string parse_value(Options& o, const std::string& flag, const std::string& value) {
    if (flag == "--text") {
        o.text = value;
        return {};
    }
    if (flag == "--lang") {
        auto lang = parse_lang(value);
        if (!lang)
            return "unknown language tag '" + value + "'";
        o.style.lang = *lang;
        return {};
    }
    std::optional<float> v;
    if (flag == "--width")
        v = o.width = parse_number(value, 1, 100000);
    if (flag == "--font-size") {
        v = parse_number(value, 1, 1000);
        if (v)
            o.style.size_px = *v;
    }
    if (flag == "--indent") {
        v = parse_number(value, 0, 100);
        if (v)
            o.style.first_line_indent_em = *v;
    }
    if (flag == "--max-stretch") {
        v = parse_number(value, 0, 10);
        if (v)
            o.style.max_stretch_em = *v;
    }
    if (flag == "--line-height") {
        v = parse_number(value, 0.1f, 10);
        if (v)
            o.style.line_height_em = *v;
    }
    return v ? std::string() : "bad value for " + flag + ": '" + value + "'";
}

std::string parse(const std::vector<std::string>& args, Options& o) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") {
            o.json = true;
        } else if (a == "--justify") {
            o.style.justify = true;
        } else if (a == "--bold") {
            o.style.weight = Weight::Bold;
        } else if (a == "--center") {
            o.style.align = Align::Center;
        } else if (a == "--text" || a == "--width" || a == "--font-size" || a == "--lang" ||
                   a == "--indent" || a == "--line-height" || a == "--max-stretch") {
            if (i + 1 >= args.size())
                return a + " needs a value";
            if (std::string e = parse_value(o, a, args[++i]); !e.empty())
                return e;
        } else {
            return "unknown argument '" + a + "'";
        }
    }
    if (!o.text)
        return "--text is required";
    if (!o.width)
        return "--width is required";
    return {};
}

}  // namespace

int run_layout_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                       FontStack& fonts, const TextStyle& house) {
    Options o;
    o.style = house;
    if (const std::string e = parse(args, o); !e.empty()) {
        err << "kiosk layout: " << e << '\n' << kUsage;
        return 1;
    }
    const TextLayout layout = layout_paragraph(fonts, *o.text, o.style, *o.width);
    if (o.json)
        out << layout.json() << '\n';
    else
        out << layout.dump();
    return 0;
}

int run_layout_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Options o;
    if (const std::string e = parse(args, o); !e.empty()) {
        err << "kiosk layout: " << e << '\n' << kUsage;
        return 1;
    }
    auto fonts = FontStack::load();
    if (!fonts) {
        err << "kiosk layout: " << fonts.error().str() << '\n';
        return 1;
    }
    return run_layout_command(args, out, err, *fonts.value(), {});
}

}  // namespace kiosk::text
