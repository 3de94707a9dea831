#!/usr/bin/env bash
# The CLI as a user runs it: formats, plugin choice, stdin, and bad files that
# are reported while the good ones are still analysed.
set -u
cli=$1
examples=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass=0
check() {  # check NAME COMMAND... : the command must succeed
  if "${@:2}"; then pass=$((pass + 1)); else echo "FAIL: $1"; fails=$((fails + 1)); fi
}

good=$(ls "$examples"/*.txt | head -n 1)
printf 'caf\xc3 au lait' > "$tmp/bad-utf8.txt"
printf 'ab\0cd' > "$tmp/binary.bin"
: > "$tmp/empty.txt"

"$cli" plugins > "$tmp/plugins.txt"
check "plugins lists something" test -s "$tmp/plugins.txt"

"$cli" analyze "$good" > "$tmp/one.jsonl"
check "exit 0 on a good file" test $? -eq 0
check "one JSON line per document" test "$(wc -l < "$tmp/one.jsonl")" -eq 1
check "JSON has document, chars, mentions, errors" python3 -c '
import json,sys
d=json.loads(open(sys.argv[1]).readline())
assert set(["document","chars","mentions","errors"]) <= set(d), d.keys()
t=open(sys.argv[2],encoding="utf-8").read()
assert d["chars"]==len(t)
for m in d["mentions"]:
    assert t[m["start"]:m["end"]]==m["text"], m
' "$tmp/one.jsonl" "$good"

"$cli" analyze "$good" "$tmp/missing.txt" "$tmp/bad-utf8.txt" "$tmp/binary.bin" "$tmp/empty.txt" "$good" \
  > "$tmp/mixed.jsonl" 2> "$tmp/mixed.err"
check "exit 1 when a file is bad" test $? -eq 1
check "good files still analysed" test "$(grep -c '"mentions":\[{' "$tmp/mixed.jsonl")" -eq 2
check "one stderr line per bad file" test "$(wc -l < "$tmp/mixed.err")" -eq 4
check "missing file named" grep -q "missing.txt: no such file" "$tmp/mixed.err"
check "bytes that are not UTF-8 are decoded as windows-1252, and said so" grep -q "bad-utf8.txt: decoded as windows-1252" "$tmp/mixed.err"
check "binary named" grep -q "binary.bin: binary data" "$tmp/mixed.err"
check "empty named" grep -q "empty.txt: empty" "$tmp/mixed.err"

# Latin-1 / Windows-1252 and UTF-16 (BOM) files: decoded, analysed like UTF-8.
printf 'Caf\xe9 in C\xfacuta: \x93We counted 40 soldiers,\x94 said Jos\xe9 P\xe9rez.\n' > "$tmp/latin1.txt"
python3 -c 'import sys; t=open(sys.argv[1],"rb").read().decode("cp1252"); open(sys.argv[2],"wb").write(b"\xff\xfe"+t.encode("utf-16-le")); open(sys.argv[3],"wb").write(b"\xfe\xff"+t.encode("utf-16-be")); open(sys.argv[4],"w",encoding="utf-8").write(t)' \
  "$tmp/latin1.txt" "$tmp/utf16le.txt" "$tmp/utf16be.txt" "$tmp/utf8.txt"
"$cli" analyze "$tmp/latin1.txt" "$tmp/utf16le.txt" "$tmp/utf16be.txt" "$tmp/utf8.txt" > "$tmp/enc.jsonl" 2> "$tmp/enc.err"
check "decoded files exit 0" test $? -eq 0
check "windows-1252 said on stderr" grep -q "latin1.txt: decoded as windows-1252" "$tmp/enc.err"
check "UTF-16 LE said on stderr" grep -q "utf16le.txt: decoded as UTF-16 LE" "$tmp/enc.err"
check "UTF-16 BE said on stderr" grep -q "utf16be.txt: decoded as UTF-16 BE" "$tmp/enc.err"
check "nothing said for UTF-8" test "$(grep -c utf8.txt "$tmp/enc.err")" -eq 0
check "every encoding gives the UTF-8 file's results" python3 -c '
import json,sys
docs=[json.loads(l) for l in open(sys.argv[1])]
strip=lambda d: json.dumps([d["chars"], d["mentions"]])
assert len(docs)==4 and docs[0]["mentions"], docs
assert all(strip(d)==strip(docs[3]) for d in docs), [strip(d)[:200] for d in docs]
assert any(m["text"]=="40 soldiers" or "40" in m["text"] for m in docs[0]["mentions"])
' "$tmp/enc.jsonl"

first=$("$cli" plugins | head -n 1 | cut -d' ' -f1)
"$cli" analyze --plugins "$first" "$good" > "$tmp/only.jsonl"
check "--plugins keeps only the chosen plugin" python3 -c '
import json,sys
d=json.loads(open(sys.argv[1]).readline())
assert d["mentions"] and all(m["plugin"]==sys.argv[2] for m in d["mentions"])
' "$tmp/only.jsonl" "$first"
"$cli" analyze --plugins nosuch "$good" > /dev/null 2> "$tmp/nosuch.err"
check "unknown plugin is a usage error" test $? -eq 2
check "unknown plugin named" grep -q "unknown plugin 'nosuch'" "$tmp/nosuch.err"

check "stdin" bash -c "'$cli' analyze - < '$good' | grep -q '\"document\":\"-\"'"
check "--format json is one JSON array" bash -c "'$cli' analyze --format json '$good' '$good' | python3 -c 'import json,sys; assert len(json.load(sys.stdin))==2'"
check "--format csv has a header and rows" bash -c "'$cli' analyze --format csv '$good' | python3 -c '
import csv,sys
rows=list(csv.reader(sys.stdin))
assert rows[0][:5]==[\"document\",\"plugin\",\"start\",\"end\",\"text\"] and len(rows)>1'"
check "--format table" bash -c "'$cli' analyze --format table '$good' | head -n 1 | grep -q '^== '"
"$cli" analyze --format nope "$good" > /dev/null 2>&1
check "unknown format is a usage error" test $? -eq 2

# Segments (issue 18): every mention says where it is; --segments article
# keeps the article's own; --segments all (the default) keeps all.
page="$examples/000_3bf18df1e512c54b.txt"
"$cli" analyze "$page" > "$tmp/all.jsonl"
"$cli" analyze --segments article "$page" > "$tmp/article.jsonl"
"$cli" analyze --segments=all "$page" > "$tmp/all2.jsonl"
check "--segments all is the default" cmp -s "$tmp/all.jsonl" "$tmp/all2.jsonl"
check "mentions carry segment, documents segments; --segments article keeps the article's" python3 -c '
import json,sys
a=json.loads(open(sys.argv[1]).readline())
b=json.loads(open(sys.argv[2]).readline())
kinds={"headline","dateline","byline","caption","article","story","boilerplate"}
assert a["segments"] and all(s["kind"] in kinds for s in a["segments"]), a["segments"][:3]
assert all(m["segment"] in kinds for m in a["mentions"])
assert all(("story" in m) == (m["segment"] == "story") for m in a["mentions"])
inside={"headline","dateline","article"}
assert any(m["segment"] == "story" for m in a["mentions"]), "examples/000 appends other stories"
assert b["mentions"] == [m for m in a["mentions"] if m["segment"] in inside]
assert b["segments"] == a["segments"]
' "$tmp/all.jsonl" "$tmp/article.jsonl"
"$cli" analyze --segments nope "$good" > /dev/null 2>&1
check "unknown --segments value is a usage error" test $? -eq 2
# --date: the article's date where its text gives none; relative days resolve against it.
printf 'The ministry said yesterday that 40 ships had docked.\n' > "$tmp/undated.txt"
"$cli" analyze --date 2019-02-26 "$tmp/undated.txt" > "$tmp/dated.jsonl"
check "--date sets the document's date and said_date" python3 -c '
import json,sys
d=json.loads(open(sys.argv[1]).readline())
assert d["date"]=="2019-02-26" and d["date_from"]=="user", d
n=[m for m in d["mentions"] if m["plugin"]=="numbers"][0]
assert n["source"]=="The ministry" and n["said"]=="yesterday" and n["said_date"]=="2019-02-25", n
' "$tmp/dated.jsonl"
"$cli" analyze --date 2019-02-30 "$tmp/undated.txt" > /dev/null 2> "$tmp/baddate.err"
check "a --date that is no calendar day is a usage error" test $? -eq 2
check "the bad --date is named" grep -q "2019-02-30" "$tmp/baddate.err"

# Rule plugins loaded at run time; a broken one is reported and skipped.
plugdir=$(cd "$examples/plugins" && pwd)
"$cli" plugins --plugin-file "$plugdir/media.json" > "$tmp/plugins2.txt"
check "a loaded rule plugin is listed" grep -q "^media " "$tmp/plugins2.txt"
"$cli" analyze --plugin-file "$plugdir/media.json" "$examples/000_3bf18df1e512c54b.txt" > "$tmp/media.jsonl"
check "exit 0 with a good rule plugin" test $? -eq 0
check "rule plugin mentions appear beside the built-in ones" python3 -c '
import json,sys
d=json.loads(open(sys.argv[1]).readline())
plugins={m["plugin"] for m in d["mentions"]}
assert "media" in plugins and len(plugins) > 1, plugins
assert any(m["plugin"]=="media" and m.get("outlet")=="Reuters" for m in d["mentions"])
' "$tmp/media.jsonl"
printf '{"newslens_rule_plugin": 1, "name": "broken", "description": "x", "rules": [{"id": "r", "pattern": "(oops"}]}' > "$tmp/broken.json"
"$cli" analyze --plugin-file "$tmp/broken.json" --plugin-file "$plugdir/media.json" "$good" > "$tmp/broken.jsonl" 2> "$tmp/broken.err"
check "exit 1 with a broken rule plugin" test $? -eq 1
check "broken plugin reported with rule and offset" grep -q "broken.json: rules\[0\] (id 'r').pattern: regex error at offset" "$tmp/broken.err"
check "other plugins still run" grep -q '"plugin":"media"' "$tmp/broken.jsonl"

# compare: files analysed then compared, the same from JSONL results on stdin.
"$cli" compare "$examples"/*.txt "$tmp/missing.txt" > "$tmp/cmp.json" 2> "$tmp/cmp.err"
check "compare exits 1 when a file is bad" test $? -eq 1
check "compare names the bad file" grep -q "missing.txt: no such file" "$tmp/cmp.err"
check "compare gives documents, numbers, quotes and places groups" python3 -c '
import json,sys
o=json.load(open(sys.argv[1]))
assert set(o)=={"documents","numbers","quotes","places"}, o.keys()
assert all(g["sources"]>=2 and g["figures"] for g in o["numbers"]), o["numbers"][:1]
' "$tmp/cmp.json"
"$cli" analyze --plugins numbers,quotes,locations "$examples"/*.txt | "$cli" compare - > "$tmp/cmp-stdin.json"
check "compare reads JSONL results on stdin" test $? -eq 0
check "stdin results group the same documents" python3 -c '
import json,sys
a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2]))
assert len(b["documents"])==len(a["documents"])
assert b["numbers"] and b["quotes"] and b["places"]
' "$tmp/cmp.json" "$tmp/cmp-stdin.json"
printf '{"document": "x"}\nnot json\n' | "$cli" compare - > "$tmp/cmp-bad.json" 2> "$tmp/cmp-bad.err"
check "compare: bad stdin lines are reported and skipped" test $? -eq 1 -a "$(wc -l < "$tmp/cmp-bad.err")" -eq 2
"$cli" compare "$examples"/*.txt > "$tmp/cmp.json.good"
"$cli" compare --format jsonl "$examples"/*.txt > "$tmp/cmp.jsonl"
check "compare jsonl: one object per line with its group" python3 -c '
import json,sys
ls=[json.loads(l) for l in open(sys.argv[1])]
assert {l["group"] for l in ls} >= {"documents","numbers","quotes","places"}
' "$tmp/cmp.jsonl"
"$cli" compare --format table "$examples"/*.txt > "$tmp/cmp.txt"
check "compare table has the three comparisons" grep -q "Numbers across sources" "$tmp/cmp.txt"
"$cli" compare --format xml "$good" 2> /dev/null
check "compare: unknown format is a usage error" test $? -eq 2
"$cli" compare --segments article "$good" > /dev/null 2> "$tmp/cmp-seg.err"
check "compare: an option of analyze only is a usage error" test $? -eq 2
check "compare: says --segments is analyze's" grep -q -- "--segments is an option of analyze, not of compare" "$tmp/cmp-seg.err"
"$cli" compare --jobs=1 "$examples"/*.txt > "$tmp/cmp-j1.json"
check "compare --jobs=1 gives the same comparison" cmp -s "$tmp/cmp.json.good" "$tmp/cmp-j1.json"

# Issue 19: JSONL records in, one result per record in order; bad records
# get an error object with their line and the stream goes on.
python3 - "$examples" "$tmp/records.jsonl" <<'PY'
import json, sys, glob
files = sorted(glob.glob(sys.argv[1] + "/*.txt"))
with open(sys.argv[2], "wb") as out:
    for i, f in enumerate(files):
        rec = {"id": "r%d" % i, "text": open(f, encoding="utf-8").read(), "date": "2019-02-25", "source": "src%d" % i, "title": f}
        out.write(json.dumps(rec).encode() + b"\n")
        if i == 1:
            out.write(b"this is not json\n\n")
            out.write(json.dumps({"id": 99, "title": "no text"}).encode() + b"\n")
            out.write(b'{"id": "u", "text": "caf\xc3 au lait"}\r\n')
            out.write(json.dumps({"id": "e", "text": ""}).encode() + b"\n")
PY
"$cli" analyze --input jsonl -j 3 "$tmp/records.jsonl" > "$tmp/records.out" 2> "$tmp/records.err"
check "jsonl input: exit 1 when a record is bad" test $? -eq 1
"$cli" analyze --input jsonl -j 1 "$tmp/records.jsonl" > "$tmp/records-j1.out" 2> /dev/null
check "jsonl input: the same for any -j" cmp -s "$tmp/records.out" "$tmp/records-j1.out"
cat "$tmp/records.jsonl" | "$cli" analyze --input jsonl - 2> /dev/null | sed "s|\"stdin:|\"$tmp/records.jsonl:|" > "$tmp/records-stdin.out"
check "jsonl input: the same from stdin (bad records named stdin:LINE)" cmp -s "$tmp/records.out" "$tmp/records-stdin.out"
ls "$examples"/*.txt | sort > "$tmp/files.list"
"$cli" analyze --date 2019-02-25 $(cat "$tmp/files.list") > "$tmp/records-files.out"
check "jsonl input: results in order, metadata carried, analysis as for the files; errors with line numbers" python3 -c '
import json,sys
recs=[json.loads(l) for l in open(sys.argv[1])]
files=[json.loads(l) for l in open(sys.argv[2])]
good=[r for r in recs if r["chars"]]
bad=[r for r in recs if not r["chars"]]
assert len(recs)==len(files)+4, len(recs)
assert [r["id"] for r in good]==["r%d"%i for i in range(len(files))]
for i,(r,f) in enumerate(zip(good,files)):
    assert list(r)[:5]==["id","source","title","record_date","document"], list(r)[:6]
    assert r["source"]=="src%d"%i and r["record_date"]=="2019-02-25" and r["document"]==r["id"]
    assert r["mentions"]==f["mentions"] and r["date"]==f["date"], r["id"]
assert [(b["id"],b["line"]) for b in bad]==[(None,3),(99,5),(None,6),("e",7)], [(b["id"],b["line"]) for b in bad]
assert "not JSON" in bad[0]["errors"][0] and "text" in bad[1]["errors"][0]
assert "UTF-8" in bad[2]["errors"][0] and "empty" in bad[3]["errors"][0], bad
assert recs.index(bad[0])==2
' "$tmp/records.out" "$tmp/records-files.out"
check "jsonl input: each bad record named on stderr with its line" test "$(grep -c 'records.jsonl:[3567]: .*(record skipped)' "$tmp/records.err")" -eq 4
"$cli" analyze --input jsonl "$tmp/records.jsonl" "$tmp/missing.jsonl" > "$tmp/records2.out" 2> "$tmp/records2.err"
check "jsonl input: a missing input file is reported and the others read" test "$(grep -c '"mentions":\[{' "$tmp/records2.out")" -eq "$(wc -l < "$tmp/files.list")"
check "jsonl input: the missing file named" grep -q "missing.jsonl: no such file" "$tmp/records2.err"
"$cli" analyze --input xml "$good" > /dev/null 2>&1
check "unknown --input is a usage error" test $? -eq 2

# Issue 19: compare in two steps; the map's summaries reduce to the same groups.
"$cli" compare --map $(cat "$tmp/files.list") > "$tmp/summaries.jsonl"
check "compare --map: one summary per document" test "$(grep -c '"compare_summary":1' "$tmp/summaries.jsonl")" -eq "$(wc -l < "$tmp/files.list")"
head -n 2 "$tmp/summaries.jsonl" > "$tmp/part1.jsonl"
tail -n +3 "$tmp/summaries.jsonl" > "$tmp/part2.jsonl"
"$cli" compare --input jsonl "$tmp/part1.jsonl" "$tmp/part2.jsonl" > "$tmp/reduced.json"
"$cli" compare $(cat "$tmp/files.list") > "$tmp/whole.json"
check "compare: the reduce of mapped parts is the whole comparison" cmp -s "$tmp/reduced.json" "$tmp/whole.json"
"$cli" analyze $(cat "$tmp/files.list") | "$cli" compare --map - | "$cli" compare - > "$tmp/reduced2.json"
"$cli" analyze $(cat "$tmp/files.list") | "$cli" compare - > "$tmp/whole2.json"
check "compare: results mapped then reduced as compare of the results" cmp -s "$tmp/reduced2.json" "$tmp/whole2.json"

echo "cli: $pass passed, $fails failed"
[ "$fails" -eq 0 ]
