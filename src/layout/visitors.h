// The staff menu's Visitors screen: views per area in the area colours with
// the median time on each page, language share and the busiest hours, from a
// plain stats::Summary (the layout never touches the database).
#pragma once

#include "layout/builder.h"
#include "stats/summary.h"

namespace kiosk::layout {

// Draws the charts in the box below `top`; English like the rest of the menu.
void build_visitors(Builder& b, const stats::Summary& s, float top);

}  // namespace kiosk::layout
