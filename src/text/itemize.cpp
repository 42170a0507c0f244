// Font fallback, grapheme by grapheme, so 🇭🇰, ZWJ sequences and combining
// marks always come from one face and are never split.
#include "text/chars.h"
#include "text/shaper.h"

namespace kiosk::text {
namespace {

bool face_covers(const FontStack::Impl& im, FaceId face, const char32_t* cps, size_t n) {
    for (size_t i = 0; i < n; ++i)
        if (!is_ignorable_for_coverage(cps[i]) && !im.face_has(face, cps[i]))
            return false;
    return true;
}

bool prefers_emoji(const char32_t* cps, size_t n) {
    for (size_t i = 0; i < n; ++i)
        if (cps[i] == 0xFE0E)
            return false;  // VS15 asks for text presentation
    for (size_t i = 0; i < n; ++i)
        if (wants_emoji_presentation(cps[i]))
            return true;
    return false;
}

FaceId choose_face(FontStack::Impl& im, const FaceChain& chain, const char32_t* cps, size_t n) {
    const CharClass c = classify(cps[0]);
    if (c == CharClass::Newline || c == CharClass::Control)
        return kNoFace;
    if (prefers_emoji(cps, n) && face_covers(im, kEmoji, cps, n))
        return kEmoji;
    for (FaceId face : chain)
        if (face_covers(im, face, cps, n))
            return face;
    // No single face has every mark: keep the base character's face so the
    // base stays legible (HarfBuzz draws the missing mark as .notdef).
    for (FaceId face : chain)
        if (im.face_has(face, cps[0]))
            return face;
    for (size_t i = 0; i < n; ++i) {
        const bool covered = is_ignorable_for_coverage(cps[i]) || im.face_has(chain[0], cps[i]) ||
                             im.face_has(chain[1], cps[i]) || im.face_has(chain[2], cps[i]);
        if (!covered)
            im.report_missing(cps[i]);
    }
    return kBoxFace;
}

}  // namespace

void assign_faces(FontStack::Impl& im, Paragraph& p, Lang lang, Weight weight) {
    const FaceChain chain = im.chain(lang, weight);
    const size_t n = p.chars.size();
    p.cp_face.assign(n, kNoFace);
    size_t begin = 0;
    while (begin < n) {
        size_t end = begin + 1;
        while (end < n && !p.grapheme_start[end])
            ++end;
        const FaceId face = choose_face(im, chain, &p.chars[begin], end - begin);
        for (size_t i = begin; i < end; ++i)
            p.cp_face[i] = face;
        begin = end;
    }
}

}  // namespace kiosk::text
