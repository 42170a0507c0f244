// `--events FILE`: scripted input on a virtual clock, for tests and previews.
// One command a line; '#' starts a comment:
//   wait MS | tap X Y | drag X1 Y1 X2 Y2 MS | key NAME | shot FILE.png
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/app.h"
#include "base/result.h"

namespace kiosk::app {

struct ReplayCommand {
    enum class Kind { Wait, Tap, Drag, Key, Shot };
    Kind kind = Kind::Wait;
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    Millis ms = 0;
    std::string arg;  // key name or shot path
    SourcePos where;
};

Result<std::vector<ReplayCommand>> parse_replay(std::string_view text, const std::string& file);

// Plays `commands` into `app`, advancing `clock` in 60 Hz frame steps.
// `present` runs for each frame the app wants drawn; `shot` for each shot line.
struct ReplayHooks {
    // Each frame before the tick: carry out App's effects, apply content events.
    std::function<void(Millis now)> step;
    std::function<void(Millis now)> present;
    std::function<void(const std::string& path)> shot;
    // Panel → logical coordinates (rotated screens); identity when unset.
    std::function<input::PointerEvent(input::PointerEvent)> map_pointer;
    std::function<void()> key;  // before a key reaches the app (statistics)
};
void run_replay(App& app, const std::vector<ReplayCommand>& commands, Millis& clock,
                const ReplayHooks& hooks);
// Advances the virtual clock to `until`, ticking the app each frame.
void advance(App& app, Millis& clock, Millis until, const ReplayHooks& hooks);

}  // namespace kiosk::app
