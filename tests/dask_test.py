#!/usr/bin/env python3
"""The Dask recipe (examples/dask/newslens_dask.py) on a real LocalCluster
bound to 127.0.0.1 (issue 19): results and groups must be byte-identical to
one process's `newslens analyze --input jsonl SHARDS | newslens compare -`.

The input is the BBC corpus twice (../shared/corpus/bbc, every article a
second time under another id: the comparison must find the copies across
partitions), or, without ../shared, examples/*.txt repeated to about the
same size. Throughput with 1 and 2 workers is printed as a figure, not
checked (speed depends on the machine and what else runs on it).

usage: dask_test.py CLI SOURCE_DIR WORK_DIR
"""
import glob
import json
import os
import shutil
import subprocess
import sys

cli, source, work = (os.path.abspath(a) for a in sys.argv[1:4])
script = os.path.join(source, "examples", "dask", "newslens_dask.py")
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)

bbc = os.path.join(source, "..", "shared", "corpus", "bbc")
if os.path.isdir(bbc):
    files, copies, label = sorted(glob.glob(os.path.join(bbc, "*", "*.txt"))), 2, "the BBC corpus x2"
else:
    files, copies, label = sorted(glob.glob(os.path.join(source, "examples", "*.txt"))), 0, "examples/ repeated"
texts = []
for f in files:
    data = open(f, "rb").read()
    try:
        texts.append((f, data.decode("utf-8")))
    except UnicodeDecodeError:
        texts.append((f, data.decode("cp1252", "replace")))
if not copies:  # examples/ repeated to a bit over 10 MB, each copy with a line of its own
    copies = max(2, int(10.5e6 / sum(len(t.encode()) for _, t in texts)) + 1)

# Four shards of records; a bad record in the second one (its error object
# must name its own shard and line in both runs).
records = []
for c in range(copies):
    for f, t in texts:
        rid = f"copy{c}/{os.path.relpath(f, os.path.dirname(os.path.dirname(f)))}"
        if label != "the BBC corpus x2" and c > 1:
            t = t + f"\nCopy {c}.\n"
        records.append(json.dumps({"id": rid, "text": t, "date": "2005-03-01", "source": "BBC" if "bbc" in f else "examples",
                                   "title": t.split("\n", 1)[0]}, ensure_ascii=False))
records.insert(len(records) // 3, '{"id": "broken", "text": ')
shards = []
per = (len(records) + 3) // 4
for i in range(4):
    path = os.path.join(work, f"shard{i}.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(r + "\n" for r in records[i * per:(i + 1) * per])
    shards.append(path)
size = sum(os.path.getsize(s) for s in shards)
print(f"input: {label}, {len(records)} records in 4 shards, {size / 1e6:.1f} MB")

# One process: the reference.
ref_results = os.path.join(work, "reference-results.jsonl")
ref_groups = os.path.join(work, "reference-groups.json")
with open(ref_results, "wb") as out:
    status = subprocess.run([cli, "analyze", "--input", "jsonl"] + shards, stdout=out, stderr=subprocess.DEVNULL).returncode
assert status == 1, f"the broken record makes analyze exit 1, not {status}"
with open(ref_results, "rb") as inp, open(ref_groups, "wb") as out:
    subprocess.run([cli, "compare", "-"], stdin=inp, stdout=out, check=True)
reference = open(ref_results, "rb").read()
groups = open(ref_groups, "rb").read()
summary = json.loads(groups)
assert sum(d["duplicate_of"] is not None for d in summary["documents"]) >= len(texts) - 1, "the copies are found"
assert summary["numbers"] and summary["quotes"] and summary["places"]
assert reference.count(b'"errors":["not JSON') == 1

failures = 0
figures = {1: [], 2: []}
# Each twice, alternately: the machine is shared, the best run of each is the figure.
for workers in (2, 1, 2, 1):
    out = os.path.join(work, f"dask-{workers}")
    shutil.rmtree(out, ignore_errors=True)
    run = subprocess.run([sys.executable, script] + shards + ["--out", out, "--workers", str(workers), "--host", "127.0.0.1",
                          "--cli", cli, "--partition-mb", "1"], stderr=subprocess.PIPE, text=True)
    print(run.stderr.strip().splitlines()[-2] if run.stderr.strip() else "(no output)")
    results = b"".join(open(p, "rb").read() for p in sorted(glob.glob(os.path.join(out, "results-*.jsonl"))))
    same_results = results == reference
    same_groups = open(os.path.join(out, "groups.json"), "rb").read() == groups
    stats = json.load(open(os.path.join(out, "stats.json")))
    ok = run.returncode == 1 and same_results and same_groups and stats["workers"] == workers and stats["partitions"] > 2 * workers
    print(f"{workers} worker(s): exit {run.returncode}, results {'identical' if same_results else 'DIFFERENT'}, "
          f"groups {'identical' if same_groups else 'DIFFERENT'}, {stats['partitions']} partitions")
    failures += not ok
    figures[workers].append(stats)

best = {w: max(runs, key=lambda r: r["mb_per_second"]) for w, runs in figures.items()}
one, two = best[1], best[2]
print(f"throughput, best of 2 runs (figure, not checked): 1 worker {one['mb_per_second']} MB/s ({one['records_per_second']} records/s), "
      f"2 workers {two['mb_per_second']} MB/s ({two['records_per_second']} records/s): "
      f"{two['mb_per_second'] / one['mb_per_second']:.2f}x")
print("dask:", "FAILED" if failures else "passed")
sys.exit(1 if failures else 0)
