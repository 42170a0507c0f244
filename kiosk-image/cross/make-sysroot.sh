#!/usr/bin/env bash
# arm64 sysroot for cross-compiling: the library -dev packages of
# scripts/build-deps.txt (plus libgtest-dev, libstdc++/libc dev) for arm64.
# --variant=extract: packages are unpacked, no maintainer scripts run, so no
# emulation is needed to build it.   cross/make-sysroot.sh [DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/lib.sh"
dir=${1:-$here/out/sysroot-arm64}
libs=$(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$here/../scripts/build-deps.txt" | grep -E '^lib.*-dev$' | paste -sd, -)
rm -rf "$dir"
mkdir -p "$(dirname "$dir")"  # a fresh clone has no kiosk-image/out yet
t0=$(date +%s)
mmdebstrap --mode=root --variant=extract --arch=arm64 \
    --include="$libs,libstdc++-12-dev,libc6-dev,libgcc-12-dev,libgl-dev,libegl-dev,libgles-dev" \
    "$KIOSK_SUITE" "$dir" "deb $KIOSK_MIRROR $KIOSK_SUITE main"
# Absolute symlinks (e.g. libfoo.so -> /lib/...) must resolve inside the sysroot.
find "$dir" -type l -lname '/*' | while read -r l; do
    ln -sfn "$dir$(readlink "$l")" "$l"
done
log "sysroot ready in $(( $(date +%s) - t0 )) s: $dir"
