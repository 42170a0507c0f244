// Page layouts: Home (the 12 tiles), an area page, About. Each returns a
// DisplayList for one screen size, language and text size.
#pragma once

#include "layout/builder.h"
#include "layout/display_list.h"
#include "layout/page_id.h"

namespace kiosk::layout {

DisplayList build_page(const PageContext& ctx, const PageId& page);

// Parts shared by the pages (chrome.cpp).
void control_bar(Builder& b, const PageId& page);
// A coloured band under the control bar with a title (and an icon); returns its bottom.
float title_band(Builder& b, const std::string& title, Rgba color, const std::string& icon);

// Where the content goes on below the fold: a soft fade at the bottom of the
// viewport and a small chevron, in the Chrome layer, marked while_more_below so
// the renderer hides it once the visitor has scrolled to the end. Nothing when
// the content fits. Call after the viewport and content_height are set.
void scroll_cue(Builder& b);

DisplayList build_home(const PageContext& ctx);
DisplayList build_area(const PageContext& ctx, int area);
DisplayList build_about(const PageContext& ctx);

// One slide of the attract loop for area `area`.
DisplayList build_attract(const PageContext& ctx, int area);

// A message banner over the page (update progress and results). progress < 0: none.
DisplayList build_notice(const PageContext& ctx, const std::string& text, float progress);

// True when an area title fits its tile on the smallest supported screen (validation).
bool title_fits_tile(text::FontStack& fonts, const std::string& title, Lang lang);
// True when `label` (an area's title or short_title) fits the area footer's ‹ ›
// buttons on one line at every supported screen and text size (validation).
bool label_fits_footer(text::FontStack& fonts, const std::string& label, Lang lang);

}  // namespace kiosk::layout
