#!/usr/bin/env bash
# Installs the Debian 12 host packages needed to build and test the kiosk
# images: kiosk-image/image-deps.txt plus the app's scripts/build-deps.txt,
# through the project's one idempotent installer.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec bash "$here/../scripts/install-deps.sh" "$here/image-deps.txt" "$here/../scripts/build-deps.txt"
