// The ContentService's import step on the device: the bundle is verified,
// unpacked, validated and installed by a child process under resource limits
// (update/isolated_import.h), so even a blow-up nobody foresaw costs one
// refused update, never the visitor's screen.
#pragma once

#include <filesystem>

#include "app/content_service.h"

namespace kiosk::app {

// An importer that runs `executable import …` as a limited child. The child
// reads `public_key` and validates with its own fonts: the caller's validator
// is not used (pass no make_validator with it).
StickImporter isolated_importer(std::filesystem::path public_key,
                                std::filesystem::path executable = "/proc/self/exe");

}  // namespace kiosk::app
