#!/usr/bin/env bash
# Scores the CLI's output on the example articles against the development gold
# (../shared/eval, beside the repository) and fails when a figure drops below
# its floor in accuracy_floors.json. Skips (exit 77) when the gold is absent:
# the project builds and runs without ../shared.
set -u
cli=$1 examples=$2 floors=$3
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${NEWSLENS_SHARED:-$root/../shared}
if [ ! -f "$shared/eval/score.py" ]; then
  echo "accuracy: $shared/eval/score.py not found, skipped"
  exit 77
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$cli" analyze "$examples"/*.txt > "$out"
python3 "$shared/eval/score.py" "$shared/eval/gold" "$out"
python3 - "$shared/eval/score.py" "$shared/eval/gold" "$out" "$floors" "$shared/eval/external" "$cli" <<'PY'
import json, os, subprocess, sys, tempfile
score, gold, out, floors, external, cli = sys.argv[1:]
got = json.loads(subprocess.run([sys.executable, score, gold, out, "--json"], check=True,
                                capture_output=True, text=True).stdout)
passed = failed = 0
def check(label, value, floor):
    global passed, failed
    ok = value is not None and value >= floor
    passed += ok
    failed += not ok
    print(f"{'ok  ' if ok else 'FAIL'} {label} = {value} (floor {floor})")
for cat, figures in json.load(open(floors)).items():
    if cat.startswith("_"):
        continue
    if cat == "external":
        # Floors on ../shared/eval/external sets ("numbers/recognizers.jsonl"), scored by
        # the runner beside them (run_numbers.py); a set that is not there is skipped.
        for path, set_floors in figures.items():
            if path.startswith("_"):
                continue
            cases = os.path.join(external, path)
            runner = os.path.join(external, "run_" + path.split("/")[0] + ".py")
            if not (os.path.exists(cases) and os.path.exists(runner)):
                print(f"skip external {path}: not found")
                continue
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run([sys.executable, runner, cases, "--cli", cli, "--out-dir", tmp], check=True,
                               capture_output=True, text=True)
                summary = json.load(open(os.path.join(tmp, "summary.json")))
            overall = summary["results"]["newslens"]["ALL"]
            for name, floor in set_floors.items():
                check(f"external {path} {name}", overall.get(name), floor)
        continue
    for name, floor in figures.items():
        check(f"{cat}.{name}", got.get(cat, {}).get(name), floor)
print(f"accuracy: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
