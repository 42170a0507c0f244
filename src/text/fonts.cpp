// FontStack: opens every face once (FreeType for rasterising, HarfBuzz for
// shaping) and answers coverage and metric questions.
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "base/log.h"
#include "text/chars.h"
#include "text/font_impl.h"
#include "text/linebreak.h"
#include "text/text.h"

namespace kiosk::text {
namespace {

// KIOSK_FONT_DIR moves the search root (e.g. fonts bundled on the device):
// look for the same file name directly under it, then in Debian's layout.
std::string resolve(const std::string& path) {
    const char* root = std::getenv("KIOSK_FONT_DIR");
    if (!root || !*root)
        return path;
    namespace fs = std::filesystem;
    const std::string name = fs::path(path).filename().string();
    for (const char* sub : {"", "opentype/noto", "truetype/noto"}) {
        fs::path candidate = fs::path(root) / sub / name;
        std::error_code ec;
        if (fs::exists(candidate, ec))
            return candidate.string();
    }
    return path;
}

Diagnostic font_error(const std::string& path, const std::string& what) {
    return Diagnostic{Severity::Error, SourcePos{path}, what};
}

void read_typo_metrics(Face& face) {
    const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face.ft.get(), FT_SFNT_OS2));
    // CJK fonts put the ideographic em box in the typo metrics (0.88/0.12);
    // centring that box in the line gives even Han leading.
    if (os2 && os2->version != 0xFFFF && os2->sTypoAscender > 0) {
        face.ascent_em = static_cast<float>(os2->sTypoAscender) / face.upem;
        face.descent_em = static_cast<float>(-os2->sTypoDescender) / face.upem;
    } else {
        face.ascent_em = static_cast<float>(face.ft->ascender) / face.upem;
        face.descent_em = static_cast<float>(-face.ft->descender) / face.upem;
    }
}

// The largest bitmap strike of a colour font (NotoColorEmoji has one, 109 ppem).
void pick_strike(Face& face) {
    FT_Face ft = face.ft.get();
    if (!FT_HAS_COLOR(ft) || ft->num_fixed_sizes == 0)
        return;
    face.color = true;
    int best = 0;
    for (int i = 1; i < ft->num_fixed_sizes; ++i)
        if (ft->available_sizes[i].y_ppem > ft->available_sizes[best].y_ppem)
            best = i;
    face.strike_index = best;
    face.strike_ppem = static_cast<float>(ft->available_sizes[best].y_ppem) / 64.0f;
}

// The whole file mapped read-only (shared by FreeType and HarfBuzz: one mapping
// per file). Its pages are the page cache's: release_pages() can drop them from
// the process's RSS at any time, and they fault back in from the file.
hb_blob_t* map_font_file(const std::string& path, std::vector<FontStack::Impl::Mapping>& out) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return nullptr;
    struct stat st {};
    void* p = MAP_FAILED;
    if (::fstat(fd, &st) == 0 && st.st_size > 0)
        p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (p == MAP_FAILED)
        return nullptr;
    const FontStack::Impl::Mapping m{p, static_cast<size_t>(st.st_size)};
    out.push_back(m);
    return hb_blob_create(static_cast<const char*>(p), static_cast<unsigned>(m.size),
                          HB_MEMORY_MODE_READONLY, new FontStack::Impl::Mapping(m), [](void* u) {
                              auto* map = static_cast<FontStack::Impl::Mapping*>(u);
                              ::munmap(map->data, map->size);
                              delete map;
                          });
}

// A reference on the blob `share` reads `path` from, and its mapping; null if it has none.
hb_blob_t* shared_blob(const FontStack::Impl& share, const std::string& path,
                       std::vector<FontStack::Impl::Mapping>& out) {
    for (size_t i = 0; i < share.mapped_paths.size(); ++i) {
        if (share.mapped_paths[i] == path) {
            out.push_back(share.mappings[i]);
            return hb_blob_reference(share.blobs[i].get());
        }
    }
    return nullptr;
}

struct FaceSpec {
    FaceSlot slot;
    const std::string* path;
    int index;
    const char* language;
};

}  // namespace

