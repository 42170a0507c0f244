// Syncthing device IDs: what identifies a kiosk in the fleet. Computed here
// from the device certificate so the staff menu can show it without asking
// Syncthing (the kiosk talks to it only through files).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace kiosk::fleet {

// SHA-256 of the certificate's DER bytes in Syncthing's form: base32, a Luhn
// check character after every 13, then groups of 7 joined by '-' (63 chars).
Result<std::string> device_id_from_cert_pem(std::string_view pem, const std::string& where);

// Accepts the canonical form only (upper case, dashes, valid check characters).
bool valid_device_id(std::string_view id);

// The first group ("6LTBX3Q"): names folders and directories per peer.
std::string short_id(std::string_view id);

}  // namespace kiosk::fleet
