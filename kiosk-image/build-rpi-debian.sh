#!/usr/bin/env bash
# Debian-native Raspberry Pi 3/4 (arm64) kiosk image: Debian's raspi-firmware +
# linux-image-arm64, the SAME package list and overlay as the amd64 image,
# MBR disk (FAT boot partition via mkfs.vfat/mtools, ext4 root ro, ext4 data).
# Runs here under qemu-user (binfmt); takes ~20-25 min on 2 cores. Not in CI.
#   KIOSK_DEB=build-arm64/kiosk_*_arm64.deb kiosk-image/build-rpi-debian.sh [OUT_DIR]
# Without KIOSK_DEB it cross-builds one first (make cross-test does the same).
# For the venue's Pi 5 use the Raspberry Pi OS build (rpi-image-gen/), Debian's
# raspi-firmware does not boot the Pi 5.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
. "$here/lib.sh"
out=${1:-$here/out/rpi}
if [ -z "${KIOSK_DEB:-}" ]; then
    bash "$here/cross/cross-test.sh"
    KIOSK_DEB=$(ls "$repo/build-arm64"/kiosk_*_arm64.deb)
fi
KIOSK_DEB=$(readlink -f "$KIOSK_DEB"); export KIOSK_DEB
[ -n "${KIOSK_PUBKEY:-}" ] && { KIOSK_PUBKEY=$(readlink -f "$KIOSK_PUBKEY"); export KIOSK_PUBKEY; }
# arm64 maintainer scripts run under qemu-user.
mountpoint -q /proc/sys/fs/binfmt_misc || mount binfmt_misc -t binfmt_misc /proc/sys/fs/binfmt_misc
update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || true
arch-test arm64 >/dev/null || { echo "arm64 binaries cannot run here (binfmt/qemu-user-static)" >&2; exit 1; }
t0=$(date +%s)
mkdir -p "$out"; rootfs=$out/rootfs; rm -rf "$rootfs"
cmdline="$KIOSK_CMDLINE_COMMON console=tty3"
# force-confold: /etc/default/raspi-firmware is written by the essential hook
# (before the package is unpacked); without it dpkg stops to ask which to keep.
mmdebstrap --mode=root --variant=minbase --arch=arm64 \
    --components=main,non-free-firmware \
    --dpkgopt=force-confdef --dpkgopt=force-confold \
    --include="$(pkg_list "$here/packages.txt"),linux-image-arm64,raspi-firmware,dosfstools" \
    --essential-hook='mkdir -p "$1/etc/default" "$1/etc/initramfs-tools/conf.d" "$1/boot/firmware"
        echo COMPRESS=zstd > "$1/etc/initramfs-tools/conf.d/kiosk"
        printf "ROOTPART=LABEL=kiosk-root\nCONSOLES=tty3\n" > "$1/etc/default/raspi-firmware"' \
    --customize-hook="$here/hooks/customize.sh \"\$1\"" \
    --customize-hook='echo "LABEL=KIOSK-BOOT /boot/firmware vfat ro,nosuid,nodev,noexec 0 0" >> "$1/etc/fstab"' \
    --customize-hook='chroot "$1" env DEB_MAINT_PARAMS=configure /etc/kernel/postinst.d/z50-raspi-firmware' \
    "$KIOSK_SUITE" "$rootfs" \
    "deb $KIOSK_MIRROR $KIOSK_SUITE main non-free-firmware" \
    "deb $KIOSK_MIRROR $KIOSK_SUITE-updates main non-free-firmware" \
    "deb $KIOSK_SECURITY_MIRROR $KIOSK_SUITE-security main non-free-firmware"
# Firmware settings: no rainbow splash, no boot delay, KMS driver.
cat >>"$rootfs/boot/firmware/config.txt" <<CFG

# kiosk-image
disable_splash=1
boot_delay=0
dtoverlay=vc4-kms-v3d
CFG
# raspi-firmware's own cmdline.txt says "rw" and shows boot text; ours is the
# one every image uses (read-only root, quiet, no cursor) plus the Pi's CMA
# for the vc4 KMS driver. (Root is read-only: no kernel upgrade rewrites it.)
echo "$cmdline cma=64M" >"$rootfs/boot/firmware/cmdline.txt"
boot=$out/boot.img
rm -f "$boot"; truncate -s 256M "$boot"
mkfs.vfat -F 32 -n KIOSK-BOOT "$boot" >/dev/null
mcopy -s -i "$boot" "$rootfs/boot/firmware/"* ::/
# The root filesystem keeps an empty /boot/firmware mount point.
rm -rf "${rootfs:?}/boot/firmware/"*
make_root_img "$rootfs" "$out/root.img"
make_data_img "$rootfs" "$out/data.img" "${KIOSK_DATA_SIZE:-512M}"
assemble_disk dos "$out/kiosk-rpi-arm64.img" "$boot" c "$out/root.img" "$out/data.img"
t1=$(date +%s)
{
    echo "image: $out/kiosk-rpi-arm64.img"
    echo "image_mib: $(( $(stat -c %s "$out/kiosk-rpi-arm64.img") / 1048576 ))"
    echo "total_build_s: $((t1 - t0))"
} | tee "$out/build-info.txt"
