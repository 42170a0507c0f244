// Traditional (Hong Kong) → Simplified Chinese with OpenCC's hk2s configuration:
// HK variant forms first, then phrase tables that pick the right one of several
// simplified characters (e.g. 乾淨 → 干净, 乾隆 stays 乾隆), then characters.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "content/model.h"
#include "content/simplified_cache.h"

namespace kiosk::content {

class Simplifier {
  public:
    // nullopt if OpenCC's data is not installed (libopencc-data).
    static std::optional<Simplifier> open();
    std::string convert(std::string_view traditional) const;

  private:
    struct Closer {
        void operator()(void* od) const;
    };
    explicit Simplifier(void* od) : od_(od) {}
    std::unique_ptr<void, Closer> od_;
};

// Sets zh-Hans from zh-HK wherever the author gave none; marks it derived.
// Texts found in `cached` (simplified_cache.h) are taken from there, without OpenCC.
void derive_simplified_texts(Bundle& bundle, const SimplifiedPairs& cached = {});

}  // namespace kiosk::content
