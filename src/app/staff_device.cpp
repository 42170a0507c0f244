#include "app/staff_device.h"

#include <algorithm>
#include <ctime>
#include <fstream>
#include <sstream>

#include "update/store.h"

namespace kiosk::app {
namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        if (!l.empty())
            out.push_back(l);
    return out;
}

std::string clock_now() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %Z", &tm);
    return buf;
}

}  // namespace

std::vector<std::string> StaffDevice::status_lines() const {
    auto lines = lines_of(update::status(data_).text());
    lines.push_back("Clock: " + clock_now());
    return lines;
}

std::vector<std::string> StaffDevice::import_log() const {
    constexpr size_t kShown = 40;  // the screen holds about this many
    std::ifstream in(data_ / "import.log");
    std::vector<std::string> all;
    for (std::string l; std::getline(in, l);) {
        all.push_back(l);
        if (all.size() > kShown)
            all.erase(all.begin());
    }
    return all;
}

void StaffDevice::add_fleet(StaffInfo& info) const {
    if (!fleet_)
        return;
    info.fleet = true;
    info.fleet_id = fleet_device_id(*fleet_);
    info.kiosks = lines_of(fleet_status_text(*fleet_, std::time(nullptr)));
}

// Steps of a tenth of the panel's range, never fully dark (a black kiosk looks broken).
std::string StaffDevice::brightness(int delta) const {
    std::error_code ec;
    if (!fs::is_directory(backlight_, ec))
        return "No adjustable backlight on this screen";
    for (const auto& dev : fs::directory_iterator(backlight_, ec)) {
        int max = 0, now = 0;
        std::ifstream(dev.path() / "max_brightness") >> max;
        std::ifstream(dev.path() / "brightness") >> now;
        if (max <= 0)
            continue;
        const int step = std::max(1, max / 10);
        const int next = std::clamp(now + delta * step, step, max);
        std::ofstream out(dev.path() / "brightness");
        out << next;
        if (!out)
            return "The backlight refused the change (permissions?)";
        return "Brightness " + std::to_string(next * 100 / max) + "%";
    }
    return "No adjustable backlight on this screen";
}

}  // namespace kiosk::app
