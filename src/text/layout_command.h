// `kiosk layout`: lay a string out from the command line and print the lines.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace kiosk::text {

class FontStack;

// args exclude the word "layout". Returns the process exit code: 0, or 1 with
// a message on err for bad arguments or missing fonts. Never throws.
//   --text T --width PX [--font-size PX] [--lang TAG] [--json]
//   [--justify] [--indent EM] [--bold] [--center] [--line-height EM]
int run_layout_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The same with an already loaded FontStack (tests and the app reuse theirs).
int run_layout_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                       FontStack& fonts);

}  // namespace kiosk::text
