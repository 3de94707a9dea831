#!/usr/bin/env bash
# Scores the CLI's output on the example articles against the development gold
# (../shared/eval, beside the repository), and the CLI on the external sets
# listed under "external" (../shared/eval/external), and fails when a figure
# drops below its floor in accuracy_floors.json. Skips (exit 77) when the gold is absent:
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
python3 - "$shared/eval/score.py" "$shared/eval/gold" "$out" "$floors" "$cli" <<'PY'
import json, os, subprocess, sys, tempfile
score, gold, out, floors, cli = sys.argv[1:]
got = json.loads(subprocess.run([sys.executable, score, gold, out, "--json"], check=True,
                                capture_output=True, text=True).stdout)
passed = failed = 0
def check(label, value, floor):
    global passed, failed
    ok = value is not None and value >= floor
    passed += ok
    failed += not ok
    print(f"{'ok  ' if ok else 'FAIL'} {label} = {value} (floor {floor})")
spec = json.load(open(floors))
for cat, figures in spec.items():
    if cat.startswith("_") or cat == "external":
        continue
    for name, floor in figures.items():
        check(f"{cat}.{name}", got.get(cat, {}).get(name), floor)
# External sets (../shared/eval/external/AREA/SET, scored by its run_AREA.py):
# a figure is looked up in the runner's summary, then in its "geocoding" part.
external = os.path.join(os.path.dirname(score), "external")
for name, figures in spec.get("external", {}).items():
    if name.startswith("_"):
        continue
    area = name.split("/")[0]
    runner = os.path.join(external, f"run_{area}.py")
    if not (os.path.isfile(runner) and os.path.isdir(os.path.join(external, name))):
        print(f"skip {name}: not in {external}")
        continue
    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run([sys.executable, runner, os.path.join(external, name),
                              "--cli", cli, "--out", tmp, "--json"], capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stderr)
        check(f"external {name}", None, 0)
        continue
    summary = json.loads(run.stdout)["systems"]["newslens"]
    for figure, floor in figures.items():
        check(f"{name}.{figure}", summary.get(figure, summary.get("geocoding", {}).get(figure)), floor)
print(f"accuracy: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
