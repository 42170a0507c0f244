// Where the kiosk finds things on the device, in one place. Every default of
// the command line, the configuration file and the staff menu refers to these
// (docs/config.md and docs/integrator.md describe them).
#pragma once

namespace kiosk::paths {

inline constexpr const char* kConfigFile = "/etc/kiosk/kiosk.yaml";       // device settings
inline constexpr const char* kPublicKey = "/etc/kiosk/staff.pub";         // trusted bundle key
inline constexpr const char* kDataDir = "/var/lib/kiosk";                 // installed bundles
inline constexpr const char* kUsbRoot = "/media/kiosk-usb";               // sticks are mounted here
inline constexpr const char* kFleetShare = "/var/lib/kiosk/fleet-share";  // Syncthing folders
inline constexpr const char* kSyncthingHome = "/var/lib/kiosk/.syncthing";  // its key and config
inline constexpr const char* kBacklightRoot = "/sys/class/backlight";       // brightness controls

}  // namespace kiosk::paths
