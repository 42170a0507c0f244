#!/usr/bin/env bash
# make bench: every benchmark of docs/performance.md, one after another.
# Installs the measuring tools if missing (Xvfb, valgrind, chromium, matplotlib).
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v valgrind >/dev/null || need+=(valgrind)
command -v chromium >/dev/null || need+=(chromium)
/usr/bin/python3 -c 'import matplotlib' 2>/dev/null || need+=(python3-matplotlib)
if [ ${#need[@]} -gt 0 ]; then
  echo "bench: installing ${need[*]}"
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo
  $sudo_ apt-get install -y --no-install-recommends "${need[@]}"
fi
exec /usr/bin/python3 bench/bench.py "$@"
