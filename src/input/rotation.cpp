#include "input/rotation.h"

namespace kiosk::input {

int normal_rotation(int degrees) {
    const int d = ((degrees % 360) + 360) % 360;
    return d % 90 == 0 ? d : 0;
}

std::pair<int, int> logical_size(int pw, int ph, int degrees) {
    const int d = normal_rotation(degrees);
    return d == 90 || d == 270 ? std::pair{ph, pw} : std::pair{pw, ph};
}

// The picture is turned clockwise by `degrees` about the panel's centre.
std::pair<float, float> to_physical(float x, float y, int pw, int ph, int degrees) {
    const float w = static_cast<float>(pw), h = static_cast<float>(ph);
    switch (normal_rotation(degrees)) {
        case 90:
            return {w - y, x};
        case 180:
            return {w - x, h - y};
        case 270:
            return {y, h - x};
        default:
            return {x, y};
    }
}

std::pair<float, float> to_logical(float x, float y, int pw, int ph, int degrees) {
    const float w = static_cast<float>(pw), h = static_cast<float>(ph);
    switch (normal_rotation(degrees)) {
        case 90:
            return {y, w - x};
        case 180:
            return {w - x, h - y};
        case 270:
            return {h - y, x};
        default:
            return {x, y};
    }
}

}  // namespace kiosk::input
