// The App's pages, laid out once per (page, language, text size, screen) and
// kept until the content or the screen changes. Owns the content snapshot the
// UI shows; the FontStack is the UI thread's and nobody else's.
#pragma once

#include <map>
#include <memory>
#include <tuple>

#include "content/model.h"
#include "layout/display_list.h"
#include "layout/metrics.h"
#include "layout/page_id.h"
#include "layout/pages.h"
#include "text/text.h"

namespace kiosk::app {

class PageCache {
  public:
    PageCache(std::shared_ptr<const content::Bundle> bundle, text::FontStack& fonts)
        : bundle_(std::move(bundle)), fonts_(fonts) {}

    const content::Bundle& bundle() const { return *bundle_; }
    std::shared_ptr<const content::Bundle> snapshot() const { return bundle_; }
    void set_bundle(std::shared_ptr<const content::Bundle> bundle);
    void clear() { cache_.clear(); }

    using Page = std::shared_ptr<const layout::DisplayList>;
    Page page(const layout::PageId& p, Lang lang, const layout::Screen& s);
    Page attract(int index, Lang lang, const layout::Screen& s);
    // For one-off lists (staff menu, notices) that are not cached.
    layout::PageContext context(Lang lang, const layout::Screen& s) const {
        return {*bundle_, fonts_, lang, s};
    }

  private:
    using Key = std::tuple<int, int, int, bool, int, int>;
    std::shared_ptr<const content::Bundle> bundle_;
    text::FontStack& fonts_;
    std::map<Key, Page> cache_;
};

}  // namespace kiosk::app
