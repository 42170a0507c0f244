#include "content/loader.h"

#include <set>

#include "base/limits.h"
#include "content/simplify.h"
#include "content/typography.h"
#include "content/yaml_reader.h"

namespace kiosk::content {
namespace {

namespace fs = std::filesystem;
using limits::kMaxTextBytes;
using limits::kMaxTitleBytes;

bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64)
        return false;
    for (char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    }
    return true;
}

// Relative paths only, inside the content directory.
bool safe_relative_path(const std::string& p) {
    if (p.empty() || p[0] == '/' || p.find('\\') != std::string::npos)
        return false;
    for (const auto& part : fs::path(p)) {
        if (part == "..")
            return false;
    }
    return true;
}

// Reports an error when `seq` holds more than `limit` items. Checked before
// anything is copied; callers then read at most `limit` items, so the work is
// bounded whatever the file says.
bool over_limit(YamlReader& r, const YAML::Node& seq, int limit, const std::string& message) {
    if (seq.size() <= static_cast<std::size_t>(limit))
        return false;
    r.error(seq, message + " (" + std::to_string(seq.size()) + " given)");
    return true;
}

class Loader {
  public:
    Loader(fs::path dir, Diagnostics& diags) : dir_(std::move(dir)), diags_(diags) {}

    void load(Bundle& b) {
        b.dir = dir_;
        std::vector<std::string> area_ids = load_event(b);
        load_about(b);
        load_strings(b);
        for (const auto& id : area_ids)
            load_area(b, id);
    }

  private:
    std::optional<YAML::Node> open(YamlReader& r) {
        r.set_budget(yaml_budget_);
        const fs::path path = dir_ / r.file();
        std::error_code ec;  // the throwing overloads would throw on e.g. a too-long name
        if (!fs::exists(path, ec)) {
            diags_.error({r.file()}, "file is missing");
            return std::nullopt;
        }
        auto root = r.parse(path);
        if (root && !r.expect_map(*root, "the file"))
            return std::nullopt;
        return root;
    }

    std::string relative_file(YamlReader& r, const YAML::Node& map, const char* key) {
        auto s = r.string(map, key, true, 512);
        if (!s)
            return {};
        if (!safe_relative_path(*s)) {
            r.error(map[key], "'" + *s + "' must be a path inside the content folder");
            return {};
        }
        std::error_code ec;  // a name longer than the filesystem allows is "not found" too
        if (!fs::is_regular_file(dir_ / *s, ec))
            r.error(map[key], "file '" + *s + "' not found");
        return *s;
    }

    std::vector<std::string> load_event(Bundle& b) {
        YamlReader r("event.yaml", diags_);
        auto root = open(r);
        if (!root)
            return {};
        const YAML::Node& m = *root;
        r.check_keys(m, {"schema", "version", "label", "title", "subtitle", "date", "venue",
                         "headline", "home_intro", "source_url", "areas", "typography"});
        if (auto s = r.integer(m, "schema", true); s && *s != 1)
            r.error(m["schema"], "schema " + std::to_string(*s) + " is not supported (use 1)");
        b.version = r.integer(m, "version", true).value_or(0);
        b.label = r.string(m, "label", false, kMaxTitleBytes).value_or("");
        Event& e = b.event;
        e.title = r.local_text_field(m, "title", true, kMaxTitleBytes);
        e.subtitle = r.local_text_field(m, "subtitle", false, kMaxTitleBytes);
        e.date = r.local_text_field(m, "date", false, kMaxTitleBytes);
        e.venue = r.local_text_field(m, "venue", false, kMaxTitleBytes);
        e.headline = r.local_text_field(m, "headline", false, kMaxTitleBytes);
        e.home_intro = r.local_text_field(m, "home_intro", false, kMaxTitleBytes);
        e.source_url = r.string(m, "source_url", false, 2048).value_or("");
        read_typography(r, m, b);
        return area_list(r, m);
    }

