#include "content/yaml_reader.h"

#include <fstream>
#include <sstream>

#include "base/limits.h"
#include "base/utf8.h"
#include "content/yaml_guard.h"

namespace kiosk::content {

std::optional<YAML::Node> YamlReader::parse(const std::filesystem::path& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        diags_.error({file_}, "cannot read the file: " + ec.message());
        return std::nullopt;
    }
    if (size > limits::kMaxYamlBytes) {
        diags_.error({file_}, "the file is " + std::to_string(size) + " bytes; the limit is " +
                                  std::to_string(limits::kMaxYamlBytes));
        return std::nullopt;
    }
    if (budget_) {
        if (size > *budget_) {
            diags_.error({file_}, "the content's YAML files together are larger than " +
                                      std::to_string(limits::kMaxContentYamlBytes >> 20) +
                                      " MiB; this file does not fit any more");
            return std::nullopt;
        }
        *budget_ -= size;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!in.good() && !in.eof()) {
        diags_.error({file_}, "cannot read the file");
        return std::nullopt;
    }
    const std::string text = ss.str();
    if (!is_valid_utf8(text)) {
        diags_.error({file_}, "the file is not valid UTF-8 (save it as UTF-8)");
        return std::nullopt;
    }
    if (auto bad = check_yaml_structure(text, file_)) {
        diags_.add(std::move(*bad));
        return std::nullopt;
    }
    try {
        YAML::Node root = YAML::Load(text);
        if (!root.IsDefined() || root.IsNull()) {
            diags_.error({file_, 1, 1}, "the file is empty");
            return std::nullopt;
        }
        return root;
    } catch (const YAML::Exception& e) {
        diags_.error({file_, e.mark.line + 1, e.mark.column + 1}, "invalid YAML: " + e.msg);
        return std::nullopt;
    }
}

SourcePos YamlReader::pos(const YAML::Node& node) const {
    const YAML::Mark m = node.Mark();
    if (m.is_null())
        return {file_};
    return {file_, m.line + 1, m.column + 1};
}

void YamlReader::error(const YAML::Node& node, const std::string& msg) {
    diags_.error(pos(node), msg);
}

void YamlReader::warning(const YAML::Node& node, const std::string& msg) {
    diags_.warning(pos(node), msg);
}

bool YamlReader::expect_map(const YAML::Node& node, const char* what) {
    if (node.IsMap())
        return true;
    error(node, std::string(what) + " must be a mapping of 'key: value' lines");
    return false;
}

bool YamlReader::expect_seq(const YAML::Node& node, const char* what) {
    if (node.IsSequence())
        return true;
    error(node, std::string(what) + " must be a list ('- item' lines)");
    return false;
}

std::optional<YAML::Node> YamlReader::field(const YAML::Node& map, const char* key, bool required) {
    const YAML::Node v = map[key];
    if (v.IsDefined() && !v.IsNull())
        return v;
    if (required)
        error(map, std::string("missing required field '") + key + "'");
    return std::nullopt;
}

std::optional<std::string> YamlReader::scalar(const YAML::Node& node, size_t max_bytes,
                                              const char* what) {
    if (!node.IsScalar()) {
        error(node, std::string("'") + what + "' must be text, not a list or mapping");
        return std::nullopt;
    }
    std::string s = node.Scalar();
    if (s.size() > max_bytes) {
        error(node, std::string("'") + what + "' is " + std::to_string(s.size()) +
                        " bytes long; the limit is " + std::to_string(max_bytes));
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> YamlReader::string(const YAML::Node& map, const char* key, bool required,
                                              size_t max_bytes) {
    auto v = field(map, key, required);
    if (!v)
        return std::nullopt;
    return scalar(*v, max_bytes, key);
}

std::optional<int64_t> YamlReader::integer(const YAML::Node& map, const char* key, bool required) {
    auto v = field(map, key, required);
    if (!v)
        return std::nullopt;
    try {
        return v->as<int64_t>();
    } catch (const YAML::Exception&) {
        error(*v, std::string("'") + key + "' must be a whole number");
        return std::nullopt;
    }
}

std::optional<Color> YamlReader::color(const YAML::Node& map, const char* key) {
    auto s = string(map, key, true, 16);
    if (!s)
        return std::nullopt;
    const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    bool ok = s->size() == 7 && (*s)[0] == '#';
    for (size_t i = 1; ok && i < 7; ++i)
        ok = hex((*s)[i]) >= 0;
    if (!ok) {
        error(map[key], std::string("'") + key + "' must be a colour like \"#C8102E\"");
        return std::nullopt;
    }
    const auto byte = [&](size_t i) {
        return static_cast<uint8_t>(hex((*s)[i]) * 16 + hex((*s)[i + 1]));
    };
    return Color{byte(1), byte(3), byte(5), 255};
}

LocalText YamlReader::local_text(const YAML::Node& node, size_t max_bytes) {
    LocalText t;
    t.where = pos(node);
    if (node.IsScalar()) {
        if (auto s = scalar(node, max_bytes, "text"))
            t.set(Lang::ZhHK, *s);
        t.lang_where[static_cast<int>(Lang::ZhHK)] = t.where;
        return t;
    }
    if (!node.IsMap()) {
        error(node, "text must be a string or a mapping of zh-HK / zh-Hans / en");
        return t;
    }
    for (const auto& kv : node) {
        const std::string key = kv.first.as<std::string>("");
        const auto lang = parse_lang(key);
        if (!lang) {
            error(kv.first, "unknown language '" + key + "' (use zh-HK, zh-Hans or en)");
            continue;
        }
        if (t.has(*lang)) {
            error(kv.first, "language '" + key + "' given twice");
            continue;
        }
        if (auto s = scalar(kv.second, max_bytes, key.c_str()))
            t.set(*lang, *s);
        t.lang_where[static_cast<int>(*lang)] = pos(kv.second);
    }
    if (t.empty())
        error(node, "text is empty");
    return t;
}

LocalText YamlReader::local_text_field(const YAML::Node& map, const char* key, bool required,
                                       size_t max_bytes) {
    auto v = field(map, key, required);
    if (!v)
        return {};
    return local_text(*v, max_bytes);
}

void YamlReader::check_keys(const YAML::Node& map, std::initializer_list<const char*> known) {
    if (!map.IsMap())
        return;
    for (const auto& kv : map) {
        const std::string key = kv.first.as<std::string>("");
        bool found = false;
        for (const char* k : known)
            found = found || key == k;
        if (!found)
            warning(kv.first, "unknown field '" + key + "' is ignored (a typo?)");
    }
}

}  // namespace kiosk::content
