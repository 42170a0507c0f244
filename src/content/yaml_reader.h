// Reading YAML with positions: every problem becomes a Diagnostic that points at
// file:line:col, so staff can open the file and see exactly what is wrong.
#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "content/model.h"

namespace kiosk::content {

class YamlReader {
  public:
    // file: shown in messages (relative to the content dir); path: where to read it.
    YamlReader(std::string file, Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}

    // Files read by this reader count against `remaining` (bytes of YAML still
    // allowed for the whole content); a file that does not fit is refused.
    void set_budget(std::size_t& remaining) { budget_ = &remaining; }

    // Reads and parses; nullopt (with an error) if unreadable, too big or
    // malformed, or if its structure is refused (aliases, duplicate keys,
    // nesting, size: content/yaml_guard.h).
    std::optional<YAML::Node> parse(const std::filesystem::path& path);

    SourcePos pos(const YAML::Node& node) const;
    void error(const YAML::Node& node, const std::string& msg);
    void warning(const YAML::Node& node, const std::string& msg);

    // Field accessors. Each reports a precise error and returns nullopt/empty on failure.
    std::optional<YAML::Node> field(const YAML::Node& map, const char* key, bool required);
    std::optional<std::string> string(const YAML::Node& map, const char* key, bool required,
                                      size_t max_bytes);
    std::optional<int64_t> integer(const YAML::Node& map, const char* key, bool required);
    std::optional<Color> color(const YAML::Node& map, const char* key);
    LocalText local_text(const YAML::Node& node, size_t max_bytes);
    LocalText local_text_field(const YAML::Node& map, const char* key, bool required,
                               size_t max_bytes);
    // Warns about keys outside `known` (typos are the commonest authoring mistake).
    void check_keys(const YAML::Node& map, std::initializer_list<const char*> known);
    bool expect_map(const YAML::Node& node, const char* what);
    bool expect_seq(const YAML::Node& node, const char* what);

    const std::string& file() const { return file_; }

  private:
    std::optional<std::string> scalar(const YAML::Node& node, size_t max_bytes, const char* what);

    std::string file_;
    Diagnostics& diags_;
    std::size_t* budget_ = nullptr;
};

}  // namespace kiosk::content
