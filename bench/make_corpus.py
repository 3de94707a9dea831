#!/usr/bin/env python3
"""Builds the benchmark corpus as a list of files (one path a line).

    make_corpus.py SOURCE_DIR OUT_LIST TARGET_BYTES

Takes every *.txt under SOURCE_DIR (sorted), skips files that are not valid
UTF-8 or are empty (every engine gets the same documents), and repeats the
whole set until the list holds at least TARGET_BYTES. Prints one JSON line:
the source, document counts, repeats, total bytes, and the "typical 5 KB
article" used for latency (the document whose size is closest to 5,000 bytes).
"""
import json
import os
import sys

src, out, target = sys.argv[1], sys.argv[2], int(sys.argv[3])
files, skipped = [], []
for root, _, names in os.walk(src):
    for n in names:
        if n.endswith(".txt"):
            files.append(os.path.join(root, n))
files.sort()
good, size = [], 0
for f in files:
    data = open(f, "rb").read()
    try:
        if not data.strip():
            raise ValueError("empty")
        data.decode("utf-8")
    except (UnicodeDecodeError, ValueError):
        skipped.append(f)
        continue
    good.append((f, len(data)))
    size += len(data)
if not good:
    sys.exit(f"make_corpus.py: no usable .txt file under {src}")
repeats = max(1, -(-target // size))
with open(out, "w") as fh:
    for _ in range(repeats):
        for f, _ in good:
            fh.write(os.path.abspath(f) + "\n")
latency = min(good, key=lambda g: (abs(g[1] - 5000), g[0]))
print(json.dumps({
    "source": os.path.abspath(src), "files": len(good), "skipped": skipped,
    "unique_bytes": size, "repeats": repeats, "bytes": size * repeats, "docs": len(good) * repeats,
    "latency_doc": os.path.abspath(latency[0]), "latency_doc_bytes": latency[1],
}))
