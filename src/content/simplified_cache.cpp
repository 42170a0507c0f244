#include "content/simplified_cache.h"

#include <unistd.h>

#include <fstream>
#include <sstream>

#include "content/loader.h"

namespace kiosk::content {
namespace {

namespace fs = std::filesystem;

// Format: a header line, then per pair "<bytes of hk> <bytes of hans>\n<hk><hans>\n".
// Lengths, not separators: texts may hold any character, including newlines.
constexpr const char* kHeader = "kiosk simplified cache 1\n";
constexpr std::uintmax_t kMaxBytes = 8u << 20;  // far above any real content

SimplifiedPairs derived_pairs(const Bundle& bundle) {
    SimplifiedPairs pairs;
    for_each_text(bundle, [&](const LocalText& t, std::string_view) {
        if (t.simplified_derived && t.has(Lang::ZhHK) && t.has(Lang::ZhHans))
            pairs.emplace(t.get(Lang::ZhHK), t.get(Lang::ZhHans));
    });
    for (const auto& [hk, hans] : bundle.typography.simplified_terms)
        pairs.emplace(hk, hans);
    return pairs;
}

}  // namespace

SimplifiedPairs read_simplified_cache(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec || size > kMaxBytes)
        return {};
    std::ifstream in(file, std::ios::binary);
    std::string header;
    if (!std::getline(in, header) || header + "\n" != kHeader)
        return {};
    SimplifiedPairs pairs;
    size_t hk_len = 0, hans_len = 0;
    // Every record consumes at least its two lengths: the loop ends within the file's size.
    while (in >> hk_len >> hans_len && in.get() == '\n') {
        if (hk_len + hans_len > size)
            return {};
        std::string hk(hk_len, '\0'), hans(hans_len, '\0');
        if (!in.read(hk.data(), static_cast<std::streamsize>(hk_len)) ||
            !in.read(hans.data(), static_cast<std::streamsize>(hans_len)) || in.get() != '\n')
            return {};
        pairs.emplace(std::move(hk), std::move(hans));
    }
    return pairs;
}

bool save_simplified_cache(const Bundle& bundle) {
    const SimplifiedPairs pairs = derived_pairs(bundle);
    const fs::path file = bundle.dir / kSimplifiedCacheFile;
    const SimplifiedPairs old = read_simplified_cache(file);
    bool complete = true;
    for (const auto& [hk, hans] : pairs) {
        auto it = old.find(hk);
        complete = complete && it != old.end() && it->second == hans;
    }
    if (complete && !old.empty())
        return true;
    std::ostringstream out;
    out << kHeader;
    for (const auto& [hk, hans] : pairs)
        out << hk.size() << ' ' << hans.size() << '\n' << hk << hans << '\n';
    // Per process: several kiosks (e.g. parallel tests) may fill the same folder at once.
    const fs::path tmp = file.string() + "." + std::to_string(::getpid()) + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!(f << out.str()) || !f.flush())
            return false;
    }
    std::error_code ec;
    fs::rename(tmp, file, ec);
    if (ec)
        fs::remove(tmp, ec);
    return !ec;
}

}  // namespace kiosk::content
