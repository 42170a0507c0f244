// Google Benchmark: build_page (layout of one whole page: text shaping, line
// breaking, justification, DisplayList) for every page in every language at
// 1920×1080. No DisplayList cache: each iteration lays the page out from scratch.
//   build-bench/bench/layout_bench --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include "bench_common.h"
#include "layout/pages.h"

namespace {

using namespace kiosk;

struct Shared {
    std::unique_ptr<text::FontStack> fonts = bench::load_fonts();
    std::shared_ptr<const content::Bundle> bundle = bench::load_content();
};

Shared& shared() {
    static Shared s;
    return s;
}

void BM_BuildPage(benchmark::State& state, layout::PageId page, Lang lang, bool large) {
    Shared& s = shared();
    layout::Screen screen;
    screen.width = 1920;
    screen.height = 1080;
    screen.large_text = large;
    layout::PageContext ctx{*s.bundle, *s.fonts, lang, screen};
    size_t items = 0;
    for (auto _ : state) {
        auto dl = layout::build_page(ctx, page);
        items = dl.items.size();
        benchmark::DoNotOptimize(dl);
    }
    state.counters["items"] = static_cast<double>(items);
}

}  // namespace

int main(int argc, char** argv) {
    Shared& s = shared();
    for (bool large : {false, true}) {
        for (Lang lang : kAllLangs) {
            for (const auto& p : bench::all_pages(*s.bundle)) {
                const std::string name = "build_page/" + layout::page_name(*s.bundle, p) + "/" +
                                         std::string(lang_tag(lang)) + (large ? "/large" : "");
                benchmark::RegisterBenchmark(name.c_str(), BM_BuildPage, p, lang, large)
                    ->Unit(benchmark::kMicrosecond);
            }
        }
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
