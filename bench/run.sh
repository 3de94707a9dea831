#!/usr/bin/env bash
# Prints the benchmark table: throughput (MB/s), peak memory and the latency
# of a typical 5 KB article, per plugin and for all plugins together, for the
# native build, the WebAssembly build under node and the compromise library
# (npm) in the same node, with the ratios; then the page: time from dropping
# 1,000 articles (NEWSLENS_BENCH_PAGE_DOCS) to rendered results in headless Chromium, and its size.
#
#   bench/run.sh [CORPUS_DIR]
#
# Corpus: CORPUS_DIR, else ../shared/corpus/bbc beside the repository (2,216
# BBC News articles, 5 MB, repeated to reach 10 MB), else examples/ (repeated).
# No npm or Debian package ships 10 MB of real English news text.
# Environment: NEWSLENS_BENCH_NO_BUILD=1 uses the builds as they are;
# NEWSLENS_BENCH_MB (default 10) sets the corpus size;
# NEWSLENS_BENCH_COMPROMISE_MB (default 1) the size of the sample compromise
# reads (it runs at about 0.15 MB/s here: the whole 10 MB takes about a minute
# per row; set it to the corpus size for the full run);
# NEWSLENS_BENCH_PLUGINS (default "numbers quotes locations people") the rows;
# NEWSLENS_BENCH_PAGE_DOCS (default 1000, the text-layer issue's goal) the
# articles dropped on the page; NEWSLENS_BENCH_WARM_UP (default 3) the seconds
# of warm-up of the WASM and compromise rows.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
BENCH_DIR="$ROOT/bench"
NATIVE_BENCH=${NEWSLENS_BENCH_NATIVE:-$NATIVE_BUILD/bench/newslens_bench}
WASM_JS=${NEWSLENS_BENCH_WASM:-$WASM_BUILD/web/newslens.js}
PAGE_HTML=${NEWSLENS_BENCH_PAGE:-$PAGE}
OUT=${NEWSLENS_BENCH_OUT:-$ROOT/build/bench}
MB=${NEWSLENS_BENCH_MB:-10}
COMPROMISE_MB=${NEWSLENS_BENCH_COMPROMISE_MB:-1}
read -r -a PLUGINS <<< "${NEWSLENS_BENCH_PLUGINS:-numbers quotes locations people}"
# Both JIT-compiled engines (WASM, compromise) run for this long before their
# clock starts (bench/node_bench.js --warm-up-seconds); the "all" row is also
# measured cold, on a fresh module.
WARM_UP=${NEWSLENS_BENCH_WARM_UP:-3}

if [ "${NEWSLENS_BENCH_NO_BUILD:-0}" != 1 ]; then
  install_system_packages
  install_npm_packages
  build_wasm
  build_native
fi

corpus=${1:-}
if [ -z "$corpus" ]; then
  if [ -d "$ROOT/../shared/corpus/bbc" ]; then corpus=$(cd "$ROOT/../shared/corpus/bbc" && pwd)
  else corpus="$ROOT/examples"; fi
fi
mkdir -p "$OUT"
rm -f "$OUT/results.jsonl" "$OUT/page.json" "$OUT/page-idle.json" "$OUT/cli.json"
log "corpus: $corpus"
python3 "$BENCH_DIR/make_corpus.py" "$corpus" "$OUT/corpus.list" $((MB * 1000000)) > "$OUT/corpus.json"
latency_doc=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["latency_doc"])' "$OUT/corpus.json")
# compromise's sample: every k-th document of the list, at least COMPROMISE_MB.
python3 - "$OUT/corpus.list" "$OUT/compromise.list" $((COMPROMISE_MB * 1000000)) <<'PY'
import os, sys
files = open(sys.argv[1]).read().split()
total = sum(os.path.getsize(f) for f in files)
k = max(1, total // int(sys.argv[3]))
open(sys.argv[2], "w").write("\n".join(files[::k]) + "\n")
PY

all=$(IFS=,; echo "${PLUGINS[*]}")
for p in "${PLUGINS[@]}" "$all"; do
  log "plugins $p: native"
  "$NATIVE_BENCH" --list "$OUT/corpus.list" --plugins "$p" --latency-doc "$latency_doc" >> "$OUT/results.jsonl"
  log "plugins $p: wasm (node $(node --version)), after ${WARM_UP}s of warm-up"
  node "$BENCH_DIR/node_bench.js" --engine wasm --module "$WASM_JS" --list "$OUT/corpus.list" --plugins "$p" \
    --latency-doc "$latency_doc" --warm-up-seconds "$WARM_UP" >> "$OUT/results.jsonl"
  if [ "$p" = "$all" ]; then
    log "plugins $p: wasm, cold (a fresh module)"
    node "$BENCH_DIR/node_bench.js" --engine wasm --module "$WASM_JS" --list "$OUT/corpus.list" --plugins "$p" \
      --label wasm-cold >> "$OUT/results.jsonl"
  fi
  log "plugins $p: compromise $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$ROOT/node_modules/compromise/package.json"), after ${WARM_UP}s of warm-up"
  node "$BENCH_DIR/node_bench.js" --engine compromise --list "$OUT/compromise.list" --plugins "$p" \
    --latency-doc "$latency_doc" --latency-runs 20 --warm-up-seconds "$WARM_UP" >> "$OUT/results.jsonl"
done

log "CLI: -j 1 and -j 2 over the corpus; peak memory on one 50 MB document"
python3 "$BENCH_DIR/cli_bench.py" "$NATIVE_BUILD/cli/newslens" "$OUT/corpus.list" "$OUT" > "$OUT/cli.json" ||
  { echo "CLI benchmark failed" >&2; rm -f "$OUT/cli.json"; }

PAGE_DOCS=${NEWSLENS_BENCH_PAGE_DOCS:-1000}
log "page: dropping $PAGE_DOCS articles in headless Chromium"
NODE_PATH="$ROOT/node_modules" node "$BENCH_DIR/page_bench.js" "$PAGE_HTML" "$OUT/corpus.list" "$PAGE_DOCS" > "$OUT/page.json" ||
  { echo "page benchmark failed" >&2; rm -f "$OUT/page.json"; }
log "page: the same, dropped 5 s after the page is ready (a user picking files; the workers warm up meanwhile)"
NODE_PATH="$ROOT/node_modules" node "$BENCH_DIR/page_bench.js" "$PAGE_HTML" "$OUT/corpus.list" "$PAGE_DOCS" 5000 > "$OUT/page-idle.json" ||
  { echo "page benchmark (idle first) failed" >&2; rm -f "$OUT/page-idle.json"; }

python3 "$BENCH_DIR/table.py" "$OUT/corpus.json" "$OUT/results.jsonl" "$( [ -s "$OUT/page.json" ] && echo "$OUT/page.json")" \
  "$( [ -s "$OUT/cli.json" ] && echo "$OUT/cli.json")" "$( [ -s "$OUT/page-idle.json" ] && echo "$OUT/page-idle.json")" |
  tee "$OUT/table.txt"
