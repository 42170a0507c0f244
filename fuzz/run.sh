#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each (default 20) on a working copy of
# its seed corpus (fuzz/corpus/<name>, committed, small), then prints executions
# per second and anything found. Crashes/leaks/timeouts land in build-fuzz/artifacts/;
# known crashers are kept in fuzz/regressions/ (see its README).
#   bash fuzz/run.sh [SECONDS] [target...]
# FUZZ_MERGE=1 (make fuzz-long): afterwards, minimise-merge what the run found
# into fuzz/corpus/<name>, to review and commit, so the next CI run starts there.
set -u
cd "$(dirname "$0")/.."
SECS=${1:-20}; shift || true
TARGETS=${*:-"yaml bundle picture text"}
BIN=build-fuzz/fuzz
mkdir -p build-fuzz/artifacts build-fuzz/corpus build-fuzz/logs
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
printf '%-8s %8s %10s %8s %s\n' target seconds execs exec/s result
for t in $TARGETS; do
  work=build-fuzz/corpus/$t
  mkdir -p "$work"
  cp -n fuzz/corpus/$t/* "$work"/ 2>/dev/null
  case $t in
    text) maxlen=4096 ;;
    *) maxlen=65536 ;;
  esac
  log=build-fuzz/logs/$t.log
  "$BIN/fuzz_$t" "$work" -max_total_time="$SECS" -max_len=$maxlen -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$t-" >"$log" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')
  if [ $rc -eq 0 ]; then result=ok; else
    result="FOUND ($(grep -m1 -o 'ERROR: [A-Za-z]*: [a-z-]*\|runtime error: .*\|deadly signal\|timeout' "$log")) see $log"
    status=1
  fi
  printf '%-8s %8s %10s %8s %s\n' "$t" "$SECS" "${execs:-?}" "${rate:-?}" "$result"
  if [ "${FUZZ_MERGE:-0}" = 1 ]; then
    before=$(ls fuzz/corpus/$t | wc -l)
    "$BIN/fuzz_$t" -merge=1 -max_len=$maxlen fuzz/corpus/$t "$work" >>"$log" 2>&1 || true
    echo "         merged into fuzz/corpus/$t: $before -> $(ls fuzz/corpus/$t | wc -l) files"
  fi
done
ls build-fuzz/artifacts 2>/dev/null | sed 's/^/artifact: build-fuzz\/artifacts\//'
exit $status