    std::vector<std::string> area_list(YamlReader& r, const YAML::Node& m) {
        std::vector<std::string> ids;
        auto areas = r.field(m, "areas", true);
        if (!areas || !r.expect_seq(*areas, "'areas'"))
            return ids;
        std::set<std::string> seen;
        over_limit(r, *areas, limits::kMaxAreas,
                   "at most " + std::to_string(limits::kMaxAreas) + " areas");
        int n = 0;
        for (const auto& item : *areas) {
            if (++n > limits::kMaxAreas)
                break;
            const std::string id = item.IsScalar() ? item.Scalar() : "";
            if (!valid_id(id)) {
                r.error(item, "area id '" + id + "' must use only a-z, 0-9 and '-'");
            } else if (!seen.insert(id).second) {
                r.error(item, "area '" + id + "' is listed twice");
            } else if (id == "home" || id == "about") {
                r.error(item, "'" + id + "' is reserved for a built-in page");
            } else {
                ids.push_back(id);
            }
        }
        if (ids.empty() && seen.empty())
            r.error(*areas, "'areas' lists no area");
        return ids;
    }

    void load_area(Bundle& b, const std::string& id) {
        YamlReader r("areas/" + id + ".yaml", diags_);
        auto root = open(r);
        if (!root)
            return;
        const YAML::Node& m = *root;
        r.check_keys(m, {"id", "title", "short_title", "accent", "icon", "pictures", "paragraphs",
                         "source_url"});
        Area a;
        a.where = r.pos(m);
        a.id = r.string(m, "id", true, 64).value_or(id);
        if (a.id != id)
            r.error(m["id"], "id '" + a.id + "' does not match the file name '" + id + "'");
        a.title = r.local_text_field(m, "title", true, kMaxTitleBytes);
        a.short_title = r.local_text_field(m, "short_title", false, kMaxTitleBytes);
        a.accent = r.color(m, "accent").value_or(Color{0x55, 0x55, 0x55});
        a.icon = relative_file(r, m, "icon");
        a.source_url = r.string(m, "source_url", false, 2048).value_or(b.event.source_url);
        load_pictures(r, m, a);
        if (auto paras = r.field(m, "paragraphs", true);
            paras && r.expect_seq(*paras, "'paragraphs'")) {
            over_limit(r, *paras, limits::kMaxParagraphsPerArea,
                       "too many paragraphs (limit " +
                           std::to_string(limits::kMaxParagraphsPerArea) + ")");
            for (const auto& p : *paras) {
                if (static_cast<int>(a.paragraphs.size()) >= limits::kMaxParagraphsPerArea)
                    break;
                a.paragraphs.push_back(r.local_text(p, kMaxTextBytes));
            }
        }
        b.areas.push_back(std::move(a));
    }

    void load_pictures(YamlReader& r, const YAML::Node& m, Area& a) {
        auto pics = r.field(m, "pictures", true);
        if (!pics || !r.expect_seq(*pics, "'pictures'"))
            return;
        over_limit(r, *pics, limits::kMaxPicturesPerArea,
                   "too many pictures (limit " + std::to_string(limits::kMaxPicturesPerArea) + ")");
        int n = 0;
        for (const auto& p : *pics) {
            if (++n > limits::kMaxPicturesPerArea)
                break;
            if (!r.expect_map(p, "a picture"))
                continue;
            r.check_keys(p, {"file", "caption"});
            Picture pic;
            pic.where = r.pos(p);
            pic.file = relative_file(r, p, "file");
            pic.caption = r.local_text_field(p, "caption", true, kMaxTitleBytes * 2);
            a.pictures.push_back(std::move(pic));
        }
        if (pics->size() == 0)
            r.error(*pics, "an area needs at least one picture");
    }

