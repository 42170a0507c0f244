#include "text/budoux.h"

#include <charconv>

#include "base/utf8.h"

namespace kiosk::text {

// Generated at build time from budoux/*.tsv (see CMakeLists.txt).
extern const std::string_view kBudouxZhHant;
extern const std::string_view kBudouxZhHans;

namespace {

constexpr std::array<std::string_view, 13> kFeatureNames = {
    "UW1", "UW2", "UW3", "UW4", "UW5", "UW6", "BW1", "BW2", "BW3", "TW1", "TW2", "TW3", "TW4"};

// A 1-, 2- or 3-gram as one number: 21 bits per code point. The feature group
// fixes the length, so "ab" and "\0ab" cannot collide within a group.
uint64_t pack(const char32_t* cps, size_t len) {
    uint64_t key = 0;
    for (size_t k = 0; k < len; ++k)
        key = (key << 21) | (cps[k] & 0x1FFFFF);
    return key;
}

int feature_index(std::string_view name) {
    for (size_t k = 0; k < kFeatureNames.size(); ++k)
        if (kFeatureNames[k] == name)
            return static_cast<int>(k);
    return -1;
}

// Start offset (relative to i) and length of each feature's n-gram, as in parser.ts:
// UW1 = [i-3], UW2 = [i-2] … UW6 = [i+2]; BW1 = [i-2,i), BW2 = [i-1,i+1), BW3 = [i,i+2);
// TW1 = [i-3,i), TW2 = [i-2,i+1), TW3 = [i-1,i+2), TW4 = [i,i+3).
struct Window {
    int offset;
    int len;
};
constexpr std::array<Window, 13> kWindows = {{{-3, 1},
                                              {-2, 1},
                                              {-1, 1},
                                              {0, 1},
                                              {1, 1},
                                              {2, 1},
                                              {-2, 2},
                                              {-1, 2},
                                              {0, 2},
                                              {-3, 3},
                                              {-2, 3},
                                              {-1, 3},
                                              {0, 3}}};

}  // namespace

PhraseModel PhraseModel::parse(std::string_view tsv) {
    PhraseModel m;
    int64_t total = 0;
    size_t pos = 0;
    // Bounded: every iteration consumes at least one byte of the input.
    while (pos < tsv.size()) {
        size_t eol = tsv.find('\n', pos);
        if (eol == std::string_view::npos)
            eol = tsv.size();
        const std::string_view line = tsv.substr(pos, eol - pos);
        pos = eol + 1;
        const size_t t1 = line.find('\t');
        const size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
        if (t2 == std::string_view::npos)
            continue;
        const int f = feature_index(line.substr(0, t1));
        const std::string_view value = line.substr(t2 + 1);
        int32_t score = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), score);
        if (f < 0 || ec != std::errc() || ptr != value.data() + value.size())
            continue;
        std::vector<char32_t> key;
        for (const CodePoint& c : decode_utf8(line.substr(t1 + 1, t2 - t1 - 1)))
            key.push_back(c.cp);
        if (static_cast<int>(key.size()) != kWindows[f].len)
            continue;
        m.features_[f][pack(key.data(), key.size())] = score;
        total += score;
    }
    // parser.ts: the base is minus half the sum of all weights (AdaBoost with ±1
    // votes). Kept doubled so the comparison with 0 stays exact for odd sums.
    m.base_score_ = -total;
    return m;
}

const PhraseModel* PhraseModel::builtin(Lang lang) {
    static const PhraseModel hant = parse(kBudouxZhHant);
    static const PhraseModel hans = parse(kBudouxZhHans);
    switch (lang) {
        case Lang::ZhHK:
            return &hant;
        case Lang::ZhHans:
            return &hans;
        default:
            return nullptr;
    }
}

int64_t PhraseModel::score(const char32_t* cps, size_t n, size_t i) const {
    int64_t s = base_score_;
    for (size_t f = 0; f < kWindows.size(); ++f) {
        const auto begin = static_cast<std::ptrdiff_t>(i) + kWindows[f].offset;
        const auto end = begin + kWindows[f].len;
        if (begin < 0 || end > static_cast<std::ptrdiff_t>(n))
            continue;
        const auto& table = features_[f];
        if (auto it = table.find(pack(cps + begin, static_cast<size_t>(kWindows[f].len)));
            it != table.end())
            s += 2 * static_cast<int64_t>(it->second);
    }
    return s;
}

void PhraseModel::boundaries(const char32_t* cps, size_t n, std::vector<uint8_t>& starts) const {
    starts.assign(n + 1, 0);
    for (size_t i = 1; i < n; ++i)
        starts[i] = score(cps, n, i) > 0 ? 1 : 0;
}

size_t PhraseModel::feature_count() const {
    size_t count = 0;
    for (const auto& table : features_)
        count += table.size();
    return count;
}

}  // namespace kiosk::text
