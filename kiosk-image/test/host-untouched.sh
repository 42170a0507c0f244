#!/usr/bin/env bash
# Checks that an image build leaves the build host alone (issue 16, point 8).
#   host-untouched.sh snapshot DIR   before the build
#   host-untouched.sh check DIR      after it: exit 1 with the reason if touched
# Package lists: every file name in /var/lib/apt/lists must still be there
# (an "apt-get update" elsewhere may refresh contents, never empty the list).
# /tmp: a sentinel file survives, and no temporary directory the build scripts
# make (mktemp's tmp.*, mmdebstrap.*) is left behind. Other users' /tmp
# files are not compared: the build machine is shared.
set -euo pipefail
mode=$1 dir=$2
lists() { find /var/lib/apt/lists -maxdepth 1 -type f ! -name lock -printf '%f\n' | sort; }
ours() { find /tmp -maxdepth 1 -user "$(id -u)" \( -name 'tmp.*' -o -name 'mmdebstrap*' \) -printf '%f\n' | sort; }
case $mode in
snapshot)
    mkdir -p "$dir"
    lists >"$dir/apt-lists.before"
    ours >"$dir/tmp.before"
    sentinel=$(mktemp /tmp/kiosk-host-sentinel.XXXXXX)
    echo "$sentinel" >"$dir/sentinel"
    ;;
check)
    rc=0
    lists >"$dir/apt-lists.after"
    gone=$(comm -23 "$dir/apt-lists.before" "$dir/apt-lists.after" | wc -l)
    if [ "$gone" -gt 0 ] || { [ ! -s "$dir/apt-lists.after" ] && [ -s "$dir/apt-lists.before" ]; }; then
        echo "host-untouched: FAIL: $gone package list file(s) vanished from /var/lib/apt/lists" >&2
        rc=1
    fi
    sentinel=$(cat "$dir/sentinel")
    if [ ! -f "$sentinel" ]; then
        echo "host-untouched: FAIL: $sentinel was deleted (something cleaned /tmp)" >&2
        rc=1
    fi
    rm -f "$sentinel"
    ours >"$dir/tmp.after"
    left=$(comm -13 "$dir/tmp.before" "$dir/tmp.after")
    if [ -n "$left" ]; then
        echo "host-untouched: FAIL: temporary directories left in /tmp: $left" >&2
        rc=1
    fi
    [ $rc -eq 0 ] && echo "host-untouched: OK: /var/lib/apt/lists ($(wc -l <"$dir/apt-lists.after") files) and /tmp untouched by the build"
    exit $rc
    ;;
*) echo "usage: host-untouched.sh snapshot|check DIR" >&2; exit 2 ;;
esac
