#include "content/simplify.h"

#include <opencc.h>

#include "base/log.h"
#include "content/loader.h"

namespace kiosk::content {

void Simplifier::Closer::operator()(void* od) const {
    opencc_close(static_cast<opencc_t>(od));
}

std::optional<Simplifier> Simplifier::open() {
    opencc_t od = opencc_open("hk2s.json");
    if (od == reinterpret_cast<opencc_t>(-1)) {
        log_warn("OpenCC hk2s.json not found; Simplified Chinese falls back to Traditional");
        return std::nullopt;
    }
    return Simplifier(od);
}

std::string Simplifier::convert(std::string_view traditional) const {
    char* out = opencc_convert_utf8(static_cast<opencc_t>(od_.get()), traditional.data(),
                                    traditional.size());
    if (!out)
        return std::string(traditional);
    std::string s(out);
    opencc_convert_utf8_free(out);
    return s;
}

namespace {

// Mainland publications quote with “” and ‘’ where Hong Kong uses 「」 and 『』;
// OpenCC converts characters, not punctuation.
std::string mainland_quotes(std::string s) {
    const std::pair<const char*, const char*> map[] = {
        {"「", "“"}, {"」", "”"}, {"『", "‘"}, {"』", "’"}};
    for (const auto& [from, to] : map) {
        for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at))
            s.replace(at, std::string_view(from).size(), to);
    }
    return s;
}

}  // namespace

void derive_simplified_texts(Bundle& bundle, const SimplifiedPairs& cached) {
    std::optional<Simplifier> simplifier;
    bool opened = false;  // OpenCC loads only when a text is missing from the cache
    for_each_text(bundle, [&](LocalText& t) {
        if (t.has(Lang::ZhHans) || !t.has(Lang::ZhHK))
            return;
        if (auto it = cached.find(t.get(Lang::ZhHK)); it != cached.end()) {
            t.set(Lang::ZhHans, it->second);
        } else {
            if (!opened)
                simplifier = Simplifier::open(), opened = true;
            if (!simplifier)
                return;
            t.set(Lang::ZhHans, mainland_quotes(simplifier->convert(t.get(Lang::ZhHK))));
        }
        t.simplified_derived = true;
    });
}

}  // namespace kiosk::content
