#include "content/typography.h"

#include <algorithm>
#include <optional>

#include "content/loader.h"
#include "content/simplify.h"

namespace kiosk::content {
namespace {

constexpr size_t kMaxTerms = 500;      // a venue's names and terms, with room to spare
constexpr size_t kMaxTermBytes = 200;  // longer than any name; a paragraph is no term

void read_terms(YamlReader& r, const YAML::Node& list, Typography& t) {
    if (!r.expect_seq(list, "'keep_together'"))
        return;
    if (list.size() > kMaxTerms) {
        r.error(list, "at most " + std::to_string(kMaxTerms) + " keep-together terms");
        return;
    }
    for (const auto& item : list) {
        if (!item.IsScalar() || item.Scalar().empty() || item.Scalar().size() > kMaxTermBytes) {
            r.error(item, "a keep-together term is text of 1 to " + std::to_string(kMaxTermBytes) +
                              " bytes");
            continue;
        }
        t.keep_together.push_back(item.Scalar());
        t.keep_where.push_back(r.pos(item));
    }
}

}  // namespace

void read_typography(YamlReader& r, const YAML::Node& event, Bundle& b) {
    const YAML::Node m = event["typography"];
    if (!m || !r.expect_map(m, "'typography'"))
        return;
    r.check_keys(m, {"han_digit_space", "keep_together"});
    if (const YAML::Node s = m["han_digit_space"]) {
        if (s.IsScalar() && (s.Scalar() == "true" || s.Scalar() == "false"))
            b.typography.han_digit_space = s.Scalar() == "true";
        else
            r.error(s, "'han_digit_space' is true or false");
    }
    if (const YAML::Node list = m["keep_together"])
        read_terms(r, list, b.typography);
}

void derive_simplified_terms(Bundle& b, const SimplifiedPairs& cached) {
    std::optional<Simplifier> simplifier;  // opened on the first term the cache lacks
    std::vector<std::string>& terms = b.typography.keep_together;
    const size_t authored = terms.size();
    for (size_t i = 0; i < authored; ++i) {
        std::string s;
        if (auto hit = cached.find(terms[i]); hit != cached.end()) {
            s = hit->second;
        } else {
            if (!simplifier)
                simplifier = Simplifier::open();
            if (!simplifier)
                return;
            s = simplifier->convert(terms[i]);
        }
        b.typography.simplified_terms.emplace_back(terms[i], s);
        if (std::find(terms.begin(), terms.end(), s) == terms.end())
            terms.push_back(std::move(s));
    }
}

void check_typography(const Bundle& b, Diagnostics& diags) {
    const Typography& t = b.typography;
    for (size_t i = 0; i < t.keep_where.size(); ++i) {
        const std::string& term = t.keep_together[i];
        bool used = false;
        for_each_text(b, [&](const LocalText& text, std::string_view) {
            for (Lang lang : kAllLangs)
                used = used || (text.has(lang) && text.get(lang).find(term) != std::string::npos);
        });
        if (!used)
            diags.warning(t.keep_where[i], "keep-together term '" + term +
                                               "' appears in no text: a typo, or no longer needed");
    }
}

}  // namespace kiosk::content
