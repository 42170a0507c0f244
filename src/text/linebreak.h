// Line-break opportunities: ICU's UAX #14 iterator, then the CLREQ overrides.
#pragma once

#include <unicode/brkiter.h>

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "base/lang.h"

namespace kiosk::text {

enum class BreakKind : uint8_t { None, Allowed, Mandatory };

// "zh_HK@lb=strict", "zh_Hans@lb=strict" or "en". Null only if ICU data is missing.
std::unique_ptr<icu::BreakIterator> make_line_breaker(Lang lang);
std::unique_ptr<icu::BreakIterator> make_grapheme_breaker();
// Word boundaries (dictionary-based for Han); null if ICU data is missing.
std::unique_ptr<icu::BreakIterator> make_word_breaker();

// Text as ICU wants it, plus the way back from UTF-16 units to code point indices.
struct Utf16Text {
    icu::UnicodeString text;
    std::vector<uint32_t> unit_to_cp;  // size text.length()+1
    void assign(const char32_t* cps, size_t n);
};

// kinds[i] is the break before code point i, for i in [0, n]; kinds[0] is None.
void icu_line_breaks(icu::BreakIterator& bi, const Utf16Text& text, size_t n,
                     std::vector<BreakKind>& kinds);

// Which CLREQ rule removed a break; used by the conformance report.
enum class ClreqRule : uint8_t { NoLineStart, NoLineEnd, Inseparable, kCount };
using ClreqCounts = std::array<int, static_cast<size_t>(ClreqRule::kCount)>;

// Applies CLREQ line-start/line-end prohibitions for Chinese: only ever removes
// break opportunities ICU allowed; mandatory breaks are never touched. Counts
// removals per rule when counts is non-null.
void apply_clreq(const char32_t* cps, size_t n, std::vector<BreakKind>& kinds,
                 ClreqCounts* counts = nullptr);

// grapheme_start[i] is true when a grapheme cluster starts at code point i (size n+1).
void grapheme_starts(icu::BreakIterator& bi, const Utf16Text& text, size_t n,
                     std::vector<uint8_t>& starts);

}  // namespace kiosk::text
