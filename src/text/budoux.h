// Phrase boundaries for Chinese from BudouX's published models (Apache-2.0,
// src/text/budoux/): an AdaBoost sum over character 1-, 2- and 3-grams around
// each position, the same features and scoring as the `budoux` npm package's
// parser.ts (v0.9.2), over code points instead of UTF-16 units.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/lang.h"

namespace kiosk::text {

class PhraseModel {
  public:
    // Parses "FEATURE<TAB>KEY<TAB>SCORE" lines (see budoux/convert.js). Unknown
    // features and malformed lines are skipped; the built-in models have none.
    static PhraseModel parse(std::string_view tsv);

    // The model built into the binary for lang (zh-HK: zh-hant, zh-Hans: zh-hans);
    // null for English. Parsed once, immutable afterwards.
    static const PhraseModel* builtin(Lang lang);

    // starts[i] = 1 when a phrase starts at code point i, for i in [0, n]; 0 and n
    // are not boundaries. Sized n+1.
    void boundaries(const char32_t* cps, size_t n, std::vector<uint8_t>& starts) const;
    // Twice the score parser.ts gives position i (> 0 is a boundary). For tests.
    int64_t score(const char32_t* cps, size_t n, size_t i) const;
    size_t feature_count() const;

  private:
    // UW1..UW6, BW1..BW3, TW1..TW4, in that order; keys pack up to 3 code points.
    std::array<std::unordered_map<uint64_t, int32_t>, 13> features_;
    int64_t base_score_ = 0;
};

}  // namespace kiosk::text
