// Syncthing's config.xml for this kiosk, generated from the signed membership:
// the only devices it knows are the fleet's, and the only folders are
// out/bundles + out/status (send-only, offered to every member) and each
// member's in/<peer>/{bundles,status} (receive-only, shared with that member
// alone). Everything that reaches beyond the LAN is off. Written whole and
// atomically; Syncthing reads it when (re)started.
#pragma once

#include <optional>
#include <string>

#include "fleet/membership.h"

namespace kiosk::fleet {

struct SyncthingOptions {
    std::string listen = "tcp://0.0.0.0:22000";  // TCP only: no QUIC, so no STUN
    std::string gui = "127.0.0.1:8384";          // GUI/REST: localhost only
    std::string apikey;                          // kept from the existing config.xml if empty
    bool local_discovery = true;                 // the venue LAN; off in tests
    int rescan_s = 60;
    int watcher_delay_s = 1;
    int reconnect_s = 10;
};

// The XML. `self_id` is this kiosk's device ID; members other than self
// become devices; without membership the config has no peers and no folders.
std::string syncthing_config(const std::optional<Membership>& membership,
                             const std::string& self_id, const std::string& self_name,
                             const fs::path& share_dir, const SyncthingOptions& options);

// The <apikey> of an existing config.xml, if any (so it survives regeneration).
std::optional<std::string> existing_apikey(const fs::path& config_xml);

}  // namespace kiosk::fleet
