// png_compare EXPECTED ACTUAL [--max-mean 1.0] [--max-changed 0.005] [--diff OUT.png]
// Exit 0 when the pictures match within tolerance, 1 otherwise (and says how
// they differ), 2 on bad input. Tolerance absorbs tiny rasteriser differences;
// anything a person would notice (a moved line, a missing glyph) exceeds it.
#include <stb_image.h>
#include <stb_image_write.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace {

struct Png {
    int w = 0, h = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> px{nullptr, stbi_image_free};
};

bool load(const char* path, Png& out) {
    int comp = 0;
    out.px.reset(stbi_load(path, &out.w, &out.h, &comp, 4));
    if (!out.px)
        std::fprintf(stderr, "png_compare: cannot read %s\n", path);
    return out.px != nullptr;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(
            stderr,
            "usage: png_compare EXPECTED ACTUAL [--max-mean F] [--max-changed F] [--diff OUT]\n");
        return 2;
    }
    double max_mean = 1.0, max_changed = 0.005;
    const char* diff_path = nullptr;
    for (int i = 3; i + 1 < argc; i += 2) {
        const std::string opt = argv[i];
        if (opt == "--max-mean")
            max_mean = std::atof(argv[i + 1]);
        else if (opt == "--max-changed")
            max_changed = std::atof(argv[i + 1]);
        else if (opt == "--diff")
            diff_path = argv[i + 1];
    }
    Png a, b;
    if (!load(argv[1], a) || !load(argv[2], b))
        return 2;
    if (a.w != b.w || a.h != b.h) {
        std::printf("size differs: %dx%d vs %dx%d\n", a.w, a.h, b.w, b.h);
        return 1;
    }
    const size_t n = static_cast<size_t>(a.w) * a.h;
    double sum = 0;
    size_t changed = 0;
    std::vector<unsigned char> diff(n * 4, 0);
    for (size_t i = 0; i < n; ++i) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) {
            const int d = std::abs(a.px.get()[i * 4 + c] - b.px.get()[i * 4 + c]);
            sum += d;
            worst = std::max(worst, d);
        }
        if (worst > 16)
            ++changed;
        diff[i * 4] = static_cast<unsigned char>(std::min(255, worst * 4));
        diff[i * 4 + 3] = 255;
    }
    const double mean = sum / static_cast<double>(n * 3);
    const double frac = static_cast<double>(changed) / static_cast<double>(n);
    std::printf("mean difference %.3f (max %.3f), changed pixels %.4f%% (max %.4f%%)\n", mean,
                max_mean, frac * 100, max_changed * 100);
    const bool ok = mean <= max_mean && frac <= max_changed;
    if (!ok && diff_path)
        stbi_write_png(diff_path, a.w, a.h, 4, diff.data(), a.w * 4);
    return ok ? 0 : 1;
}
