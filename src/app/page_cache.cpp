#include "app/page_cache.h"

namespace kiosk::app {

void PageCache::set_bundle(std::shared_ptr<const content::Bundle> bundle) {
    bundle_ = std::move(bundle);
    cache_.clear();
}

PageCache::Page PageCache::page(const layout::PageId& p, Lang lang, const layout::Screen& s) {
    const Key key{
        static_cast<int>(p.kind), p.area, static_cast<int>(lang), s.large_text, s.width, s.height};
    if (auto it = cache_.find(key); it != cache_.end())
        return it->second;
    auto dl = std::make_shared<const layout::DisplayList>(layout::build_page(context(lang, s), p));
    cache_[key] = dl;
    return dl;
}

PageCache::Page PageCache::attract(int index, Lang lang, const layout::Screen& s) {
    constexpr int kAttractKind = 100;  // cache key space apart from real pages
    const Key key{kAttractKind, index, static_cast<int>(lang), false, s.width, s.height};
    if (auto it = cache_.find(key); it != cache_.end())
        return it->second;
    layout::Screen plain = s;
    plain.large_text = false;
    auto dl = std::make_shared<const layout::DisplayList>(
        layout::build_attract(context(lang, plain), index));
    cache_[key] = dl;
    return dl;
}

}  // namespace kiosk::app
