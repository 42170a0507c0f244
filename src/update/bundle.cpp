#include "update/bundle.h"

#include <charconv>
#include <ctime>
#include <fstream>

#include "update/pack.h"

namespace kiosk::update {

std::optional<std::int64_t> read_event_version(const fs::path& content_dir) {
    std::ifstream in(content_dir / "event.yaml");
    std::string line;
    while (std::getline(in, line)) {
        // Only a top-level key: indented `version:` belongs to a nested map.
        if (!line.starts_with("version:"))
            continue;
        std::string_view v(line);
        v.remove_prefix(8);
        while (!v.empty() && (v.front() == ' ' || v.front() == '\t'))
            v.remove_prefix(1);
        if (!v.empty() && (v.front() == '"' || v.front() == '\''))
            v.remove_prefix(1);
        std::int64_t n = 0;
        const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        if (ec != std::errc() || n <= 0)
            return std::nullopt;
        std::string_view rest(ptr, static_cast<std::size_t>(v.data() + v.size() - ptr));
        while (!rest.empty() &&
               (rest.front() == '"' || rest.front() == '\'' || rest.front() == ' ' ||
                rest.front() == '\t' || rest.front() == '\r'))
            rest.remove_prefix(1);
        if (!rest.empty() && rest.front() != '#')
            return std::nullopt;  // "version: 3.1" etc.
        return n;
    }
    return std::nullopt;
}

std::int64_t clock_version(std::int64_t unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return (((static_cast<std::int64_t>(tm.tm_year) + 1900) * 100 + tm.tm_mon + 1) * 100 +
            tm.tm_mday) *
               10000 +
           tm.tm_hour * 100 + tm.tm_min;
}

Result<MadeBundle> make_bundle(const fs::path& content_dir, const SecretKey& key,
                               const BundleOptions& options) {
    if (sodium_init() < 0)
        return make_error(content_dir, "libsodium failed to initialise");
    if (options.label.size() > kMaxLabelBytes)
        return make_error(content_dir, "the label is too long (at most " +
                                           std::to_string(kMaxLabelBytes) + " bytes)");
    if (!label_is_text(options.label))
        return make_error(content_dir,
                          "the label must be plain text (UTF-8, no control characters or line "
                          "breaks)");
    auto payload = pack_directory(content_dir, options.max_bundle_bytes);
    if (!payload)
        return payload.error();
    MadeBundle out;
    out.header.created_unix = options.created_unix ? options.created_unix : now_unix();
    out.header.content_version =
        options.version
            ? *options.version
            : read_event_version(content_dir).value_or(clock_version(out.header.created_unix));
    if (out.header.content_version <= 0)
        return make_error(content_dir, "the version must be a positive number");
    out.header.label = options.label;
    auto sealed = seal_bundle(out.header, payload.value(), key);
    if (!sealed)
        return sealed.error();
    if (sealed.value().size() > options.max_bundle_bytes)
        return make_error(content_dir,
                          "the content is too large for one bundle (" +
                              std::to_string(sealed.value().size() >> 20) + " MiB; limit " +
                              std::to_string(options.max_bundle_bytes >> 20) + " MiB)");
    out.bytes = std::move(sealed.value());
    out.header.payload_size = payload.value().size();
    hash_payload(payload.value(), out.header.payload_hash);
    out.header.key_id = key.public_key().id();
    return out;
}

Result<BundleHeader> write_bundle_file(const fs::path& content_dir, const SecretKey& key,
                                       const BundleOptions& options, const fs::path& out_file) {
    auto made = make_bundle(content_dir, key, options);
    if (!made)
        return made.error();
    const auto& b = made.value().bytes;
    auto w = write_file_atomic(out_file,
                               std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
    if (!w)
        return w.error();
    return made.value().header;
}

}  // namespace kiosk::update
