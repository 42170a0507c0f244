#include "text/spacing.h"

#include <algorithm>

#include "text/type_scale.h"

namespace kiosk::text {
namespace {

struct Metrics {
    float x_offset = 0, advance = 0;
    bool ok = false;
};

Metrics shape_single(FontStack::Impl& im, FaceId face, char32_t cp, const hb_feature_t* feature) {
    hb_buffer_t* buf = im.buffer.get();
    hb_buffer_clear_contents(buf);
    const uint32_t text[1] = {cp};
    hb_buffer_add_utf32(buf, text, 1, 0, 1);
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_buffer_set_script(buf, HB_SCRIPT_HAN);
    hb_buffer_set_language(buf, im.faces[face].language);
    hb_shape(im.faces[face].hb.get(), buf, feature, feature ? 1 : 0);
    unsigned count = 0;
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
    if (count != 1)
        return {};
    return {static_cast<float>(pos[0].x_offset), static_cast<float>(pos[0].x_advance), true};
}

bool is_cjk_face(FaceId face) {
    return face <= kScBold;
}

}  // namespace

HaltTrim halt_trim(FontStack::Impl& im, FaceId face, char32_t cp) {
    const uint64_t key = (static_cast<uint64_t>(face) << 32) | cp;
    if (auto it = im.halt_cache.find(key); it != im.halt_cache.end())
        return it->second;
    HaltTrim trim;
    hb_feature_t halt;
    hb_feature_from_string("halt", -1, &halt);
    const Metrics plain = shape_single(im, face, cp, nullptr);
    const Metrics half = shape_single(im, face, cp, &halt);
    int xs = 0, ys = 0;
    hb_font_get_scale(im.faces[face].hb.get(), &xs, &ys);
    if (plain.ok && half.ok && xs > 0) {
        // halt moves the glyph left by what it trims on the left, and shortens
        // the advance by the total: centred HK marks lose a quarter each side,
        // SC marks half an em on their blank side.
        const float left = (plain.x_offset - half.x_offset) / static_cast<float>(xs);
        const float total = (plain.advance - half.advance) / static_cast<float>(xs);
        trim.left_em = std::max(0.0f, left);
        trim.right_em = std::max(0.0f, total - left);
    }
    im.halt_cache.emplace(key, trim);
    return trim;
}

void apply_spacing(FontStack::Impl& im, Paragraph& p, float size_px, float han_latin_em,
                   float han_digit_em) {
    const float pair_trim = type_scale::kPunctPairTrimEm * size_px;
    for (Atom& a : p.atoms) {
        if (!is_cjk_face(a.face) || a.glyph_end - a.glyph_begin != 1 ||
            !is_compressible(a.first_cp))
            continue;
        const HaltTrim t = halt_trim(im, a.face, a.first_cp);
        a.avail_left = t.left_em * size_px;
        a.avail_right = t.right_em * size_px;
        if (a.first == CharClass::Open)
            a.start_trim = std::min(type_scale::kLineStartTrimEm * size_px, a.avail_left);
    }
    for (size_t k = 1; k < p.atoms.size(); ++k) {
        Atom& a = p.atoms[k - 1];
        Atom& b = p.atoms[k];
        const bool han_latin = (a.last == CharClass::Han && b.first == CharClass::Latin) ||
                               (a.last == CharClass::Latin && b.first == CharClass::Han);
        if (han_latin) {
            const char32_t latin = a.last == CharClass::Latin ? a.last_cp : b.first_cp;
            const bool digit = latin >= U'0' && latin <= U'9';
            b.gap_before = (digit ? han_digit_em : han_latin_em) * size_px;
        }
        if (!is_compressible(a.last_cp) || !is_compressible(b.first_cp))
            continue;
        // Take the blank that faces the other mark: 」。 (SC) trims 」's right half;
        // centred HK marks give a quarter em each from the facing sides.
        const float from_a = std::min(pair_trim, a.avail_right);
        const float from_b = std::min(pair_trim - from_a, b.avail_left);
        a.trim_right = from_a;
        b.trim_left = from_b;
    }
}

bool is_expansion_point(const Atom& a, const Atom& b) {
    if (b.gap_before > 0)
        return true;  // Han–Latin gap
    // A word space in Chinese text ("iPhone 15") may stretch too; otherwise a
    // line with one Latin phrase gets all its slack at one or two Han gaps.
    if (a.last == CharClass::Space && b.first != CharClass::Space)
        return true;
    const auto cjk = [](CharClass c) {
        return c == CharClass::Han || c == CharClass::Open || c == CharClass::Close ||
               c == CharClass::Stop || c == CharClass::Excl || c == CharClass::Interpunct ||
               c == CharClass::Dash;
    };
    if (!cjk(a.last) || !cjk(b.first))
        return false;
    // Keep marks attached to the character they belong to.
    if (a.last == CharClass::Open)
        return false;
    if (b.first == CharClass::Close || b.first == CharClass::Stop || b.first == CharClass::Excl ||
        b.first == CharClass::Interpunct)
        return false;
    return !(a.last == CharClass::Dash && b.first == CharClass::Dash);
}

}  // namespace kiosk::text
