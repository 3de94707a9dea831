#!/usr/bin/env python3
"""Large and hostile inputs through the native CLI, with bounded memory and time.

    hostile_inputs.py NEWSLENS_CLI EXAMPLES_DIR WORK_DIR [--quick]

Generates each input into WORK_DIR at test time (nothing large is committed),
runs `newslens analyze FILE > out.jsonl` on it and checks:
  * the run ends within its time limit, and the exit status is the expected one;
  * the output is one JSON object with the schema's keys; for text, "chars" is
    the input's length in code points and every mention lies inside it; for
    bad input, a one-line error that says why (and no mentions);
  * the peak resident memory of the process (os.wait4's ru_maxrss) stays under
    the bound  MEMORY_BASE_MIB + MEMORY_PER_INPUT_BYTE x input size
    (measured by GNU time, /usr/bin/time -f %M).
The bound: the Document keeps the UTF-8 text (1 byte/byte), its code-point
copy (4 bytes per code point) and offset tables (1/8 byte/byte), the CLI's
read buffer and the JSON line being written; a document over 4 Mi code
points is analysed in parts, so tokens and mentions are held for one part at
a time. Measured: 566 MiB for 50 MB with every plugin (1,772 MiB before the
JSON Lines were written directly and large documents analysed in parts).
Bound, kept loose for slower machines: 200 MiB (program, gazetteer,
regexes) + 40 bytes per input byte.
--quick skips the two largest inputs and the memory bound (for sanitizer
builds, whose shadow memory and quarantine change the figures).
"""
import json
import os
import signal
import subprocess
import sys
import time

MEMORY_BASE_MIB = 200
MEMORY_PER_INPUT_BYTE = 40

cli, examples, work = sys.argv[1], sys.argv[2], sys.argv[3]
quick = "--quick" in sys.argv[4:]
os.makedirs(work, exist_ok=True)

texts = []
for n in sorted(os.listdir(examples)):
    if n.endswith(".txt"):
        texts.append(open(os.path.join(examples, n), encoding="utf-8").read())
news = "\n\n".join(texts)  # real articles, ~40 KB


