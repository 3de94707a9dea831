#!/usr/bin/env python3
"""The numbers reading check: 200 numbers drawn at random from the CLI's output on the BBC
corpus (../shared/corpus/bbc beside the repository), each read by a person and given a
verdict in bench/numbers_bbc_sample.tsv: ok, spurious (no quantity: a number inside a name or
code, an idiom) or wrong-value. The goal (issue 12): at most 2 spurious and 2 wrong values.

  python3 bench/numbers_sample.py build/native/cli/newslens            # check the verdicts
  python3 bench/numbers_sample.py build/native/cli/newslens --draw     # write a new sample

Checking re-runs the CLI and draws the sample again: the mentions whose (seed, document,
start) hash lowest, so a change elsewhere keeps the rest of the sample. A mention whose span
or fields changed since it was read loses its verdict and is listed to be read again.
Python 3 standard library only.
"""
import json
from pathlib import Path

from reading_sample import ROOT, main

SAMPLE = ROOT / "bench" / "numbers_bbc_sample.tsv"
FIELDS = ["document", "start", "end", "text", "value", "value_max", "qualifier", "kind", "unit", "context",
          "verdict", "note"]
SEED, SIZE = 13, 200


def row_of(name, text, m):
    s, e = m["start"], m["end"]
    context = (text[max(0, s - 60):s] + "[" + text[s:e] + "]" + text[e:e + 60]).replace("\n", " ")
    return {"document": name, "start": str(s), "end": str(e), "text": m["text"],
            "value": json.dumps(m["value"]), "value_max": json.dumps(m.get("value_max")),
            "qualifier": m["qualifier"], "kind": m["kind"], "unit": json.dumps(m["unit"]),
            "context": context.replace("\t", " ")}


if __name__ == "__main__":
    main(__doc__, SAMPLE, FIELDS, 9, SEED, SIZE, "numbers", row_of,
         f"# Drawn by bench/numbers_sample.py (seed {SEED}, lowest hashes) from the CLI's numbers on "
         "../shared/corpus/bbc; verdicts by reading: ok, spurious, wrong-value.\n",
         lambda row: f"{row['document']} {row['context']}",
         lambda counts: counts.get("spurious", 0) <= 2 and counts.get("wrong-value", 0) <= 2)
