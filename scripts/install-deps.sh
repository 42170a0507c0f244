#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/*-deps.txt that are not yet installed.
# Idempotent: with everything present it only runs dpkg-query and exits 0.
# Works as root or through sudo; never asks questions (DEBIAN_FRONTEND=noninteractive).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lists=("$here/build-deps.txt")
[ "$#" -gt 0 ] && lists=("$@")

wanted=$(cat "${lists[@]}" | sed -e 's/#.*//' -e 's/[[:space:]]//g' | grep -v '^$' | sort -u)
missing=()
for pkg in $wanted; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists only when they are missing or older than a day.
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -n1)" ]; then
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=900 update -qq
fi
# Wait for a dpkg lock held by someone else (e.g. unattended-upgrades) instead of failing.
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}"
