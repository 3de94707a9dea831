#!/usr/bin/env bash
# Scores the CLI's output on the example articles against the development gold
# (../shared/eval, beside the repository), and the CLI on the external sets
# listed under "external" (../shared/eval/external, each scored by the
# run_AREA.py beside it), and fails when a figure drops below its floor in
# accuracy_floors.json. Skips (exit 77) when the gold is absent: the project
# builds and runs without ../shared; an external set that is absent is skipped.
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

def run_external(area, path, tmp):
    """The runner's overall figures for newslens, as one flat dict."""
    runner = os.path.join(external, f"run_{area}.py")
    if area == "numbers":  # writes summary.json into --out-dir
        subprocess.run([sys.executable, runner, path, "--cli", cli, "--out-dir", tmp], check=True,
                       capture_output=True, text=True)
        return json.load(open(os.path.join(tmp, "summary.json")))["results"]["newslens"]["ALL"]
    run = subprocess.run([sys.executable, runner, path, "--cli", cli, "--out", tmp], capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stderr)
        return None
    figures = json.load(open(os.path.join(tmp, "summary.json")))["systems"]["newslens"]
    flat = dict(figures.get("geocoding", {}))  # locations: country_acc, acc161 ...
    for key, value in figures.items():
        if isinstance(value, dict):  # quotes: strict.f1, end_to_end.acc, named_source.speaker_acc
            for k, v in value.items():
                flat[f"{key}.{k}"] = v
        else:
            flat[key] = value
    return flat

spec = json.load(open(floors))
for cat, figures in spec.items():
    if cat.startswith("_") or cat == "external":
        continue
    for name, floor in figures.items():
        check(f"{cat}.{name}", got.get(cat, {}).get(name), floor)
# External sets: "AREA/SET" under ../shared/eval/external, scored by run_AREA.py.
for name, figures in spec.get("external", {}).items():
    if name.startswith("_"):
        continue
    # "SET@guidelines": the set seen through our guidelines (bench/locations_view.py
    # leaves out the toponyms inside organisations' names).
    set_name, _, view = name.partition("@")
    path = os.path.join(external, set_name)
    area = set_name.split("/")[0]
    if not (os.path.exists(path) and os.path.isfile(os.path.join(external, f"run_{area}.py"))):
        print(f"skip external {name}: not in {external}")
        continue
    with tempfile.TemporaryDirectory() as tmp:
        if view:
            viewed = os.path.join(tmp, "view", os.path.basename(set_name))
            subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(floors)), "..", "bench",
                            f"locations_view.py"), path, viewed], check=True, capture_output=True, text=True)
            path = viewed
        summary = run_external(area, path, os.path.join(tmp, "out") if view else tmp)
    if summary is None:
        check(f"external {name}", None, 0)
        continue
    for figure, floor in figures.items():
        check(f"external {name} {figure}", summary.get(figure), floor)
print(f"accuracy: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
