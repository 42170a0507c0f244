// Every resource limit the kiosk enforces, in one place (docs/limits.md lists them
// for people). Content beyond a limit is refused with a clear message, never
// truncated silently and never allowed to exhaust memory on a 1 GB board.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kiosk::limits {

// Content files.
inline constexpr size_t kMaxYamlBytes = 1 << 20;    // one YAML file
inline constexpr size_t kMaxTextBytes = 16 * 1024;  // one text field (≈ 4000 CJK chars)
inline constexpr size_t kMaxTitleBytes = 256;       // a title or caption
inline constexpr int kMaxAreas = 24;
inline constexpr int kMaxParagraphsPerArea = 60;
inline constexpr int kMaxPicturesPerArea = 6;
inline constexpr int kMaxAboutBlocks = 120;

// Pictures (checked from the header before decoding).
inline constexpr size_t kMaxPictureBytes = 8 << 20;
inline constexpr int kMaxPictureSide = 4096;
inline constexpr int64_t kMaxPicturePixels = 4096LL * 4096;

// Recommended (warnings): tile titles that fit on the smallest screen.
inline constexpr int kTileTitleMaxCjkChars = 12;
inline constexpr int kTileTitleMaxLatinChars = 40;

// Bounded loading (content/yaml_guard.cpp, loader.cpp, validate.cpp): the work
// of loading or checking any content is bounded before it starts.
inline constexpr int kMaxYamlDepth = 32;                  // nested lists/mappings
inline constexpr int kMaxYamlNodes = 20000;               // texts, lists, mappings per file
inline constexpr size_t kMaxContentYamlBytes = 4 << 20;   // all YAML files together
inline constexpr int kMaxUiStrings = 200;                 // entries in strings.yaml
inline constexpr int64_t kMaxDecodedPixels = 96LL << 20;  // all pictures of one check

}  // namespace kiosk::limits
