#include "content/yaml_guard.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <map>
#include <sstream>
#include <vector>

#include "base/limits.h"

namespace kiosk::content {
namespace {

// Thrown out of the parser by the handler to stop at the first problem.
struct Stop {
    YAML::Mark mark;
    std::string message;
};

// One open mapping or sequence. In a mapping, nodes alternate key, value.
struct Frame {
    bool is_map = false;
    bool expect_key = true;
    std::map<std::string, int> key_lines;  // key -> 1-based line of its first use
};

class Guard : public YAML::EventHandler {
  public:
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& m, YAML::anchor_t) override { leaf(m, "~"); }
    void OnAlias(const YAML::Mark& m, YAML::anchor_t) override {
        throw Stop{m,
                   "YAML aliases ('*name', repeating an '&name' part) are not allowed in "
                   "content files; write the text out in full where it is needed"};
    }
    void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  const std::string& value) override {
        leaf(m, value);
    }
    void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        open(m, false);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        open(m, true);
    }
    void OnMapEnd() override { close(); }

  private:
    void count(const YAML::Mark& m) {
        if (++nodes_ > limits::kMaxYamlNodes)
            throw Stop{m, "the file has more than " + std::to_string(limits::kMaxYamlNodes) +
                              " entries (texts, lists and mappings); content files are far "
                              "smaller, so something was probably pasted many times"};
    }

    // A key, or a value that completes a key/value pair in the enclosing map.
    void leaf(const YAML::Mark& m, const std::string& value) {
        count(m);
        if (stack_.empty() || !stack_.back().is_map)
            return;
        Frame& f = stack_.back();
        if (f.expect_key) {
            const auto [it, fresh] = f.key_lines.emplace(value, m.line + 1);
            if (!fresh)
                throw Stop{m, "'" + value.substr(0, 80) +
                                  "' is given twice in this mapping (first on line " +
                                  std::to_string(it->second) + "); keep only one"};
        }
        f.expect_key = !f.expect_key;
    }

    void open(const YAML::Mark& m, bool is_map) {
        count(m);
        if (!stack_.empty() && stack_.back().is_map && stack_.back().expect_key)
            throw Stop{m, "a key must be plain text, not a list or mapping"};
        if (static_cast<int>(stack_.size()) >= limits::kMaxYamlDepth)
            throw Stop{m, "lists and mappings are nested too deeply (more than " +
                              std::to_string(limits::kMaxYamlDepth) + " levels)"};
        stack_.push_back(Frame{is_map, true, {}});
    }

    void close() {
        stack_.pop_back();
        if (!stack_.empty() && stack_.back().is_map)
            stack_.back().expect_key = true;  // the container was the value of a pair
    }

    std::vector<Frame> stack_;
    int nodes_ = 0;
};

Diagnostic more_than_one(const std::string& file) {
    return Diagnostic{Severity::Error,
                      {file},
                      "the file holds more than one YAML document (a '---' line between them); "
                      "keep one"};
}

}  // namespace

std::optional<Diagnostic> check_yaml_structure(const std::string& text, const std::string& file) {
    std::istringstream in(text);
    Guard guard;
    bool first_done = false;
    try {
        YAML::Parser parser(in);
        if (!parser.HandleNextDocument(guard))
            return std::nullopt;
        first_done = true;
        if (parser.HandleNextDocument(guard))
            return more_than_one(file);
    } catch (const Stop& s) {
        return Diagnostic{Severity::Error, {file, s.mark.line + 1, s.mark.column + 1}, s.message};
    } catch (const YAML::Exception&) {
        // In the first document: a syntax error the real parse reports with its
        // position. After it: something the real parse would silently ignore.
        if (first_done)
            return more_than_one(file);
    }
    return std::nullopt;
}

}  // namespace kiosk::content
