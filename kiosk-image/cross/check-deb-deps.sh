#!/usr/bin/env bash
# A cross-built .deb lists its library dependencies by hand (cmake/Packaging.cmake:
# dpkg-shlibdeps cannot read the extract-only sysroot). This keeps that list
# honest: every library the binary needs (ELF NEEDED) must come from a package
# in the .deb's Depends. The owning package is looked up on the build host,
# where the same libraries are installed for amd64 (scripts/build-deps.txt).
#   check-deb-deps.sh PACKAGE.deb BINARY
set -euo pipefail
deb=$1 bin=$2
depends=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed -e 's/(.*)//' -e 's/[[:space:]]//g')
triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
missing=0
for so in $(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    pkg=""
    for dir in /usr/lib/$triplet /lib/$triplet; do
        pkg=$(dpkg -S "$dir/$so" 2>/dev/null | head -n1 | cut -d: -f1) && break
    done
    if [ -z "$pkg" ]; then
        echo "check-deb-deps: $so: no host package provides it" >&2; missing=1
    elif ! grep -qx "$pkg" <<<"$depends"; then
        echo "check-deb-deps: $so comes from $pkg, which $(basename "$deb") does not depend on" >&2
        missing=1
    fi
done
[ "$missing" = 0 ] && echo "check-deb-deps: every NEEDED library of $(basename "$bin") is covered by Depends"
exit "$missing"
