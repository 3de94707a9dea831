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
python3 - "$shared/eval/score.py" "$shared/eval/gold" "$out" "$floors" <<'PY'
import json, subprocess, sys
score, gold, out, floors = sys.argv[1:]
got = json.loads(subprocess.run([sys.executable, score, gold, out, "--json"], check=True,
                                capture_output=True, text=True).stdout)
passed = failed = 0
for cat, figures in json.load(open(floors)).items():
    if cat.startswith("_"):
        continue
    for name, floor in figures.items():
        value = got.get(cat, {}).get(name)
        ok = value is not None and value >= floor
        passed += ok
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {cat}.{name} = {value} (floor {floor})")
print(f"accuracy: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
