# Cross-compiling the kiosk for arm64 (Raspberry Pi 4/5) with Debian's
# g++-aarch64-linux-gnu against a sysroot made by kiosk-image/cross/make-sysroot.sh
# (mmdebstrap --arch=arm64 with the -dev packages of scripts/build-deps.txt).
#   cmake -S . -B build-arm64 -G Ninja -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-aarch64.cmake \
#         -DKIOSK_SYSROOT=$PWD/kiosk-image/out/sysroot-arm64
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

if(NOT KIOSK_SYSROOT)
  set(KIOSK_SYSROOT "${CMAKE_CURRENT_LIST_DIR}/../kiosk-image/out/sysroot-arm64")
endif()
set(CMAKE_SYSROOT "${KIOSK_SYSROOT}")
set(CMAKE_FIND_ROOT_PATH "${KIOSK_SYSROOT}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config must read the sysroot's .pc files, with paths prefixed by it.
set(ENV{PKG_CONFIG_DIR} "")
set(ENV{PKG_CONFIG_LIBDIR} "${KIOSK_SYSROOT}/usr/lib/aarch64-linux-gnu/pkgconfig:${KIOSK_SYSROOT}/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "${KIOSK_SYSROOT}")

# Unit tests run under qemu-user (ctest / gtest_discover_tests).
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64-static -L "${KIOSK_SYSROOT}")
# CPack: arm64 package, dependencies listed explicitly (no dpkg-shlibdeps for the sysroot).
set(KIOSK_DEB_ARCH arm64 CACHE STRING "")
set(KIOSK_DEB_SHLIBDEPS OFF CACHE BOOL "")
