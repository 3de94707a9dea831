#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test: core and
# plugin corpora natively and under WebAssembly, the CLI, the page in headless
# Chromium, the accuracy floors on the example articles, and the sanitizer,
# fuzzing and hostile-input runs (build/sanitize).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
setup_all
build_sanitize
log "accuracy on the development gold (the accuracy_floors test checks the floors again)"
bash "$ROOT/tests/accuracy_test.sh" "$NATIVE_BUILD/cli/newslens" "$ROOT/examples" "$ROOT/tests/accuracy_floors.json" || true
log "running the tests"
cd "$NATIVE_BUILD"
ctest --output-on-failure --timeout 900
