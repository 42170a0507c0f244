#include "base/diagnostic.h"

#include <algorithm>

namespace kiosk {

std::string SourcePos::str() const {
    std::string s = file.empty() ? std::string("<input>") : file;
    if (line > 0) {
        s += ':' + std::to_string(line);
        if (col > 0)
            s += ':' + std::to_string(col);
    }
    return s;
}

const char* error_kind_name(ErrorKind k) {
    switch (k) {
        case ErrorKind::Unspecified:
            return "unspecified";
        case ErrorKind::Io:
            return "io";
        case ErrorKind::Content:
            return "content";
        case ErrorKind::Signature:
            return "signature";
        case ErrorKind::Downgrade:
            return "downgrade";
        case ErrorKind::NoBundle:
            return "no-bundle";
        case ErrorKind::Limit:
            return "limit";
    }
    return "?";
}

std::string Diagnostic::str() const {
    const char* kind = severity == Severity::Error ? "error" : "warning";
    return where.str() + ": " + kind + ": " + message;
}

void Diagnostics::error(SourcePos where, std::string message) {
    items_.push_back(
        {Severity::Error, std::move(where), std::move(message), ErrorKind::Unspecified});
}

void Diagnostics::warning(SourcePos where, std::string message) {
    items_.push_back(
        {Severity::Warning, std::move(where), std::move(message), ErrorKind::Unspecified});
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const {
    return error_count() > 0;
}

int Diagnostics::error_count() const {
    return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
        return d.severity == Severity::Error;
    }));
}

int Diagnostics::warning_count() const {
    return static_cast<int>(items_.size()) - error_count();
}

std::string Diagnostics::str() const {
    std::string out;
    for (const auto& d : items_)
        out += d.str() + '\n';
    return out;
}

}  // namespace kiosk
