#include "app/staff_host.h"

#include <ctime>
#include <fstream>
#include <sstream>

#include "app/updater.h"
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

std::vector<std::string> DeviceStaffHost::status_lines() {
    auto lines = lines_of(update::status(data_).text());
    lines.push_back("Clock: " + clock_now());
    return lines;
}

std::vector<std::string> DeviceStaffHost::import_log() {
    constexpr size_t kShown = 40;  // the screen holds about this many
    std::ifstream in(data_ / "import.log");
    std::vector<std::string> all;
    for (std::string l; std::getline(in, l);) {
        all.push_back(l);
        if (all.size() > kShown)
            all.erase(all.begin());
    }
    if (all.empty())
        all.push_back("No imports yet.");
    return all;
}

std::string DeviceStaffHost::rollback() {
    auto store = update::ContentStore::open(data_);
    if (!store)
        return "Cannot open the data folder: " + store.error().message;
    auto v = store.value().rollback();
    if (!v)
        return "Not rolled back: " + v.error().message;
    int64_t shown = 0;
    auto bundle = load_installed_content(data_, &shown);
    if (bundle && hooks_.show)
        hooks_.show(bundle);
    return "Rolled back to version " + std::to_string(shown);
}

// Steps of a tenth of the panel's range, never fully dark (a black kiosk looks broken).
std::string DeviceStaffHost::brightness(int delta) {
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
