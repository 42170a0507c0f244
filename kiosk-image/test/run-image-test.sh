#!/usr/bin/env bash
# make image-test: test key pair (if the kiosk can make one), image with its
# public key, then the QEMU test. Heavy steps run one after another.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
repo=$(cd "$here/.." && pwd)
out=$here/out
kiosk=$repo/${PKG_BUILD:-build-pkg}/kiosk
mkdir -p "$out/test"
t0=$(date +%s)
key_args=()
if [ ! -f "$out/test/staff.key" ]; then
    "$kiosk" keygen --out "$out/test/staff" >/dev/null 2>&1 || true
fi
if [ -f "$out/test/staff.pub" ]; then
    export KIOSK_PUBKEY=$out/test/staff.pub
    key_args=(--key "$out/test/staff.key")
fi
# The attract loop (30 s after Home) would change the screen under the checks.
export KIOSK_YAML_EXTRA=${KIOSK_YAML_EXTRA:-$'attract:\n  enabled: false'}
bash "$here/test/host-untouched.sh" snapshot "$out/test/host"
KIOSK_DEB=$(ls "$repo/${PKG_BUILD:-build-pkg}"/kiosk_*_amd64.deb) bash "$here/build-amd64.sh" "$out/amd64"
t1=$(date +%s)
rc=0
bash "$here/test/host-untouched.sh" check "$out/test/host" || rc=$?
python3 "$here/test/image_test.py" --build "$out/amd64" --out "$out/test" --kiosk "$kiosk" "${key_args[@]}" || rc=$?
echo "image-test: image build $((t1 - t0)) s, QEMU test $(( $(date +%s) - t1 )) s, total $(( $(date +%s) - t0 )) s"
exit $rc
