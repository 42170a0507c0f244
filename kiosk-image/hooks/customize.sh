#!/usr/bin/env bash
# Shared customisation of the kiosk root filesystem (amd64 image, Debian-native
# Pi image, rpi-image-gen layer). Runs on the build host after the packages are
# installed:   customize.sh ROOTFS
# Environment (all optional):
#   KIOSK_DEB          path of the kiosk .deb to install (else: must already be installed)
#   KIOSK_PUBKEY       public signing key file -> /etc/kiosk/staff.pub
#   KIOSK_ROTATION     0|90|180|270 (default 0)   -> /etc/kiosk/kiosk.yaml
#   KIOSK_DPI          screen DPI, e.g. 96        -> /etc/kiosk/kiosk.yaml
#   KIOSK_YAML_EXTRA   more top-level kiosk.yaml lines (e.g. "staff_pin: '4821'",
#                      "idle_timeout_s: 120"); see src/app/config.cpp for the keys
set -euo pipefail
root=$1
[ -d "$root" ] && [ "$(cd "$root" && pwd)" != / ] || { echo "customize: bad ROOTFS '$root'" >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
rotation=${KIOSK_ROTATION:-0}
dpi=${KIOSK_DPI:-96}
case "$rotation" in 0|90|180|270) ;; *) echo "KIOSK_ROTATION must be 0, 90, 180 or 270" >&2; exit 2 ;; esac
[[ "$dpi" =~ ^[0-9]+$ ]] || { echo "KIOSK_DPI must be a number" >&2; exit 2; }
in_root() { chroot "$root" "$@"; }

# 1. The kiosk package, like any other package (dependencies from the archive).
if [ -n "${KIOSK_DEB:-}" ]; then
    cp "$KIOSK_DEB" "$root/tmp/kiosk.deb"
    in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/kiosk.deb
    rm -f "$root/tmp/kiosk.deb"
fi
in_root test -x /usr/bin/kiosk

# 2. The unprivileged user (video: DRM on older kernels, render: GPU, input: touch).
in_root getent group render >/dev/null || in_root groupadd --system render
in_root getent passwd kiosk >/dev/null || \
    in_root useradd --system --user-group --home-dir /nonexistent --no-create-home \
        --shell /usr/sbin/nologin --groups video,render,input kiosk

# 3. The overlay (units, udev rule, journald/watchdog config, fstab), owned by root.
tar -C "$here/overlay" --owner=0 --group=0 -cf - . | tar -C "$root" -xpf - --no-same-owner
mkdir -p "$root/etc/kiosk" "$root/var/lib/kiosk" "$root/media"
cat >"$root/etc/kiosk/kiosk.yaml" <<YAML
# Written by the image build (kiosk-image/: KIOSK_ROTATION, KIOSK_DPI, KIOSK_YAML_EXTRA).
screen:
  rotation: $rotation
  dpi: $dpi
data_dir: /var/lib/kiosk
pubkey: /etc/kiosk/staff.pub
usb_root: /media/kiosk-usb
YAML
[ -n "${KIOSK_YAML_EXTRA:-}" ] && printf '%s\n' "$KIOSK_YAML_EXTRA" >>"$root/etc/kiosk/kiosk.yaml"
chmod 0644 "$root/etc/kiosk/kiosk.yaml"
if [ -n "${KIOSK_PUBKEY:-}" ]; then
    install -m 0644 "$KIOSK_PUBKEY" "$root/etc/kiosk/staff.pub"
else
    echo "customize: WARNING: no KIOSK_PUBKEY given; the image will refuse every USB update" >&2
fi

# 4. Kiosk lock-down: no getty anywhere, no Ctrl+Alt+Del, no logind/autovt,
#    nothing that writes to the (read-only) root or wakes up to update.
for u in getty@.service serial-getty@.service autovt@.service console-getty.service \
         container-getty@.service getty.target ctrl-alt-del.target \
         systemd-logind.service systemd-update-utmp.service systemd-update-utmp-runlevel.service \
         apt-daily.timer apt-daily-upgrade.timer apt-daily.service apt-daily-upgrade.service \
         e2scrub_all.timer e2scrub_reap.service systemd-firstboot.service; do
    ln -sf /dev/null "$root/etc/systemd/system/$u"
done
in_root systemctl enable kiosk.service systemd-timesyncd.service kiosk-clock-save.timer
in_root systemctl set-default multi-user.target

# 5. Misc: hostname, transient machine-id (root is read-only), clock floor.
echo kiosk >"$root/etc/hostname"
: >"$root/etc/machine-id"
# PID 1 never sets the clock earlier than this file's mtime (no RTC on a Pi).
touch "$root/usr/lib/clock-epoch"
# Package lists, the apt cache and ROOTFS/tmp are mmdebstrap's to clean, after
# this hook. Removing ROOTFS/tmp/* here deleted mmdebstrap's own apt.conf
# (APT_CONFIG lives in ROOTFS/tmp), so its final "apt-get update" with no
# sources ran against the HOST's configuration and emptied the build host's
# /var/lib/apt/lists (issue 16).

# 6. Fleet sync (docs/integrator.md, "A venue of kiosks"): Syncthing as its own
#    user kiosk-sync (group kiosk only to read the kiosk's shared out/ folders
#    and the signed fleet list), wired LAN via systemd-networkd.
in_root getent passwd kiosk-sync >/dev/null || \
    in_root useradd --system --user-group --home-dir /var/lib/kiosk/.syncthing --no-create-home \
        --shell /usr/sbin/nologin --groups kiosk kiosk-sync
in_root systemctl enable kiosk-syncthing.service kiosk-syncthing-reconfigure.path systemd-networkd.service
