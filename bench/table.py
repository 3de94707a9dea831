#!/usr/bin/env python3
"""Prints the benchmark table from the JSON lines bench/run.sh collected.

    table.py CORPUS_JSON RESULTS_JSONL [PAGE_JSON] [CLI_JSON] [PAGE_IDLE_JSON]
"""
import json
import sys

corpus = json.load(open(sys.argv[1]))
rows = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
page = json.load(open(sys.argv[3])) if len(sys.argv) > 3 and sys.argv[3] else None
cli = json.load(open(sys.argv[4])) if len(sys.argv) > 4 and sys.argv[4] else None
page_idle = json.load(open(sys.argv[5])) if len(sys.argv) > 5 and sys.argv[5] else None

by = {(r["engine"], r["plugins"]): r for r in rows}
plugins = []
for r in rows:
    if r["plugins"] not in plugins:
        plugins.append(r["plugins"])

print()
print(f"Corpus: {corpus['docs']} documents, {corpus['bytes'] / 1e6:.1f} MB "
      f"({corpus['files']} real news articles, {corpus['unique_bytes'] / 1e6:.2f} MB, repeated {corpus['repeats']}x) "
      f"from {corpus['source']}")
if corpus["skipped"]:
    print(f"        skipped (not UTF-8 or empty): {len(corpus['skipped'])} file(s)")
print(f"Latency: one typical article of {corpus['latency_doc_bytes']} bytes ({corpus['latency_doc']}), "
      "median (p95) of 100 runs after 5 warm-up runs")
comp = [r for r in rows if r["engine"] == "compromise"]
if comp and comp[0]["bytes"] != corpus["bytes"]:
    print(f"compromise: a sample of the same corpus, every k-th article: {comp[0]['docs']} documents, "
          f"{comp[0]['bytes'] / 1e6:.2f} MB (NEWSLENS_BENCH_COMPROMISE_MB sets its size)")
warm = [r for r in rows if r.get("warm_up_seconds")]
if warm:
    print(f"wasm and compromise: measured after {warm[0]['warm_up_seconds']:g} s of warm-up on the same documents "
          "(both are JIT-compiled; the page warms its workers up the same way); wasm-cold: a fresh module")
print("MB = 10^6 bytes of UTF-8 input; memory = peak resident set size of the process (MiB), "
      "corpus held in memory included")
print()
head = f"{'plugins':<30} {'engine':<11} {'MB/s':>8} {'peak MiB':>9} {'5KB doc ms':>18} {'mentions':>9}  {'newslens/compromise':>20}"
print(head)
print("-" * len(head))
for p in plugins:
    comp = by.get(("compromise", p))
    for eng in ("native", "wasm", "wasm-cold", "compromise"):
        r = by.get((eng, p))
        if not r:
            continue
        lat = f"{r['latency_ms_median']:.2f} ({r['latency_ms_p95']:.2f})"
        ratio = ""
        if comp and eng != "compromise":
            ratio = f"{r['mb_per_s'] / comp['mb_per_s']:.1f}x faster" if r["mb_per_s"] >= comp["mb_per_s"] \
                else f"{comp['mb_per_s'] / r['mb_per_s']:.1f}x slower"
        label = "all: " + p if "," in p else p
        print(f"{label:<30} {eng:<11} {r['mb_per_s']:>8.2f} {r['peak_rss_mib']:>9.0f} {lat:>18} {r['mentions']:>9}  {ratio:>20}")
    nat, wasm = by.get(("native", p)), by.get(("wasm", p))
    if nat and wasm:
        print(f"{'':<30} {'wasm/native':<11} {wasm['mb_per_s'] / nat['mb_per_s']:>8.2f}")
print()
for r in rows:
    if r["engine"] == "wasm" and r.get("wasm_heap_mib"):
        print(f"wasm linear memory after the run ({r['plugins']}): {r['wasm_heap_mib']:.0f} MiB")
if page:
    print()
    print(f"Page: {page['documents']} articles dropped -> results rendered in {page['ms_to_rendered']:.0f} ms "
          f"({page.get('browser', 'headless Chromium')}, headless; first result {page.get('ms_to_first', 0):.0f} ms; "
          f"page loaded in {page.get('ms_load', 0):.0f} ms)")
    if page_idle:
        print(f"Page, dropped {page_idle['idle_ms'] / 1000:g} s after it is ready: {page_idle['documents']} articles -> "
              f"results rendered in {page_idle['ms_to_rendered']:.0f} ms (first result {page_idle.get('ms_to_first', 0):.0f} ms)")
    print(f"Page size: {page['page_bytes']:,} bytes ({page['page_bytes'] / 1048576:.2f} MiB, "
          f"{page['page_gzip_bytes']:,} bytes gzip)")
if cli:
    print()
    print(f"CLI, every plugin, {cli['docs']} documents ({cli['bytes'] / 1e6:.1f} MB), {cli['cores']} cores: "
          f"-j 1 {cli['j1_mb_per_s']:.2f} MB/s, -j 2 {cli['j2_mb_per_s']:.2f} MB/s "
          f"({cli['j1_seconds'] / cli['j2_seconds']:.2f}x)")
    print(f"CLI, one {cli['big_bytes'] / 1e6:.0f} MB document: peak {cli['big_peak_mib']:.0f} MiB, "
          f"{cli['big_seconds']:.1f} s")
