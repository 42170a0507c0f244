#!/usr/bin/env bash
# Installs the Debian 12 host packages needed to build and test the kiosk
# images: kiosk-image/image-deps.txt plus the app's scripts/build-deps.txt.
# Idempotent: with everything present it only runs dpkg-query and exits 0.
# Waits for a dpkg lock held by someone else instead of failing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
wanted=$(cat "$here/image-deps.txt" "$here/../scripts/build-deps.txt" \
         | sed -e 's/#.*//' -e 's/[[:space:]]//g' | grep -v '^$' | sort -u)
missing=()
for pkg in $wanted; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0
echo "kiosk-image/install-deps: installing ${missing[*]}"
sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -n1)" ]; then
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=900 update -qq
fi
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}"
