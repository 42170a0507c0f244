// libFuzzer: content loading. The input becomes one YAML file of a small but
// complete content folder (copied once from content/), then load_bundle runs
// the whole loader: YAML parsing, field checks, limits, picture probing.
// First byte: which file (area, event, about, strings) and whether to derive
// Simplified Chinese with OpenCC; the rest is the file.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "content/loader.h"

namespace fs = std::filesystem;

static fs::path g_dir;

static void write_file(const fs::path& p, const void* data, size_t size) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
}

static const char* kOriginal[4] = {"areas/finance.yaml", "event.yaml", "about.yaml",
                                   "strings.yaml"};

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const fs::path src = KIOSK_SOURCE_DIR "/content";
    g_dir = fs::temp_directory_path() / ("kiosk-fuzz-yaml-" + std::to_string(getpid()));
    fs::remove_all(g_dir);
    fs::create_directories(g_dir / "areas");
    fs::create_directories(g_dir / "icons");
    fs::create_directories(g_dir / "pictures");
    // One area keeps each load fast; the loader's rules are per file anyway.
    std::ifstream ev(src / "event.yaml");
    std::ofstream out(g_dir / "event.yaml.orig");
    for (std::string line; std::getline(ev, line);) {
        if (line.rfind("  - ", 0) == 0 && line != "  - finance")
            continue;
        out << line << "\n";
    }
    out.close();
    for (const char* f : {"about.yaml", "strings.yaml", "areas/finance.yaml", "icons/finance.png",
                          "pictures/finance.jpg"})
        fs::copy_file(src / f,
                      g_dir / (std::string(f) + (f[0] == 'i' || f[0] == 'p' ? "" : ".orig")));
    std::atexit([] { fs::remove_all(g_dir); });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1)
        return 0;
    const int which = data[0] & 3;
    const bool simplify = (data[0] & 4) != 0;
    for (int i = 0; i < 4; ++i) {
        const fs::path p = g_dir / kOriginal[i];
        if (i == which)
            write_file(p, data + 1, size - 1);
        else
            fs::copy_file(g_dir / (std::string(kOriginal[i]) + ".orig"), p,
                          fs::copy_options::overwrite_existing);
    }
    auto r = kiosk::content::load_bundle(g_dir, simplify);
    if (r.bundle) {
        // A bundle that loads must be usable: every text is reachable.
        size_t n = 0;
        kiosk::content::for_each_text(
            *r.bundle, [&](const kiosk::content::LocalText&, std::string_view) { ++n; });
    }
    (void)r.diagnostics.str();
    return 0;
}
