// HarfBuzz shaping of face/script runs. The font scale is size*64 (26.6), so
// positions come back in 1/64 px; this is the one place they become float px.
#include "text/shaper.h"

#include <algorithm>

#include "text/type_scale.h"

namespace kiosk::text {
namespace {

constexpr float kFrom26_6 = 1.0f / 64.0f;

// Common/Inherited characters (digits, punctuation, marks) join the run before
// them so punctuation is shaped with its neighbours.
hb_script_t script_of(char32_t cp) {
    const hb_script_t s = hb_unicode_script(hb_unicode_funcs_get_default(), cp);
    if (s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN)
        return HB_SCRIPT_INVALID;
    // Kana and Hangul shape like Han in the CJK face; one run keeps context.
    if (s == HB_SCRIPT_HIRAGANA || s == HB_SCRIPT_KATAKANA || s == HB_SCRIPT_HANGUL ||
        s == HB_SCRIPT_BOPOMOFO)
        return HB_SCRIPT_HAN;
    return s;
}

struct Run {
    size_t begin, end;  // code point indices
    FaceId face;
    hb_script_t script;
};

void shape_one(FontStack::Impl& im, Paragraph& p, const std::string& source, const Run& run) {
    hb_buffer_t* buf = im.buffer.get();
    hb_buffer_clear_contents(buf);
    const uint32_t byte_begin = p.cps[run.begin].offset;
    const uint32_t byte_end =
        run.end < p.cps.size() ? p.cps[run.end].offset : static_cast<uint32_t>(source.size());
    // Passing the whole paragraph gives HarfBuzz context and makes clusters
    // byte offsets into the source, which is what Glyph.cluster promises.
    hb_buffer_add_utf8(buf, source.data(), static_cast<int>(source.size()), byte_begin,
                       static_cast<int>(byte_end - byte_begin));
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_buffer_set_script(buf, run.script);
    hb_buffer_set_language(buf, im.faces[run.face].language);
    hb_shape(im.faces[run.face].hb.get(), buf, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
    for (unsigned i = 0; i < count; ++i) {
        p.glyphs.push_back({run.face, info[i].codepoint, info[i].cluster,
                            pos[i].x_offset * kFrom26_6, pos[i].y_offset * kFrom26_6,
                            pos[i].x_advance * kFrom26_6});
    }
}

void emit_boxes(Paragraph& p, const Run& run, float size_px) {
    for (size_t i = run.begin; i < run.end; ++i) {
        if (!p.grapheme_start[i])
            continue;
        // gid carries the code point so a debug dump can name the missing character.
        p.glyphs.push_back({kBoxFace, static_cast<uint32_t>(p.chars[i]), p.cps[i].offset, 0, 0,
                            type_scale::kBoxAdvanceEm * size_px});
    }
}

}  // namespace

void shape_runs(FontStack::Impl& im, Paragraph& p, const std::string& source, Lang lang,
                float size_px) {
    p.glyphs.clear();
    const size_t n = p.chars.size();
    const hb_script_t fallback = is_chinese(lang) ? HB_SCRIPT_HAN : HB_SCRIPT_LATIN;
    size_t begin = 0;
    while (begin < n) {
        Run run{begin, begin + 1, p.cp_face[begin], script_of(p.chars[begin])};
        while (run.end < n && p.cp_face[run.end] == run.face) {
            const hb_script_t s = script_of(p.chars[run.end]);
            if (s != HB_SCRIPT_INVALID && run.script != HB_SCRIPT_INVALID && s != run.script)
                break;
            if (run.script == HB_SCRIPT_INVALID)
                run.script = s;
            ++run.end;
        }
        if (run.script == HB_SCRIPT_INVALID)
            run.script = fallback;
        if (run.face == kBoxFace) {
            emit_boxes(p, run, size_px);
        } else if (run.face != kNoFace) {
            shape_one(im, p, source, run);
        }
        begin = run.end;
    }
}

void build_atoms(Paragraph& p, size_t source_bytes) {
    p.atoms.clear();
    const size_t n = p.chars.size();
    size_t g = 0;  // next glyph
    for (size_t i = 0; i < n;) {
        size_t end = i + 1;
        while (end < n && !p.grapheme_start[end])
            ++end;
        Atom a;
        a.cp_begin = static_cast<uint32_t>(i);
        a.cp_end = static_cast<uint32_t>(end);
        a.byte_begin = p.cps[i].offset;
        a.byte_end = end < n ? p.cps[end].offset : static_cast<uint32_t>(source_bytes);
        a.first_cp = a.last_cp = p.chars[i];
        a.first = a.last = classify(p.chars[i]);
        a.face = p.cp_face[i];
        a.break_before = p.breaks[i];
        a.break_rank = p.break_rank[i];
        a.glyph_begin = static_cast<uint32_t>(g);
        while (g < p.glyphs.size() && p.glyphs[g].cluster < a.byte_end) {
            a.advance += p.glyphs[g].advance;
            ++g;
        }
        a.glyph_end = static_cast<uint32_t>(g);
        // A shaped grapheme without glyphs of its own was ligated into the
        // previous cluster (e.g. "fi"): merge so the ligature is never split.
        const bool ligated = a.glyph_begin == a.glyph_end && a.face != kNoFace &&
                             !p.atoms.empty() && p.atoms.back().face == a.face;
        if (ligated) {
            Atom& prev = p.atoms.back();
            prev.cp_end = a.cp_end;
            prev.byte_end = a.byte_end;
            prev.last_cp = a.last_cp;
            prev.last = a.last;
        } else {
            p.atoms.push_back(a);
        }
        i = end;
    }
}

}  // namespace kiosk::text
