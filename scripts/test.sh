#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test: core and
# plugin corpora natively and under WebAssembly, the CLI, the page in headless
# Chromium, and the accuracy floors on the example articles.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
setup_all
build_sanitize
log "running the tests"
cd "$NATIVE_BUILD"
ctest --output-on-failure --timeout 900
