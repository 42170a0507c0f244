// Errors as values: every problem with content carries where it happened.
#pragma once

#include <string>
#include <vector>

namespace kiosk {

// A place in a source file. line and col are 1-based; 0 means "unknown"
// (e.g. a whole-file problem such as a missing file).
struct SourcePos {
    std::string file;
    int line = 0;
    int col = 0;

    std::string str() const;  // "file:line:col", "file:line" or "file"
};

enum class Severity { Error, Warning };

// What kind of problem it is, for code that must decide something from an
// error (the message is for people and may change wording at any time).
enum class ErrorKind {
    Unspecified,  // nothing decides on it
    Io,           // a file or device could not be read or written
    Content,      // content does not load or validate
    Signature,    // not signed by the trusted key, or no trusted key
    Downgrade,    // older than the active version: staff may accept it
    NoBundle,     // a stick without an update file
    Limit,        // over a size or count limit
};
const char* error_kind_name(ErrorKind k);

struct Diagnostic {
    Severity severity = Severity::Error;
    SourcePos where;
    std::string message;
    ErrorKind kind = ErrorKind::Unspecified;

    // "file:line:col: error: message" — the format staff, editors and CI understand.
    std::string str() const;
};

// Collects problems while loading or validating; never throws.
class Diagnostics {
  public:
    void error(SourcePos where, std::string message);
    void warning(SourcePos where, std::string message);
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void append(const Diagnostics& other);

    bool has_errors() const;
    int error_count() const;
    int warning_count() const;
    const std::vector<Diagnostic>& items() const { return items_; }
    bool empty() const { return items_.empty(); }

    // One line per diagnostic, each ending in '\n'.
    std::string str() const;

  private:
    std::vector<Diagnostic> items_;
};

}  // namespace kiosk
