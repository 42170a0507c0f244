# Install rules + CPack DEB: the kiosk as a Debian package, so device images
# install it like any other package (kiosk-image/, docs/integrator.md).
#
#   cmake -S . -B build-pkg -G Ninja -DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF
#   cmake --build build-pkg && (cd build-pkg && cpack -G DEB)
#
# Configure with CMAKE_INSTALL_PREFIX=/usr: the binary looks for its bundled
# content in ${CMAKE_INSTALL_PREFIX}/share/kiosk/content (compiled in).
include(GNUInstallDirs)

install(TARGETS kiosk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
install(DIRECTORY ${KIOSK_SOURCE_CONTENT_DIR}/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/kiosk/content COMPONENT kiosk
        FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
        DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                              WORLD_READ WORLD_EXECUTE)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Zhejiang Week kiosk team <kiosk@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Touchscreen information kiosk for the 2023 Hong Kong-Macao Zhejiang Week")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Cross builds: cmake/toolchain-aarch64.cmake sets KIOSK_DEB_ARCH=arm64.
if(KIOSK_DEB_ARCH)
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${KIOSK_DEB_ARCH})
endif()
# Shared-library dependencies from dpkg-shlibdeps (native builds); cross builds
# (no dpkg-shlibdeps for the sysroot) use the explicit list below instead.
option(KIOSK_DEB_SHLIBDEPS "Compute library dependencies with dpkg-shlibdeps" ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ${KIOSK_DEB_SHLIBDEPS})
set(_kiosk_deb_libs
  "libsdl2-2.0-0 (>= 2.26), libharfbuzz0b, libfreetype6, libicu72, libyaml-cpp0.7, libsodium23, libarchive13, libopencc1.1, libqrencode4, libsystemd0, libspng0, libsqlite3-0, libstb0, zlib1g, libstdc++6, libgcc-s1, libc6")
# Not linked but needed at run time: SDL's KMSDRM + OpenGL ES 2 renderer
# (dlopen'ed Mesa), and the fonts the FontStack loads by path.
set(_kiosk_deb_runtime
  "libegl1, libgles2, libgbm1, libdrm2, libgl1-mesa-dri, fonts-noto-cjk, fonts-noto-core, fonts-noto-color-emoji")
if(KIOSK_DEB_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "${_kiosk_deb_runtime}")
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "${_kiosk_deb_libs}, ${_kiosk_deb_runtime}")
endif()
include(CPack)
