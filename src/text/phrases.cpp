#include "text/phrases.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "base/utf8.h"
#include "text/budoux.h"

namespace kiosk::text {
namespace {

// Characters a Chinese phrase is made of; breaks next to anything else (spaces,
// punctuation) are phrase boundaries already.
bool in_phrase(char32_t cp) {
    const CharClass c = classify(cp);
    return c == CharClass::Han || c == CharClass::Latin;
}

void rank_chinese(FontStack::Impl& im, Paragraph& p, Lang lang) {
    const size_t n = p.chars.size();
    const PhraseModel* model = PhraseModel::builtin(lang);
    if (!model)
        return;
    model->boundaries(p.chars.data(), n, p.phrase_start);
    grapheme_starts(*im.words, p.u16, n, p.word_start);
    for (size_t i = 1; i < n; ++i) {
        if (p.breaks[i] != BreakKind::Allowed || !in_phrase(p.chars[i - 1]) ||
            !in_phrase(p.chars[i]) || p.phrase_start[i])
            continue;
        p.break_rank[i] = p.word_start[i] ? kRankWord : kRankChar;
    }
}

bool is_letter(char32_t cp) {
    return classify(cp) == CharClass::Latin;
}

// "Mr Chan", "Dr. Lee": the space after an honorific is no break opportunity.
bool after_honorific(const std::vector<char32_t>& chars, size_t space) {
    static constexpr std::array<std::u32string_view, 6> kHonorifics = {U"Mr",   U"Mrs", U"Ms",
                                                                       U"Miss", U"Dr",  U"Prof"};
    size_t end = space;
    if (end > 0 && chars[end - 1] == '.')
        --end;
    size_t begin = end;
    while (begin > 0 && end - begin < 4 && is_letter(chars[begin - 1]))
        --begin;
    if (begin > 0 && is_letter(chars[begin - 1]))
        return false;  // the end of a longer word ("Adams Lee")
    const std::u32string_view word(chars.data() + begin, end - begin);
    return std::find(kHonorifics.begin(), kHonorifics.end(), word) != kHonorifics.end();
}

void keep_honorifics(Paragraph& p) {
    const size_t n = p.chars.size();
    for (size_t i = 1; i + 1 < n; ++i)
        if (p.chars[i] == ' ' && p.breaks[i + 1] == BreakKind::Allowed &&
            after_honorific(p.chars, i))
            p.break_rank[i + 1] = kRankKept;
}

void keep_terms(Paragraph& p, const Lexicon& lexicon) {
    const std::u32string_view text(p.chars.data(), p.chars.size());
    for (const std::u32string& term : lexicon.keep_together) {
        // Bounded: each find starts after the previous match.
        for (size_t at = text.find(term); at != std::u32string_view::npos;
             at = text.find(term, at + 1)) {
            for (size_t k = at + 1; k < at + term.size(); ++k)
                if (p.breaks[k] == BreakKind::Allowed)
                    p.break_rank[k] = kRankKept;
        }
    }
}

}  // namespace

void rank_breaks(FontStack::Impl& im, Paragraph& p, Lang lang, const Lexicon* lexicon) {
    p.break_rank.assign(p.chars.size() + 1, kRankPhrase);
    if (is_chinese(lang))
        rank_chinese(im, p, lang);
    keep_honorifics(p);
    if (lexicon)
        keep_terms(p, *lexicon);
}

std::shared_ptr<const Lexicon> Lexicon::make(const std::vector<std::string>& terms) {
    auto lexicon = std::make_shared<Lexicon>();
    for (const std::string& term : terms) {
        std::u32string t;
        for (const CodePoint& c : decode_utf8(sanitize_utf8(term)))
            t.push_back(c.cp);
        const auto& kept = lexicon->keep_together;
        if (t.size() > 1 && std::find(kept.begin(), kept.end(), t) == kept.end())
            lexicon->keep_together.push_back(std::move(t));
    }
    return lexicon;
}

}  // namespace kiosk::text
