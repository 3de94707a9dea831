#!/usr/bin/env python3
"""The quotes reading check: 100 quotations (kind "quote") drawn at random from the CLI's
output on the BBC corpus (../shared/corpus/bbc beside the repository), each read by a person
and given a verdict in bench/quotes_bbc_sample.tsv: ok (a quotation, and its speaker is the
one the article credits under ../shared/eval/GUIDELINES.md: fullest name, a description where
the article names nobody, none where nobody can be told), wrong-speaker (another speaker, a
part of the name, or none where the article says who), or not-a-quote (a title, slogan or
scare quote that is nobody's speech). The goal (issue 15): at least 95 ok.

  python3 bench/quotes_sample.py build/native/cli/newslens            # check the verdicts
  python3 bench/quotes_sample.py build/native/cli/newslens --draw     # write a new sample

Checking re-runs the CLI and draws the sample again: the quotes whose (seed, document, start)
hash lowest, so a change elsewhere keeps the rest of the sample. A quote whose span or speaker
changed since it was read loses its verdict and is listed to be read again.
Python 3 standard library only.
"""
import argparse
import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "bench" / "quotes_bbc_sample.tsv"
FIELDS = ["document", "start", "end", "text", "speaker", "verb", "context", "verdict", "note"]
KEY_FIELDS = 5  # document .. speaker: a change in any of them asks for a new reading
SEED, SIZE = 15, 100
BEFORE, AFTER = 220, 120  # context characters kept around the quote, enough to see who speaks


def quotes(cli, corpus):
    files = sorted(str(p) for p in Path(corpus).rglob("*.txt"))
    out = subprocess.run([cli, "analyze", "--plugins", "quotes", *files], check=True, capture_output=True,
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
            if m.get("plugin") != "quotes" or m.get("kind") != "quote":
                continue
            s, e = m["start"], m["end"]
            context = text[max(0, s - BEFORE):s] + "[" + text[s:e] + "]" + text[e:e + AFTER]
            found.append({"document": name, "start": str(s), "end": str(e), "text": m["text"].replace("\t", " ").replace("\n", " "),
                          "speaker": m.get("speaker") or "", "verb": m.get("verb") or "",
                          "context": context.replace("\t", " ").replace("\n", " ")})
    # The quotes whose (seed, document, start) hash lowest: a fix that drops or adds a quote
    # elsewhere leaves the rest of the sample as it was.
    rank = lambda m: hashlib.sha1(f"{SEED}:{m['document']}:{m['start']}".encode()).hexdigest()
    return sorted(sorted(found, key=rank)[:SIZE], key=lambda m: (m["document"], int(m["start"])))


def key(row):
    return tuple(row[f] for f in FIELDS[:KEY_FIELDS])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cli")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    ap.add_argument("--draw", action="store_true", help="write a new sample (verdicts kept where unchanged)")
    args = ap.parse_args()
    read = {}
    if SAMPLE.exists():
        with SAMPLE.open(encoding="utf-8", newline="") as f:
            read = {key(r): r for r in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")}
    sample = quotes(args.cli, args.corpus)
    for row in sample:
        old = read.get(key(row))
        row["verdict"] = old["verdict"] if old else ""
        row["note"] = old["note"] if old else ""
    if args.draw:
        with SAMPLE.open("w", encoding="utf-8", newline="") as f:
            f.write(f"# Drawn by bench/quotes_sample.py (seed {SEED}, lowest hashes) from the CLI's quotes on "
                    "../shared/corpus/bbc; verdicts by reading: ok, wrong-speaker, not-a-quote.\n")
            w = csv.DictWriter(f, FIELDS, delimiter="\t", lineterminator="\n")
            w.writeheader()
            w.writerows(sample)
    counts = {}
    for row in sample:
        counts[row["verdict"] or "unread"] = counts.get(row["verdict"] or "unread", 0) + 1
    for row in sample:
        if not row["verdict"]:
            print("unread:", row["document"], row["start"], "speaker:", row["speaker"] or "-", "|", row["context"])
    print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    ok = counts.get("unread", 0) == 0 and counts.get("ok", 0) >= 95
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
