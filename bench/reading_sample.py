"""What the reading checks (bench/numbers_sample.py, bench/quotes_sample.py) share: run the
CLI over the BBC corpus, draw the sample by hash, keep the verdicts read before and list the
mentions that need reading. Python 3 standard library only."""
import argparse
import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_mentions(cli, corpus, plugin, row_of):
    """row_of(name, text, mention) for every mention of `plugin`; None rows are left out."""
    files = sorted(str(p) for p in Path(corpus).rglob("*.txt"))
    out = subprocess.run([cli, "analyze", "--plugins", plugin, *files], check=True, capture_output=True,
                         text=True).stdout
    found = []
    for line in out.splitlines():
        doc = json.loads(line)
        raw = Path(doc["document"]).read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")  # the CLI reads such a file as windows-1252 too
        name = str(Path(doc["document"]).relative_to(corpus))
        for m in doc["mentions"]:
            row = row_of(name, text, m)
            if row is not None:
                found.append(row)
    return found


def main(doc, sample_path, fields, key_fields, seed, size, plugin, row_of, header, unread, passed):
    """The check's command line: verdicts kept where the mention is unchanged, exit 0 when every
    mention is read and passed(counts) holds."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cli")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    ap.add_argument("--draw", action="store_true", help="write a new sample (verdicts kept where unchanged)")
    args = ap.parse_args()
    key = lambda row: tuple(row[f] for f in fields[:key_fields])
    read = {}
    if sample_path.exists():
        with sample_path.open(encoding="utf-8", newline="") as f:
            read = {key(r): r for r in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")}
    found = corpus_mentions(args.cli, args.corpus, plugin, row_of)
    # The mentions whose (seed, document, start) hash lowest: a fix that drops or adds a
    # mention elsewhere leaves the rest of the sample as it was.
    rank = lambda m: hashlib.sha1(f"{seed}:{m['document']}:{m['start']}".encode()).hexdigest()
    sample = sorted(sorted(found, key=rank)[:size], key=lambda m: (m["document"], int(m["start"])))
    for row in sample:
        old = read.get(key(row))
        row["verdict"] = old["verdict"] if old else ""
        row["note"] = old["note"] if old else ""
    if args.draw:
        with sample_path.open("w", encoding="utf-8", newline="") as f:
            f.write(header)
            w = csv.DictWriter(f, fields, delimiter="\t", lineterminator="\n")
            w.writeheader()
            w.writerows(sample)
    counts = {}
    for row in sample:
        counts[row["verdict"] or "unread"] = counts.get(row["verdict"] or "unread", 0) + 1
    for row in sample:
        if not row["verdict"]:
            print("unread:", unread(row))
    print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    sys.exit(0 if counts.get("unread", 0) == 0 and passed(counts) else 1)
