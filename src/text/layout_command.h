// `kiosk layout`: lay a string out from the command line and print the lines.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "text/text.h"

namespace kiosk::text {

// args exclude the word "layout". Returns the process exit code: 0, or 1 with
// a message on err for bad arguments or missing fonts. Never throws.
//   --text T --width PX [--font-size PX] [--lang TAG] [--json]
//   [--justify] [--indent EM] [--bold] [--center] [--line-height EM]
int run_layout_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The same with an already loaded FontStack (tests and the app reuse theirs).
// `house` gives what the content knows (lexicon, Han–digit gap); the flags set
// the rest. src/layout's run_layout_command fills it from `--content DIR`.
int run_layout_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                       FontStack& fonts, const TextStyle& house = {});

}  // namespace kiosk::text
