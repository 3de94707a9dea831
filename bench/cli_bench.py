#!/usr/bin/env python3
"""The CLI's side of the benchmark: throughput with -j 1 and -j 2 over the
corpus, and the peak memory of one 50 MB document (every plugin).

    cli_bench.py NEWSLENS_CLI CORPUS_LIST WORK_DIR  > cli.json

Each throughput figure is the best of two runs (the machine is shared). Peak
memory is GNU time's maximum resident set size (/usr/bin/time -f %M).
"""
import json
import os
import subprocess
import sys
import time

cli, corpus_list, work = sys.argv[1:4]
files = open(corpus_list).read().split()
total = sum(os.path.getsize(f) for f in files)


def run(jobs):
    best = None
    for _ in range(2):
        t = time.perf_counter()
        subprocess.run([cli, "analyze", f"-j{jobs}"] + files, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        s = time.perf_counter() - t
        best = s if best is None else min(best, s)
    return best


out = {"bytes": total, "docs": len(files), "cores": os.cpu_count()}
for jobs in (1, 2):
    s = run(jobs)
    out[f"j{jobs}_seconds"] = s
    out[f"j{jobs}_mb_per_s"] = total / s / 1e6

# One 50 MB document: the corpus's articles end to end.
big = os.path.join(work, "document-50MB.txt")
target = 50 * 1000 * 1000
with open(big, "wb") as f:
    written = 0
    while written < target:
        for name in files:
            data = open(name, "rb").read()
            f.write(data + b"\n\n")
            written += len(data) + 2
            if written >= target:
                break
t = time.perf_counter()
res = subprocess.run(["/usr/bin/time", "-f", "%M", cli, "analyze", big], stdout=subprocess.DEVNULL,
                     stderr=subprocess.PIPE, text=True)
out["big_seconds"] = time.perf_counter() - t
out["big_bytes"] = os.path.getsize(big)
out["big_peak_mib"] = int(res.stderr.strip().splitlines()[-1]) / 1024
os.remove(big)
print(json.dumps(out))
