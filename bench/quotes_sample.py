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
from reading_sample import ROOT, main

SAMPLE = ROOT / "bench" / "quotes_bbc_sample.tsv"
FIELDS = ["document", "start", "end", "text", "speaker", "verb", "context", "verdict", "note"]
KEY_FIELDS = 5  # document .. speaker: a change in any of them asks for a new reading
SEED, SIZE = 15, 100
BEFORE, AFTER = 220, 120  # context characters kept around the quote, enough to see who speaks


def row_of(name, text, m):
    if m.get("plugin") != "quotes" or m.get("kind") != "quote":
        return None
    s, e = m["start"], m["end"]
    context = text[max(0, s - BEFORE):s] + "[" + text[s:e] + "]" + text[e:e + AFTER]
    return {"document": name, "start": str(s), "end": str(e), "text": m["text"].replace("\t", " ").replace("\n", " "),
            "speaker": m.get("speaker") or "", "verb": m.get("verb") or "",
            "context": context.replace("\t", " ").replace("\n", " ")}


if __name__ == "__main__":
    main(__doc__, SAMPLE, FIELDS, KEY_FIELDS, SEED, SIZE, "quotes", row_of,
         f"# Drawn by bench/quotes_sample.py (seed {SEED}, lowest hashes) from the CLI's quotes on "
         "../shared/corpus/bbc; verdicts by reading: ok, wrong-speaker, not-a-quote.\n",
         lambda row: f"{row['document']} {row['start']} speaker: {row['speaker'] or '-'} | {row['context']}",
         lambda counts: counts.get("ok", 0) >= 95)
