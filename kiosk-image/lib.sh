# Shared helpers for the image build scripts (sourced).
# Debian mirror: the same one the build host uses (override with KIOSK_MIRROR).
KIOSK_MIRROR=${KIOSK_MIRROR:-$(awk '/^URIs:/ && $2 ~ /\/debian\/?$/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null)}
KIOSK_MIRROR=${KIOSK_MIRROR:-http://deb.debian.org/debian}
KIOSK_SECURITY_MIRROR=${KIOSK_SECURITY_MIRROR:-${KIOSK_MIRROR%/debian}/debian-security}
KIOSK_SUITE=${KIOSK_SUITE:-bookworm}

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }

# Package list file -> comma-separated list.
pkg_list() { sed -e 's/#.*//' -e 's/[[:space:]]//g' "$@" | grep -v '^$' | paste -sd, -; }

# Kernel command line shared by all images: no text, no cursor, no blanking.
KIOSK_CMDLINE_COMMON="root=LABEL=kiosk-root rootfstype=ext4 ro rootwait quiet loglevel=0 \
rd.udev.log_level=0 udev.log_level=0 systemd.show_status=false rd.systemd.show_status=false \
vt.global_cursor_default=0 consoleblank=0 logo.nologo systemd.getty_auto=0 fsck.repair=yes"

# make_data_img ROOTFS OUT.img SIZE: the data partition (ext4, label kiosk-data),
# root directory owned by the kiosk user, .system/systemd for PID 1's state.
make_data_img() {
    local rootfs=$1 out=$2 size=$3 tree uid gid
    uid=$(awk -F: '$1=="kiosk"{print $3}' "$rootfs/etc/passwd")
    gid=$(awk -F: '$1=="kiosk"{print $4}' "$rootfs/etc/passwd")
    tree=$(mktemp -d)
    mkdir -p "$tree/.system/systemd"
    chmod 0700 "$tree/.system"
    chown "$uid:$gid" "$tree"
    chmod 0750 "$tree"
    rm -f "$out"
    mkfs.ext4 -q -F -L kiosk-data -E root_owner="$uid:$gid" -d "$tree" "$out" "$size"
    rm -rf "$tree"
}

# make_root_img ROOTFS OUT.img: ext4 root (label kiosk-root), 25 % + 64 MiB headroom.
make_root_img() {
    local rootfs=$1 out=$2 kib
    kib=$(du -sk --apparent-size "$rootfs" | cut -f1)
    kib=$(( kib * 125 / 100 + 65536 ))
    rm -f "$out"
    mkfs.ext4 -q -F -L kiosk-root -m 0 -E root_owner=0:0 -d "$rootfs" "$out" "${kib}K"
}

mib_of() { echo $(( ( $(stat -c %s "$1") + 1048575 ) / 1048576 )); }

# assemble_disk LABEL(gpt|dos) OUT.img BOOT.img BOOTTYPE ROOT.img DATA.img
# Partition images are copied in place with dd (no loop devices needed).
assemble_disk() {
    local label=$1 out=$2 boot=$3 boottype=$4 root=$5 data=$6
    local b r d start total
    b=$(mib_of "$boot"); r=$(mib_of "$root"); d=$(mib_of "$data")
    total=$(( 1 + b + r + d + 1 ))
    rm -f "$out"; truncate -s "${total}M" "$out"
    if [ "$label" = gpt ]; then
        sfdisk -q "$out" <<SF
label: gpt
start=1MiB, size=${b}MiB, type=$boottype, name=kiosk-boot
size=${r}MiB, type=linux, name=kiosk-root
size=${d}MiB, type=linux, name=kiosk-data
SF
    else
        sfdisk -q "$out" <<SF
label: dos
start=1MiB, size=${b}MiB, type=$boottype, bootable
size=${r}MiB, type=83
size=${d}MiB, type=83
SF
    fi
    start=1
    for p in "$boot:$b" "$root:$r" "$data:$d"; do
        dd if="${p%%:*}" of="$out" bs=1M seek="$start" conv=notrunc,sparse status=none
        start=$(( start + ${p##*:} ))
    done
}
