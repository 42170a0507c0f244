// Command-line options shared by the subcommands (see README, "Command line").
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/device_paths.h"
#include "base/result.h"

namespace kiosk::app {

struct Options {
    std::string command;  // "" (run the kiosk), render, validate, layout, keygen, ...
    std::optional<std::string> content_dir;  // --content DIR: use exactly this content
    std::string data_dir = paths::kDataDir;  // --data DIR: installed bundles
    std::string page = "home";
    std::string out;
    std::optional<std::string> events;
    std::optional<std::string> clock;  // --clock YYYY-MM-DDTHH:MM: a replay's local start time
    std::string lang;
    std::optional<std::string> config;
    std::string pubkey = paths::kPublicKey;       // trusted key for USB updates
    std::string usb_root = paths::kUsbRoot;       // where sticks are mounted
    int width = 0, height = 0;                    // --size / --windowed=WxH; 0 = native or default
    std::vector<std::pair<int, int>> more_sizes;  // earlier --size values (render --all)
    int rotation = 0;                             // --rotation 0|90|180|270
    bool windowed = false;
    bool all = false;
    bool large_text = false;
    bool trace = false;
    bool help = false;              // --help / -h: the command's usage, exit 0
    std::vector<std::string> rest;  // positional arguments, and everything for delegated commands
    std::set<std::string> given;    // options set on the command line (they beat the config file)
};

Result<Options> parse_options(const std::vector<std::string>& args);
// The usage of one subcommand ("" is the kiosk itself), or of all when `command` is empty.
std::string usage(std::string_view command = {});

}  // namespace kiosk::app
