#!/usr/bin/env bash
# make bench: every benchmark of docs/performance.md, one after another.
# The measuring tools (Xvfb, valgrind, chromium, matplotlib, Google Benchmark)
# come from the one package installer, so a fresh clone works on any machine state.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh scripts/build-deps.txt bench/bench-deps.txt
exec /usr/bin/python3 bench/bench.py "$@"
