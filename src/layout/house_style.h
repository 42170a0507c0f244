// What the content's house style tells the text engine, shared by the pages and
// `kiosk layout --content DIR`, so both break lines with the same knowledge.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "content/model.h"
#include "text/text.h"

namespace kiosk::layout {

// A TextStyle carrying the bundle's keep-together lexicon and Han–digit gap.
text::TextStyle house_style(const content::Bundle& bundle);

// `kiosk layout [--content DIR] …`: the text engine's command (text/layout_command.h)
// with the house style of DIR (default content/). Exit code 1 if DIR does not load.
int run_layout_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace kiosk::layout
