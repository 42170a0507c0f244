// Replays fuzz inputs through a libFuzzer harness without libFuzzer, so that
// every checked-in corpus file and regression runs in plain `make test`:
//   replay_<target> DIR_OR_FILE...   (exit 0 when every input ran cleanly)
// A crash, abort or trap in the harness fails the test; ASan builds catch more.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace fs = std::filesystem;

static void run_file(const fs::path& p, int& count) {
    std::ifstream in(p, std::ios::binary);
    const std::vector<char> bytes{std::istreambuf_iterator<char>(in), {}};
    std::printf("replay %s (%zu bytes)\n", p.c_str(), bytes.size());
    std::fflush(stdout);
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    ++count;
}

int main(int argc, char** argv) {
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    int count = 0;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg = argv[i];
        if (fs::is_directory(arg)) {
            std::vector<fs::path> files;
            for (const auto& e : fs::directory_iterator(arg))
                if (e.is_regular_file() && e.path().extension() != ".md")
                    files.push_back(e.path());
            std::sort(files.begin(), files.end());
            for (const auto& f : files)
                run_file(f, count);
        } else {
            run_file(arg, count);
        }
    }
    std::printf("%d input(s) replayed\n", count);
    return count > 0 ? 0 : 1;
}
