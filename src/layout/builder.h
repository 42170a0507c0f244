// Small helpers the page layouts share: emit fills, text boxes, buttons, images.
#pragma once

#include <string>

#include "content/model.h"
#include "layout/display_list.h"
#include "layout/metrics.h"
#include "text/text.h"

namespace kiosk::layout {

struct PageContext {
    const content::Bundle& bundle;
    text::FontStack& fonts;
    Lang lang = kDefaultLang;
    Screen screen;
};

class Builder {
  public:
    explicit Builder(const PageContext& ctx);

    const PageContext& ctx() const { return ctx_; }
    const Metrics& m() const { return m_; }
    Lang lang() const { return ctx_.lang; }
    const std::string& ui(const char* key) const { return ctx_.bundle.ui(key, ctx_.lang); }
    const std::string& tr(const content::LocalText& t) const { return t.get(ctx_.lang); }

    // A style for this page's language at `em` × body size.
    text::TextStyle style(float em, text::Weight w = text::Weight::Regular) const;
    std::shared_ptr<const text::TextLayout> lay(const std::string& s, const text::TextStyle& st,
                                                float width) const;

    // Like lay(), but multi-line text gets lines of even length (CSS text-wrap:
    // balance): "醫療衞生／及中醫藥" rather than "醫療衞生及中／醫藥".
    std::shared_ptr<const text::TextLayout> lay_balanced(const std::string& s,
                                                         const text::TextStyle& st,
                                                         float width) const;

    // A heading: balanced like lay_balanced(), hyphenated words ("co-operation")
    // kept whole, and no line left with one word alone or opening with a
    // separator ("· Monday"). A kept term wider than the line may break at its
    // own seams then ("2023 Hong Kong– / Macao·Zhejiang Week").
    std::shared_ptr<const text::TextLayout> lay_heading(const std::string& s,
                                                        const text::TextStyle& st,
                                                        float width) const;
    // Lays out a heading and places it; returns its height.
    float heading(Layer layer, const std::string& s, const text::TextStyle& st, float x, float y,
                  float width, Rgba color);
    // Lines of a heading that read as left behind (see lay_heading).
    static int lonely_lines(const text::TextLayout& t);

    void fill(Layer layer, Rect r, Rgba c, float radius = 0);
    // True when a line ends between two Latin letters or digits: the text
    // engine's last-resort break inside a word that did not fit.
    static bool breaks_inside_word(const text::TextLayout& t);
    // Lays out and places text; returns its height.
    float text(Layer layer, const std::string& s, const text::TextStyle& st, float x, float y,
               float width, Rgba color);
    void place(Layer layer, std::shared_ptr<const text::TextLayout> t, float x, float y,
               Rgba color);
    void image(Layer layer, Rect r, const std::string& rel_path);
    void qr(Layer layer, Rect r, const std::string& text, Rgba dark);
    // A rounded button with a centred single-line label; registers the hit target.
    void button(Layer layer, Rect r, const std::string& label, const Action& a, Rgba bg, Rgba fg,
                float em = 0.8f);
    // The same with an explicit label style (e.g. 简 set in the Simplified face).
    void button(Layer layer, Rect r, const std::string& label, const Action& a, Rgba bg, Rgba fg,
                const text::TextStyle& st);
    void target(Layer layer, Rect r, const Action& a, std::string label, float radius);
    // The widest text width of `s` in style st (no wrapping).
    float measure(const std::string& s, const text::TextStyle& st) const;

    DisplayList& dl() { return dl_; }
    DisplayList finish() { return std::move(dl_); }

  private:
    DrawItem& add(DrawItem::Kind kind, Layer layer, Rect r, Rgba color, float radius = 0);

    const PageContext& ctx_;
    Metrics m_;
    text::TextStyle house_;  // the content's lexicon and Han–digit gap
    DisplayList dl_;
};

}  // namespace kiosk::layout
