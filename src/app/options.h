// Command-line options shared by the subcommands (see README, "Command line").
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/result.h"

namespace kiosk::app {

struct Options {
    std::string command;  // "" (run the kiosk), render, validate, layout, keygen, ...
    std::optional<std::string> content_dir;   // --content DIR: use exactly this content
    std::string data_dir = "/var/lib/kiosk";  // --data DIR: installed bundles
    std::string page = "home";
    std::string out;
    std::optional<std::string> events;
    std::optional<std::string> clock;  // --clock YYYY-MM-DDTHH:MM: a replay's local start time
    std::string lang;
    std::optional<std::string> config;
    std::string pubkey = "/etc/kiosk/staff.pub";  // trusted key for USB updates
    std::string usb_root = "/media/kiosk-usb";    // where sticks are mounted
    int width = 0, height = 0;                    // --size / --windowed=WxH; 0 = native or default
    int rotation = 0;                             // --rotation 0|90|180|270
    bool windowed = false;
    bool all = false;
    bool large_text = false;
    bool trace = false;
    std::vector<std::string> rest;  // positional arguments, and everything for delegated commands
    std::set<std::string> given;    // options set on the command line (they beat the config file)
};

Result<Options> parse_options(const std::vector<std::string>& args);
std::string usage();

}  // namespace kiosk::app
