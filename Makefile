# Thin wrapper over CMake + Ninja. The two commands a new user needs:
#   make run    install missing packages, build, open the kiosk on content/
#   make test   install missing packages, build, run every test (CTest)
BUILD ?= build
JOBS  ?= $(shell nproc)
ARGS  ?= --windowed

.PHONY: all deps configure build run test format format-check clean

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G Ninja

configure: $(BUILD)/build.ninja

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@bash scripts/run-kiosk.sh $(BUILD)/kiosk $(ARGS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

format-check:
	clang-format --dry-run --Werror $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD)

# --- performance and resilience (docs/performance.md, docs/limits.md) ---
.PHONY: bench test-asan fuzz
# Benchmarks in build-bench/; writes bench/results/ and prints the summary.
bench: deps
	cmake --preset bench
	cmake --build build-bench -j $(JOBS)
	bash bench/run.sh

# Every test under AddressSanitizer + UndefinedBehaviorSanitizer, in build-asan/.
test-asan: deps
	cmake --preset asan
	cmake --build build-asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)

# libFuzzer targets (clang) in build-fuzz/, each run for FUZZ_SECONDS (default 20).
FUZZ_SECONDS ?= 20
fuzz: deps
	cmake --preset fuzz
	cmake --build build-fuzz -j $(JOBS)
	bash fuzz/run.sh $(FUZZ_SECONDS)
