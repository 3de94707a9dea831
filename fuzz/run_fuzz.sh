#!/usr/bin/env bash
# Runs one libFuzzer target as a test:
#   run_fuzz.sh FUZZER WORK_DIR SECONDS REGRESSIONS_DIR SEED_FILE... [-- EXTRA_LIBFUZZER_FLAGS...]
# 1. replays every input in REGRESSIONS_DIR (crashes found earlier) once;
# 2. fuzzes for SECONDS from a fresh corpus in WORK_DIR/corpus seeded with the
#    SEED_FILEs (never the source tree: libFuzzer writes new inputs there).
# A crash, a sanitizer report, a leak, an input slower than 30 s or more than
# 2 GB of memory fails the test; the input is saved under WORK_DIR/artifacts/.
# To keep it as a regression test: copy it into REGRESSIONS_DIR (fuzz/regressions/<target>/).
set -u
fuzzer=$1 work=$2 seconds=$3 regressions=$4
shift 4
seeds=() extra=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; extra=("$@"); break; fi
  seeds+=("$1"); shift
done
name=$(basename "$fuzzer")
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

if [ ! -x "$fuzzer" ]; then
  echo "$name: $fuzzer is missing (scripts/common.sh build_sanitize builds it)"
  exit 1
fi
rm -rf "$work"
mkdir -p "$work/corpus" "$work/artifacts"

n_reg=$(find "$regressions" -type f ! -name '.*' ! -name '*.md' 2> /dev/null | wc -l)
echo "== $name: replaying $n_reg regression input(s) from $regressions"
if [ "$n_reg" -gt 0 ]; then
  # Files given by name are each run once (no fuzzing).
  mapfile -t reg_files < <(find "$regressions" -type f ! -name '.*' ! -name '*.md' | sort)
  if ! "$fuzzer" -rss_limit_mb=2048 -timeout=30 "${extra[@]}" "${reg_files[@]}" > "$work/regressions.log" 2>&1; then
    tail -n 40 "$work/regressions.log"
    echo "FAIL: $name: a regression input crashes again (log: $work/regressions.log)"
    exit 1
  fi
fi

for s in "${seeds[@]}"; do install -m 644 "$s" "$work/corpus/"; done
echo "== $name: fuzzing for ${seconds}s from ${#seeds[@]} seed(s)"
"$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=30 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "${extra[@]}" "$work/corpus" > "$work/fuzz.log" 2>&1
status=$?
# libFuzzer's closing figures: executions, speed, coverage, corpus size.
grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|stat::new_units_added)' "$work/fuzz.log"
grep -E '^#[0-9]+' "$work/fuzz.log" | tail -n 1
if [ $status -ne 0 ]; then
  tail -n 60 "$work/fuzz.log"
  echo "FAIL: $name found a problem (exit $status); input(s):"
  ls -l "$work/artifacts/"
  echo "Keep it as a regression test: cp $work/artifacts/<file> $regressions/ and fix the bug."
  exit 1
fi
echo "$name: no crash in ${seconds}s"
