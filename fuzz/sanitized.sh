#!/usr/bin/env bash
# Runs a command of the sanitizer build (build/sanitize, made by
# scripts/common.sh build_sanitize) with the sanitizer options the tests use:
#   sanitized.sh BUILT_FILE COMMAND...
# Skips (exit 77, shown as "Skipped" by ctest) when BUILT_FILE is missing,
# i.e. the sanitizer build was not made (scripts/setup.sh does not make it;
# scripts/test.sh does).
set -u
built=$1
shift
if [ ! -e "$built" ]; then
  echo "skipped: $built is not built (scripts/test.sh builds the sanitizer build)"
  exit 77
fi
# Any finding aborts with a report (the build uses -fno-sanitize-recover=all);
# leaks are findings too.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for s in /usr/bin/llvm-symbolizer-14 /usr/bin/llvm-symbolizer; do
  if [ -x "$s" ]; then export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$s}; break; fi
done
exec "$@"
