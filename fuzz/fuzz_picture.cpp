// libFuzzer: picture decoding through content::decode_picture_bytes, with the
// size limits of src/base/limits.h (header checked before any pixel is decoded).
#include <cstdint>

#include "base/limits.h"
#include "content/picture.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto img = kiosk::content::decode_picture_bytes(data, size, "pictures/fuzz.png");
    if (img) {
        const auto& v = img.value();
        // A decoded picture always respects the limits and has every pixel.
        if (v.width <= 0 || v.height <= 0 || v.width > kiosk::limits::kMaxPictureSide ||
            v.height > kiosk::limits::kMaxPictureSide ||
            v.rgba.size() != static_cast<size_t>(v.width) * static_cast<size_t>(v.height) * 4)
            __builtin_trap();
    }
    return 0;
}
