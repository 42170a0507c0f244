#!/usr/bin/env bash
# amd64 kiosk image: mmdebstrap rootfs + shared overlay -> GPT disk image
# (ESP with systemd-boot, read-only ext4 root, ext4 data), no loop devices.
#   KIOSK_DEB=build-pkg/kiosk_*_amd64.deb kiosk-image/build-amd64.sh [OUT_DIR]
# Options (env): KIOSK_PUBKEY, KIOSK_ROTATION, KIOSK_DPI (see hooks/customize.sh),
#   KIOSK_DATA_SIZE (default 512M), KIOSK_MIRROR.
# Output: OUT_DIR/kiosk-amd64.img (+ partition images, build-info.txt).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
out=${1:-$here/out/amd64}
: "${KIOSK_DEB:?set KIOSK_DEB to the kiosk .deb (make image builds it)}"
KIOSK_DEB=$(readlink -f "$KIOSK_DEB"); export KIOSK_DEB
[ -n "${KIOSK_PUBKEY:-}" ] && { KIOSK_PUBKEY=$(readlink -f "$KIOSK_PUBKEY"); export KIOSK_PUBKEY; }
data_size=${KIOSK_DATA_SIZE:-512M}
t0=$(date +%s)
mkdir -p "$out"
rootfs=$out/rootfs
rm -rf "$rootfs"

log "mmdebstrap amd64 ($KIOSK_MIRROR $KIOSK_SUITE)"
mmdebstrap --mode=root --variant=minbase --arch=amd64 \
    --include="$(pkg_list "$here/packages.txt"),linux-image-amd64,systemd-boot-efi" \
    --essential-hook='mkdir -p "$1/etc/initramfs-tools/conf.d" && echo COMPRESS=zstd > "$1/etc/initramfs-tools/conf.d/kiosk"' \
    --customize-hook="$here/hooks/customize.sh \"\$1\"" \
    "$KIOSK_SUITE" "$rootfs" \
    "deb $KIOSK_MIRROR $KIOSK_SUITE main" \
    "deb $KIOSK_MIRROR $KIOSK_SUITE-updates main" \
    "deb $KIOSK_SECURITY_MIRROR $KIOSK_SUITE-security main"
t1=$(date +%s)

log "ESP (systemd-boot, kernel, initrd)"
esp=$out/esp.img
rm -f "$esp"; truncate -s 128M "$esp"
mkfs.vfat -F 32 -n KIOSK-ESP "$esp" >/dev/null
kver=$(ls "$rootfs/lib/modules" | sort -V | tail -n1)
tmp=$(mktemp -d)
cat >"$tmp/loader.conf" <<LOADER
default kiosk.conf
timeout 0
editor no
auto-entries no
auto-firmware no
console-mode keep
LOADER
cat >"$tmp/kiosk.conf" <<ENTRY
title   Zhejiang Week kiosk
linux   /vmlinuz
initrd  /initrd.img
options $KIOSK_CMDLINE_COMMON console=tty3
ENTRY
mmd -i "$esp" ::/EFI ::/EFI/BOOT ::/loader ::/loader/entries
mcopy -i "$esp" "$rootfs/usr/lib/systemd/boot/efi/systemd-bootx64.efi" ::/EFI/BOOT/BOOTX64.EFI
mcopy -i "$esp" "$rootfs/boot/vmlinuz-$kver" ::/vmlinuz
mcopy -i "$esp" "$rootfs/boot/initrd.img-$kver" ::/initrd.img
mcopy -i "$esp" "$tmp/loader.conf" ::/loader/loader.conf
mcopy -i "$esp" "$tmp/kiosk.conf" ::/loader/entries/kiosk.conf
rm -rf "$tmp"

log "root + data filesystems"
make_root_img "$rootfs" "$out/root.img"
make_data_img "$rootfs" "$out/data.img" "$data_size"
log "GPT disk"
assemble_disk gpt "$out/kiosk-amd64.img" "$esp" uefi "$out/root.img" "$out/data.img"
t2=$(date +%s)
{
    echo "image: $out/kiosk-amd64.img"
    echo "kernel: $kver"
    echo "kiosk: $(dpkg-deb -f "$KIOSK_DEB" Version)"
    echo "rootfs_apparent_mib: $(( $(du -sk --apparent-size "$rootfs" | cut -f1) / 1024 ))"
    echo "image_mib: $(( $(stat -c %s "$out/kiosk-amd64.img") / 1048576 ))"
    echo "image_allocated_mib: $(( $(du -k "$out/kiosk-amd64.img" | cut -f1) / 1024 ))"
    echo "mmdebstrap_s: $((t1 - t0))"
    echo "total_build_s: $((t2 - t0))"
} | tee "$out/build-info.txt"