def repeat_to(s, size):
    k = -(-size // len(s.encode("utf-8")))
    return (s * k).encode("utf-8")[:size].decode("utf-8", "ignore")


def nested_quotes(depth):
    # “He said ‘she said “they said ‘…’ ” ’ ” — alternating curly pairs, then straight ones.
    opens, closes = [], []
    for i in range(depth):
        o, c = ("\u201c", "\u201d") if i % 2 == 0 else ("\u2018", "\u2019")
        opens.append(f"{o}Level {i} said")
        closes.append(f"{c}, the minister added.")
    curly = " ".join(opens) + " the core" + " ".join(reversed(closes))
    straight = " ".join(f'"level {i} said' for i in range(depth)) + ' the core' + '"' * depth
    return f"{curly}\n\n{straight}\n"


# name -> (function making the bytes, expectation, time limit in seconds).
# expectation: "text" (analysed; exit 0, or 1 with plugin errors listed),
# "windows-1252" (not UTF-8: decoded as Windows-1252, said on stderr, then
# analysed like "text"; core/encoding.cpp) or an
# error substring (refused with exit 1 and that reason). Inputs are made one at
# a time and freed before the CLI starts: a child forked from a big parent
# would inherit the parent's peak memory in its ru_maxrss.
cases = {}
if not quick:
    cases["50MB_document"] = (lambda: repeat_to(news, 50_000_000).encode(), "text", 900)
    cases["10MB_one_line"] = (lambda: repeat_to(" ".join(news.split()) + " ", 10_000_000).encode(), "text", 600)
cases["10000_quotation_marks"] = (
    lambda: ('Officials said "' * 5000 + "\n" + '"' * 5000 + "\n" + news[:2000]).encode(), "text", 300)
cases["10000_curly_quotes_unbalanced"] = (lambda: ("\u201c" * 7000 + " said " + "\u201d" * 3000).encode(), "text", 300)
cases["nested_quotes_depth_2000"] = (lambda: nested_quotes(2000).encode(), "text", 300)
cases["1MB_one_word"] = (lambda: ("a" * 1_000_000 + " said the minister.").encode(), "text", 300)
cases["1MB_digits_and_commas"] = (lambda: repeat_to("1,000,000,000.5 ", 1_000_000).encode(), "text", 300)
cases["astral_and_combining"] = (
    lambda: repeat_to("\U0001F600 Caf\u00e9\u0301 \u201cS\u00e3o Paulo\u201d said \U0001D400. ", 300_000).encode(), "text", 300)
cases["invalid_utf8"] = (
    lambda: news[:3000].encode() + b"\xff\xfe\xc3\x28 \xed\xa0\x80 \xf0\x28\x8c\xbc \xc0\xaf" + news[3000:6000].encode(),
    "windows-1252", 60)
cases["truncated_utf8_at_end"] = (lambda: news[:3000].encode() + "\u201c".encode()[:2], "windows-1252", 60)
cases["nul_bytes"] = (lambda: news[:3000].encode() + b"\x00\x00" + news[3000:6000].encode(), "binary data", 60)
cases["only_nul_bytes_1MB"] = (lambda: b"\x00" * 1_000_000, "binary data", 60)
cases["control_characters"] = (lambda: bytes(range(1, 9)) * 2000 + b" said the minister", "binary data", 60)

# Known problems, reported and waiting for a fix in a plugin: the case still
# runs (with this shorter time limit) and prints XFAIL, or XPASS once fixed
# (then delete its line here). It does not fail the test meanwhile.
KNOWN = {}

failures = 0
print("memory bound: not checked (--quick, sanitizer build)" if quick else
      f"memory bound: {MEMORY_BASE_MIB} MiB + {MEMORY_PER_INPUT_BYTE} x input bytes")
print(f"{'input':<32} {'bytes':>11} {'exit':>4} {'seconds':>8} {'peak MiB':>9} {'bound MiB':>10}  result")
xfails = 0
for name, (make, expect, limit) in cases.items():
    known = KNOWN.get(name)
    if known:
        limit = known[0]
    path = os.path.join(work, name + ".txt")
    data = make()
    with open(path, "wb") as fh:
        fh.write(data)
    size = len(data)
    analysed = expect in ("text", "windows-1252")
    # Windows-1252 maps every byte to one character.
    chars = (len(data) if expect == "windows-1252" else len(data.decode("utf-8"))) if analysed else 0
    del data
    out_path = os.path.join(work, name + ".jsonl")
    err_path = os.path.join(work, name + ".stderr")
    rss_path = os.path.join(work, name + ".rss")
    t0 = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        # GNU time reports the CLI's own peak (os.wait4 from this process would
        # add this process's peak: a child inherits its parent's high-water mark).
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss_path, cli, "analyze", path],
                                stdout=out, stderr=err, start_new_session=True)
        try:
            proc.wait(timeout=limit)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            timed_out = True
    seconds = time.monotonic() - t0
    code = proc.returncode
    try:
        peak_mib = int(open(rss_path).read().split()[-1]) / 1024
    except (OSError, ValueError, IndexError):
        peak_mib = 0.0  # killed before time could write it
    bound_mib = MEMORY_BASE_MIB + MEMORY_PER_INPUT_BYTE * size / 1048576
    problems = []
    if timed_out:
        problems.append(f"killed after {limit}s")
    if peak_mib > bound_mib and not quick:
        problems.append(f"peak memory {peak_mib:.0f} MiB over the bound {bound_mib:.0f} MiB")
    stderr = open(err_path, encoding="utf-8", errors="replace").read()
    note = ""
    if not timed_out:
        try:
            lines = open(out_path, encoding="utf-8").read().splitlines()
            assert len(lines) == 1, f"{len(lines)} output lines"
            doc = json.loads(lines[0])
            assert {"document", "chars", "mentions", "errors"} <= set(doc), f"keys {sorted(doc)}"
            if analysed:
                assert expect != "windows-1252" or "decoded as windows-1252" in stderr, "decoding not said on stderr"
                assert code in (0, 1), f"exit {code}"
                assert code == 0 or doc["errors"], "exit 1 without an error in the output"
                assert doc["chars"] == chars, f"chars {doc['chars']} != {chars}"
                for m in doc["mentions"]:
                    assert 0 <= m["start"] < m["end"] <= chars, f"bad span {m['start']}-{m['end']}"
                kinds = {}
                for m in doc["mentions"]:
                    kinds[m["plugin"]] = kinds.get(m["plugin"], 0) + 1
                note = ", ".join(f"{v} {k}" for k, v in sorted(kinds.items())) or "no mentions"
                if doc["errors"]:
                    note += "; errors: " + " | ".join(e[:100] for e in doc["errors"])
            else:
                assert code == 1, f"exit {code}, expected 1"
                assert doc["mentions"] == [], "mentions for refused input"
                assert any(expect in e for e in doc["errors"]), f"errors {doc['errors']} lack '{expect}'"
                assert expect in stderr, f"stderr lacks '{expect}'"
                note = "refused: " + doc["errors"][0]
        except (AssertionError, ValueError, UnicodeDecodeError) as e:
            problems.append(f"bad output: {e}; stderr: {stderr.strip()[:300]}")
    ok = not problems
    if known:
        verdict = "XPASS (fixed: delete it from KNOWN)" if ok else f"XFAIL (known: {known[1]})"
        xfails += not ok
    else:
        verdict = "ok" if ok else "FAIL"
        failures += not ok
    print(f"{name:<32} {size:>11} {code:>4} {seconds:>8.2f} {peak_mib:>9.0f} {bound_mib:>10.0f}  "
          f"{verdict}: {note if ok else '; '.join(problems)}")
    sys.stdout.flush()
    for p in (path, out_path):  # large files do not stay in the build folder
        if os.path.getsize(p) > 5_000_000:
            os.remove(p)

print(f"hostile inputs: {len(cases) - failures - xfails} passed, {failures} failed, {xfails} known failures")
sys.exit(1 if failures else 0)
