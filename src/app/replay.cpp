#include "app/replay.h"

#include <sstream>

namespace kiosk::app {
namespace {

constexpr Millis kFrameMs = 16;    // ~60 Hz, like the display
constexpr Millis kTapHoldMs = 60;  // how long a replayed finger rests on a tap

using T = input::PointerEvent::Type;

Diagnostic bad(const SourcePos& where, const std::string& msg) {
    return Diagnostic{Severity::Error, where, msg};
}

}  // namespace

Result<std::vector<ReplayCommand>> parse_replay(std::string_view text, const std::string& file) {
    std::vector<ReplayCommand> out;
    std::istringstream in{std::string(text)};
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (auto hash = line.find('#'); hash != std::string::npos)
            line.resize(hash);
        std::istringstream ls(line);
        std::string word;
        if (!(ls >> word))
            continue;
        ReplayCommand c;
        c.where = {file, n, 1};
        bool ok = true;
        if (word == "wait") {
            c.kind = ReplayCommand::Kind::Wait;
            ok = static_cast<bool>(ls >> c.ms) && c.ms >= 0;
        } else if (word == "tap") {
            c.kind = ReplayCommand::Kind::Tap;
            ok = static_cast<bool>(ls >> c.x1 >> c.y1);
        } else if (word == "drag") {
            c.kind = ReplayCommand::Kind::Drag;
            ok = static_cast<bool>(ls >> c.x1 >> c.y1 >> c.x2 >> c.y2 >> c.ms) && c.ms > 0;
        } else if (word == "key") {
            c.kind = ReplayCommand::Kind::Key;
            ok = static_cast<bool>(ls >> c.arg);
        } else if (word == "shot") {
            c.kind = ReplayCommand::Kind::Shot;
            ok = static_cast<bool>(ls >> c.arg);
        } else {
            return bad(c.where, "unknown command '" + word + "' (wait, tap, drag, key, shot)");
        }
        if (!ok)
            return bad(c.where, "bad arguments for '" + word + "'");
        std::string extra;
        if (ls >> extra)
            return bad(c.where, "unexpected '" + extra + "' after '" + word + "'");
        out.push_back(std::move(c));
    }
    return out;
}

void advance(App& app, Millis& clock, Millis until, const ReplayHooks& hooks) {
    while (clock < until) {
        clock = std::min(until, clock + kFrameMs);
        if (hooks.step)
            hooks.step(clock);  // effects of the last input, content events
        if (app.tick(clock) && hooks.present)
            hooks.present(clock);
    }
}

void run_replay(App& app, const std::vector<ReplayCommand>& commands, Millis& clock,
                const ReplayHooks& hooks) {
    const auto send = [&](input::PointerEvent e) {
        app.pointer(hooks.map_pointer ? hooks.map_pointer(e) : e);
    };
    for (const auto& c : commands) {
        switch (c.kind) {
            case ReplayCommand::Kind::Wait:
                advance(app, clock, clock + c.ms, hooks);
                break;
            case ReplayCommand::Kind::Tap:
                send({T::Down, c.x1, c.y1, clock});
                advance(app, clock, clock + kTapHoldMs, hooks);
                send({T::Up, c.x1, c.y1, clock});
                advance(app, clock, clock + kFrameMs, hooks);
                break;
            case ReplayCommand::Kind::Drag: {
                send({T::Down, c.x1, c.y1, clock});
                const Millis start = clock;
                while (clock - start < c.ms) {
                    advance(app, clock, std::min(start + c.ms, clock + kFrameMs), hooks);
                    const float f = static_cast<float>(clock - start) / static_cast<float>(c.ms);
                    send({T::Move, c.x1 + (c.x2 - c.x1) * f, c.y1 + (c.y2 - c.y1) * f, clock});
                }
                send({T::Up, c.x2, c.y2, clock});
                advance(app, clock, clock + kFrameMs, hooks);
                break;
            }
            case ReplayCommand::Kind::Key:
                if (hooks.key)
                    hooks.key();
                app.key(c.arg, clock);
                advance(app, clock, clock + kFrameMs, hooks);
                break;
            case ReplayCommand::Kind::Shot:
                if (hooks.shot)
                    hooks.shot(c.arg);
                break;
        }
    }
}

}  // namespace kiosk::app
