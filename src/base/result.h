// Result<T>: a value or the Diagnostic that explains why there is none.
// (std::expected arrives with C++23; this is the small subset we need.)
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "base/diagnostic.h"

namespace kiosk {

template <class T>
class [[nodiscard]] Result {
  public:
    Result(T value) : v_(std::move(value)) {}
    Result(Diagnostic error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<0>(v_);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(v_);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(v_));
    }
    const Diagnostic& error() const {
        assert(!ok());
        return std::get<1>(v_);
    }

  private:
    std::variant<T, Diagnostic> v_;
};

}  // namespace kiosk
