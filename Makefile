# Thin wrapper over CMake + Ninja. The two commands a new user needs:
#   make run    install missing packages, build, open the kiosk on content/
#   make test   install missing packages, build, run every test (CTest), then the
#               whole suite again under AddressSanitizer + UBSan (build-asan/)
BUILD ?= build
JOBS  ?= $(shell nproc)
ARGS  ?= --windowed --content content

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
	$(MAKE) test-asan

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

format-check:
	clang-format --dry-run --Werror $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD)

# --- performance and resilience (docs/performance.md, docs/limits.md) ---
.PHONY: bench test-asan fuzz fuzz-long
# Benchmarks in build-bench/; writes bench/results/ and prints the summary.
bench: deps
	bash scripts/install-deps.sh scripts/build-deps.txt bench/bench-deps.txt
	cmake --preset bench
	cmake --build build-bench -j $(JOBS)
	bash bench/run.sh

# Every test under AddressSanitizer + UndefinedBehaviorSanitizer, in build-asan/.
test-asan: deps
	cmake --preset asan
	cmake --build build-asan -j $(JOBS)
	ctest --preset asan -j $(JOBS) --output-on-failure

# The threaded tests under ThreadSanitizer, in build-tsan/: the app tests
# (ContentService, App), the page painter, the picture store and the stress test (ctest label "tsan").
.PHONY: test-tsan
test-tsan: deps
	cmake --preset tsan
	cmake --build build-tsan -j $(JOBS) --target app_tests app_stress_tests painter_tests picture_store_tests picture_warmer_tests
	ctest --preset tsan -j $(JOBS)

# libFuzzer targets (clang) in build-fuzz/, each run for FUZZ_SECONDS (default 20).
FUZZ_SECONDS ?= 20
fuzz: deps
	cmake --preset fuzz
	cmake --build build-fuzz -j $(JOBS)
	bash fuzz/run.sh $(FUZZ_SECONDS)

# Longer fuzzing (default 30 min per target); new corpus entries are merged into
# fuzz/corpus/ for review and commit (CI's short run then starts from them).
FUZZ_LONG_SECONDS ?= 1800
fuzz-long: deps
	cmake --preset fuzz
	cmake --build build-fuzz -j $(JOBS)
	FUZZ_MERGE=1 bash fuzz/run.sh $(FUZZ_LONG_SECONDS)

# --- Device images (kiosk-image/, docs/integrator.md) ---------------------
# make image        kiosk .deb (build-pkg) + amd64 disk image (kiosk-image/out/amd64)
# make image-test   image + boot it under QEMU and check it (kiosk-image/out/test)
# make image-rpi    Debian-native Raspberry Pi 3/4 image (long: ~25 min emulated)
# make image-rpi-test  boot that image on QEMU's arm64 virt board, first-boot checks
# make cross-test   arm64 cross build + unit tests under qemu-user (build-arm64)
# Options: KIOSK_PUBKEY=staff.pub KIOSK_ROTATION=0|90|180|270 KIOSK_DPI=96
PKG_BUILD ?= build-pkg
IMAGE_OUT ?= kiosk-image/out

.PHONY: image-deps package image image-test image-rpi image-rpi-test cross-test

image-deps:
	@bash kiosk-image/install-deps.sh

# No debug info in the device package (-g0): smaller on the SD card, and a
# third faster to build. The content path is compiled in: prefix /usr.
package: image-deps
	cmake -S . -B $(PKG_BUILD) -G Ninja -DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF \
	    -DKIOSK_WERROR=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g0 -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -g0 -DNDEBUG"
	cmake --build $(PKG_BUILD) -j $(JOBS)
	cd $(PKG_BUILD) && rm -f kiosk_*.deb && cpack -G DEB

image: package
	KIOSK_DEB=$$(ls $(PKG_BUILD)/kiosk_*_amd64.deb) bash kiosk-image/build-amd64.sh $(IMAGE_OUT)/amd64

image-test: package
	bash kiosk-image/test/run-image-test.sh

image-rpi: image-deps
	bash kiosk-image/build-rpi-debian.sh $(IMAGE_OUT)/rpi

# Boots the Debian Pi image (its own arm64 kernel, root and data partitions) on
# QEMU's arm64 "virt" board and runs the first-boot checks of image-test. Not
# a Pi (no VideoCore, no Pi firmware): it proves the arm64 userland, units and
# kiosk come up. Long: the image build runs arm64 maintainer scripts emulated.
image-rpi-test: package
	[ -f $(IMAGE_OUT)/rpi/kiosk-rpi-arm64.img ] || $(MAKE) image-rpi
	python3 kiosk-image/test/image_test.py --arch arm64 --build $(IMAGE_OUT)/rpi \
	    --out $(IMAGE_OUT)/test-rpi --kiosk $(PKG_BUILD)/kiosk --no-usb --boot-timeout 600 --home-budget 420

cross-test: image-deps
	bash kiosk-image/cross/cross-test.sh

# --- A venue of kiosks (src/fleet, docs/integrator.md "A venue of kiosks") ---
# Three kiosks + three real Syncthing instances on 127.0.0.1 (about 1.5 min).
.PHONY: fleet-test
fleet-test: build
	python3 tests/fleet/fleet_test.py --kiosk $(BUILD)/kiosk --work $(BUILD)/fleet-test
