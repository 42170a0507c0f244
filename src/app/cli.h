// The `kiosk` command line: dispatches to the subcommands.
#pragma once

#include <string>
#include <vector>

namespace kiosk::app {

// args excludes the program name. Returns the process exit code.
int run_cli(const std::vector<std::string>& args);

}  // namespace kiosk::app