    void load_about(Bundle& b) {
        YamlReader r("about.yaml", diags_);
        auto root = open(r);
        if (!root)
            return;
        const YAML::Node& m = *root;
        r.check_keys(m, {"title", "blocks"});
        b.about.title = r.local_text_field(m, "title", true, kMaxTitleBytes);
        auto blocks = r.field(m, "blocks", true);
        if (!blocks || !r.expect_seq(*blocks, "'blocks'"))
            return;
        over_limit(r, *blocks, limits::kMaxAboutBlocks,
                   "too many blocks (limit " + std::to_string(limits::kMaxAboutBlocks) + ")");
        int n = 0;
        for (const auto& item : *blocks) {
            if (++n > limits::kMaxAboutBlocks)
                break;
            if (!r.expect_map(item, "a block") || item.size() != 1) {
                if (item.IsMap())
                    r.error(item,
                            "a block has exactly one of heading, paragraph, bullet, "
                            "areas, dateline");
                continue;
            }
            const auto kv = *item.begin();
            const std::string kind = kv.first.as<std::string>("");
            Block blk;
            if (kind == "heading") {
                blk.kind = Block::Kind::Heading;
            } else if (kind == "paragraph") {
                blk.kind = Block::Kind::Paragraph;
            } else if (kind == "bullet") {
                blk.kind = Block::Kind::Bullet;
            } else if (kind == "dateline") {
                blk.kind = Block::Kind::Dateline;
            } else if (kind == "areas") {
                // `- areas: numbered`: the list of areas; the value is not text.
                blk.kind = Block::Kind::AreaList;
                b.about.blocks.push_back(std::move(blk));
                continue;
            } else {
                r.error(kv.first, "unknown block '" + kind +
                                      "' (use heading, paragraph, bullet, areas or dateline)");
                continue;
            }
            blk.text = r.local_text(kv.second, kMaxTextBytes);
            b.about.blocks.push_back(std::move(blk));
        }
    }

    void load_strings(Bundle& b) {
        YamlReader r("strings.yaml", diags_);
        auto root = open(r);
        if (!root)
            return;
        if (root->size() > static_cast<std::size_t>(limits::kMaxUiStrings)) {
            r.error(*root, "too many strings (limit " + std::to_string(limits::kMaxUiStrings) +
                               ", " + std::to_string(root->size()) + " given)");
            return;
        }
        for (const auto& kv : *root) {
            const std::string key = kv.first.as<std::string>("");
            b.strings[key] = r.local_text(kv.second, kMaxTitleBytes * 2);
        }
    }

    fs::path dir_;
    Diagnostics& diags_;
    std::size_t yaml_budget_ = limits::kMaxContentYamlBytes;
};

}  // namespace

void for_each_text(Bundle& b, const std::function<void(LocalText&)>& fn) {
    Event& e = b.event;
    for (LocalText* t : {&e.title, &e.subtitle, &e.date, &e.venue, &e.headline, &e.home_intro})
        fn(*t);
    fn(b.about.title);
    for (auto& blk : b.about.blocks)
        fn(blk.text);
    for (auto& a : b.areas) {
        fn(a.title);
        fn(a.short_title);
        for (auto& p : a.pictures)
            fn(p.caption);
        for (auto& p : a.paragraphs)
            fn(p);
    }
    for (auto& [key, t] : b.strings)
        fn(t);
}

void for_each_text(const Bundle& b,
                   const std::function<void(const LocalText&, std::string_view)>& fn) {
    const Event& e = b.event;
    fn(e.title, "event title");
    fn(e.subtitle, "event subtitle");
    fn(e.date, "event date");
    fn(e.venue, "event venue");
    fn(e.headline, "headline");
    fn(e.home_intro, "home intro");
    fn(b.about.title, "about title");
    for (const auto& blk : b.about.blocks)
        fn(blk.text, "about block");
    for (const auto& a : b.areas) {
        fn(a.title, "area title");
        if (!a.short_title.empty())
            fn(a.short_title, "area short title");
        for (const auto& p : a.pictures)
            fn(p.caption, "picture caption");
        for (const auto& p : a.paragraphs)
            fn(p, "paragraph");
    }
    for (const auto& [key, t] : b.strings)
        fn(t, "ui string");
}

LoadResult load_bundle(const std::filesystem::path& dir, bool derive_simplified) {
    LoadResult result;
    std::error_code ec;
    const fs::path abs = fs::absolute(dir, ec);
    if (ec || !fs::is_directory(abs, ec)) {
        result.diagnostics.error({dir.string()}, "not a content folder");
        return result;
    }
    Bundle b;
    Loader(abs, result.diagnostics).load(b);
    if (derive_simplified) {
        const SimplifiedPairs cached = read_simplified_cache(abs / kSimplifiedCacheFile);
        derive_simplified_texts(b, cached);
        derive_simplified_terms(b, cached);
    }
    if (result.diagnostics.has_errors())
        result.partial = std::move(b);
    else
        result.bundle = std::move(b);
    return result;
}

}  // namespace kiosk::content
