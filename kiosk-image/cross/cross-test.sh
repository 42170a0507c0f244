#!/usr/bin/env bash
# Cross-compiles the kiosk for arm64 and runs its unit tests under qemu-user.
#   make cross-test      (build dir: build-arm64, sysroot: kiosk-image/out/sysroot-arm64)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
repo=$(cd "$here/.." && pwd)
. "$here/lib.sh"
sysroot=${KIOSK_SYSROOT:-$here/out/sysroot-arm64}
build=${BUILD_ARM64:-$repo/build-arm64}
t0=$(date +%s)
[ -f "$sysroot/usr/lib/aarch64-linux-gnu/pkgconfig/sdl2.pc" ] || bash "$here/cross/make-sysroot.sh" "$sysroot"
t1=$(date +%s)
# -g0: debug info is a third of the compile time, and this build is for
# running the tests (and the .deb for the Pi image), not for debugging.
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$repo/cmake/toolchain-aarch64.cmake" \
      -DKIOSK_SYSROOT="$sysroot" -DCMAKE_INSTALL_PREFIX=/usr -DKIOSK_WERROR=OFF \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g0 -DNDEBUG" \
      -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -g0 -DNDEBUG"
cmake --build "$build" -j "${JOBS:-2}"
t2=$(date +%s)
file "$build/kiosk"
# Not under qemu-user: the tests that run the real `kiosk import` child or
# power-cut one (Hostile.*, KillTest.*): the arm64 test exec()s an arm64
# binary, which qemu-user cannot follow without registering binfmt_misc on the
# host, and a build must not change its host. They run natively in make test.
(cd "$build" && QEMU_LD_PREFIX="$sysroot" ctest --output-on-failure -j "${JOBS:-2}" -L unit \
     -E '^(Hostile|KillTest)\.')
t3=$(date +%s)
(cd "$build" && rm -f kiosk_*.deb && cpack -G DEB >/dev/null && ls -la "$build"/kiosk_*_arm64.deb)
bash "$here/cross/check-deb-deps.sh" "$(ls "$build"/kiosk_*_arm64.deb)" "$build/kiosk"
log "cross-test: sysroot $((t1-t0)) s, build $((t2-t1)) s, tests under qemu-user $((t3-t2)) s"
