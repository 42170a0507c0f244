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
