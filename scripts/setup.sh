#!/usr/bin/env bash
# Installs what is missing, builds the CLI and the page, analyses the example
# articles and prints where the page is.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
setup_all
log "analysing examples/*.txt"
status=0
"$NATIVE_BUILD/cli/newslens" analyze --format summary "$ROOT"/examples/*.txt || status=$?
echo
echo "CLI:  $NATIVE_BUILD/cli/newslens analyze FILE...   (newslens --help)"
echo "Page: file://$PAGE"
exit $status
