#!/usr/bin/env bash
# `make run`: start the kiosk in a window on the bundled content, or explain
# plainly why it cannot open one here.
set -euo pipefail
kiosk=$1; shift
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ ! -e /dev/dri/card0 ]; then
    cat >&2 <<MSG
make run: there is no display here (DISPLAY and WAYLAND_DISPLAY are unset, no /dev/dri/card0).
The kiosk needs a screen. To see what it would show, render pages to PNG instead:
    $kiosk render --page home --out home.png
    $kiosk render --all --out preview/      (then open preview/index.html)
MSG
    exit 1
fi
exec "$kiosk" "$@"