FontStack::FontStack(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FontStack::~FontStack() = default;

Result<std::unique_ptr<FontStack>> FontStack::load(const FontPaths& paths) {
    return load_files(paths, nullptr);
}

Result<std::unique_ptr<FontStack>> FontStack::load_sharing(const FontStack& other) {
    return load_files(other.impl_->paths, other.impl_.get());
}

Result<std::unique_ptr<FontStack>> FontStack::load_files(const FontPaths& paths,
                                                         const Impl* share) {
    auto impl = std::make_unique<Impl>();
    impl->paths = paths;
    FT_Library lib = nullptr;
    if (FT_Init_FreeType(&lib) != 0)
        return font_error("", "cannot initialise FreeType");
    impl->ft_lib.reset(lib);

    const FaceSpec specs[] = {
        {kHkRegular, &paths.cjk_regular, 4, "zh-HK"},   {kHkBold, &paths.cjk_bold, 4, "zh-HK"},
        {kScRegular, &paths.cjk_regular, 2, "zh-Hans"}, {kScBold, &paths.cjk_bold, 2, "zh-Hans"},
        {kLatinRegular, &paths.latin_regular, 0, "en"}, {kLatinBold, &paths.latin_bold, 0, "en"},
        {kEmoji, &paths.emoji, 0, "und-Zsye"},
    };
    std::unordered_map<std::string, hb_blob_t*> blob_by_path;
    for (const FaceSpec& spec : specs) {
        const std::string path = resolve(*spec.path);
        Face& face = impl->faces[spec.slot];
        hb_blob_t*& blob = blob_by_path[path];
        if (!blob) {
            blob = share ? shared_blob(*share, path, impl->mappings) : nullptr;
            if (!blob)
                blob = map_font_file(path, impl->mappings);
            if (!blob)
                return font_error(path, "cannot read font file");
            impl->blobs.emplace_back(blob);  // the Impl owns it; the map only borrows
            impl->mapped_paths.push_back(path);
        }
        unsigned size = 0;
        const char* data = hb_blob_get_data(blob, &size);
        FT_Face ft = nullptr;
        if (FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(data),
                               static_cast<FT_Long>(size), spec.index, &ft) != 0)
            return font_error(path, "cannot open font face " + std::to_string(spec.index));
        face.ft.reset(ft);
        HbFacePtr hb_face(hb_face_create(blob, static_cast<unsigned>(spec.index)));
        face.hb.reset(hb_font_create(hb_face.get()));
        face.language = hb_language_from_string(spec.language, -1);
        face.upem = static_cast<float>(hb_face_get_upem(hb_face.get()));
        face.name =
            std::filesystem::path(path).filename().string() + "#" + std::to_string(spec.index);
        read_typo_metrics(face);
        pick_strike(face);
    }
    impl->buffer.reset(hb_buffer_create());
    for (Lang lang : kAllLangs) {
        impl->line_breakers[static_cast<int>(lang)] = make_line_breaker(lang);
        if (!impl->line_breakers[static_cast<int>(lang)])
            return font_error("", "ICU line break data missing");
    }
    impl->graphemes = make_grapheme_breaker();
    impl->words = make_word_breaker();
    if (!impl->graphemes || !impl->words)
        return font_error("", "ICU character or word break data missing");
    return std::unique_ptr<FontStack>(new FontStack(std::move(impl)));
}

FaceChain FontStack::Impl::chain(Lang lang, Weight weight) const {
    const bool bold = weight == Weight::Bold;
    const FaceId hk = bold ? kHkBold : kHkRegular;
    const FaceId sc = bold ? kScBold : kScRegular;
    const FaceId latin = bold ? kLatinBold : kLatinRegular;
    // Chinese: the CJK face draws everything it covers, Latin and digits included,
    // so mixed text keeps one design; English falls back to the HK face for Han.
    switch (lang) {
        case Lang::ZhHK:
            return {hk, latin, kEmoji};
        case Lang::ZhHans:
            return {sc, latin, kEmoji};
        case Lang::En:
            return {latin, hk, kEmoji};
    }
    return {hk, latin, kEmoji};
}

bool FontStack::Impl::face_has(FaceId face, char32_t cp) const {
    hb_codepoint_t gid = 0;
    return hb_font_get_nominal_glyph(faces[face].hb.get(), cp, &gid) && gid != 0;
}

void FontStack::Impl::set_size(float size_px) {
    const int scale = static_cast<int>(size_px * 64.0f + 0.5f);
    for (Face& face : faces) {
        int x = 0, y = 0;
        hb_font_get_scale(face.hb.get(), &x, &y);
        // Re-setting the scale drops HarfBuzz's per-font caches; skip when unchanged.
        if (x != scale || y != scale)
            hb_font_set_scale(face.hb.get(), scale, scale);
    }
}

void FontStack::Impl::report_missing(char32_t cp) {
    if (!reported_missing.insert(cp).second)
        return;
    char buf[64];
    std::snprintf(buf, sizeof buf, "no font covers U+%04X; drawing a box", unsigned(cp));
    log_warn(buf);
}

const FontPaths& FontStack::paths() const {
    return impl_->paths;
}

void FontStack::release_pages() {
    for (const Impl::Mapping& m : impl_->mappings)
        ::madvise(m.data, m.size, MADV_DONTNEED);  // clean file pages: they fault back in
}

bool FontStack::covers(char32_t cp, Lang lang) const {
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
        return true;  // controls: invisible
    if (cp == 0x2028 || cp == 0x2029 || is_ignorable_for_coverage(cp))
        return true;
    for (FaceId face : impl_->chain(lang, Weight::Regular))
        if (impl_->face_has(face, cp))
            return true;
    return false;
}

float FontStack::ascent(const TextStyle& style) const {
    return impl_->faces[impl_->chain(style.lang, style.weight)[0]].ascent_em * style.size_px;
}

float FontStack::descent(const TextStyle& style) const {
    return impl_->faces[impl_->chain(style.lang, style.weight)[0]].descent_em * style.size_px;
}

}  // namespace kiosk::text
