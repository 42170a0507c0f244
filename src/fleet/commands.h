// `kiosk fleet ...`: the fleet from the command line, headless (the fleet test
// drives three kiosks with these). `args` exclude "fleet"; returns the exit
// code (0 ok, 1 refused/failed, 2 usage).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "base/device_paths.h"
#include "update/import.h"

namespace kiosk::fleet {

inline constexpr const char* kDefaultShareDir = paths::kFleetShare;
inline constexpr const char* kDefaultSyncthingHome = paths::kSyncthingHome;

std::string fleet_usage();

int run_fleet(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
              const update::ContentValidator& validate);

}  // namespace kiosk::fleet
