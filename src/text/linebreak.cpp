#include "text/linebreak.h"

#include <unicode/locid.h>
#include <unicode/ubrk.h>

#include "text/chars.h"

namespace kiosk::text {

std::unique_ptr<icu::BreakIterator> make_line_breaker(Lang lang) {
    // lb=strict: CLREQ forbids small kana, iteration marks etc. at line start,
    // which is what UAX #14's "strict" tailoring of class CJ does.
    const char* locale = "en";
    if (lang == Lang::ZhHK)
        locale = "zh_HK@lb=strict";
    if (lang == Lang::ZhHans)
        locale = "zh_Hans@lb=strict";
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createLineInstance(icu::Locale(locale), status));
    if (U_FAILURE(status))
        return nullptr;
    return bi;
}

std::unique_ptr<icu::BreakIterator> make_grapheme_breaker() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status))
        return nullptr;
    return bi;
}

std::unique_ptr<icu::BreakIterator> make_word_breaker() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status))
        return nullptr;
    return bi;
}

void Utf16Text::assign(const char32_t* cps, size_t n) {
    text.remove();
    unit_to_cp.clear();
    for (size_t i = 0; i < n; ++i) {
        text.append(static_cast<UChar32>(cps[i]));
        unit_to_cp.push_back(static_cast<uint32_t>(i));
        if (cps[i] > 0xFFFF)
            unit_to_cp.push_back(static_cast<uint32_t>(i));
    }
    unit_to_cp.push_back(static_cast<uint32_t>(n));
}

void icu_line_breaks(icu::BreakIterator& bi, const Utf16Text& text, size_t n,
                     std::vector<BreakKind>& kinds) {
    kinds.assign(n + 1, BreakKind::None);
    bi.setText(text.text);
    for (int32_t pos = bi.next(); pos != icu::BreakIterator::DONE; pos = bi.next()) {
        const int32_t status = bi.getRuleStatus();
        const bool hard = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT;
        kinds[text.unit_to_cp[static_cast<size_t>(pos)]] =
            hard ? BreakKind::Mandatory : BreakKind::Allowed;
    }
    kinds[0] = BreakKind::None;
}

void grapheme_starts(icu::BreakIterator& bi, const Utf16Text& text, size_t n,
                     std::vector<uint8_t>& starts) {
    starts.assign(n + 1, 0);
    bi.setText(text.text);
    for (int32_t pos = bi.first(); pos != icu::BreakIterator::DONE; pos = bi.next())
        starts[text.unit_to_cp[static_cast<size_t>(pos)]] = 1;
}

namespace {

void count(ClreqCounts* counts, ClreqRule rule) {
    if (counts)
        ++(*counts)[static_cast<size_t>(rule)];
}

}  // namespace

void apply_clreq(const char32_t* cps, size_t n, std::vector<BreakKind>& kinds,
                 ClreqCounts* counts) {
    for (size_t i = 1; i < n; ++i) {
        if (kinds[i] == BreakKind::Mandatory)
            continue;
        const char32_t before = cps[i - 1], after = cps[i];
        const bool was = kinds[i] == BreakKind::Allowed;
        // Order matters for the report only: the first rule that forbids wins.
        if (no_line_start(after)) {
            if (was)
                count(counts, ClreqRule::NoLineStart);
            kinds[i] = BreakKind::None;
        } else if (no_line_end(before)) {
            if (was)
                count(counts, ClreqRule::NoLineEnd);
            kinds[i] = BreakKind::None;
        } else if (is_inseparable(before) && is_inseparable(after)) {
            if (was)
                count(counts, ClreqRule::Inseparable);
            kinds[i] = BreakKind::None;
        }
    }
}

}  // namespace kiosk::text
