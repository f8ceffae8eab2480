#!/usr/bin/env bash
# Checks that the rollout plan does not depend on the order of the input rows (issue 13,
# class 8): builds phusong in release mode, shuffles the rows of the national villages and
# cells with python3 (fixed seed), runs `plan` on the original and on the shuffled files with
# the same --seed, and compares every file of the two plans byte for byte.
#
#   scripts/plan-order-check.sh [SHUFFLE_SEED]
#
# Environment: PHUSONG_BIN (a phusong binary; skips the build), PHUSONG_SHARED (the folder
# holding geodata/, default ../shared beside the checkout), PLAN_DATA (a folder with
# villages.csv and cells.csv, default the national scenario), THREADS (default 2).
# Prints each plan's cost, lower bound and gap, how many plan.csv rows differ, and exits 0
# when the two plans are byte-identical, 1 otherwise. Takes about a minute in release mode.
set -euo pipefail
cd "$(dirname "$0")/.."
shuffle_seed="${1:-13}"
threads="${THREADS:-2}"
shared="${PHUSONG_SHARED:-$(cd .. && pwd)/shared}"
data="${PLAN_DATA:-$shared/geodata/vn-national-2025}"
if [[ ! -f "$data/villages.csv" || ! -f "$data/cells.csv" ]]; then
  echo "plan-order-check: no villages.csv and cells.csv in $data (set PHUSONG_SHARED or PLAN_DATA)" >&2
  exit 66
fi
if [[ -z "${PHUSONG_BIN:-}" ]]; then
  bash scripts/ensure-deps.sh
  swift build -c release --product phusong >&2
  PHUSONG_BIN=.build/release/phusong
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/shuffled"
python3 - "$data" "$work/shuffled" "$shuffle_seed" <<'EOF'
import csv, random, sys
source, target, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(seed)
for name in ("villages.csv", "cells.csv"):
    with open(f"{source}/{name}", newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    rng.shuffle(body)
    with open(f"{target}/{name}", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(body)
    print(f"shuffled {len(body)} rows of {name} (seed {seed})", file=sys.stderr)
EOF

for run in original shuffled; do
  folder="$data"
  [[ $run == shuffled ]] && folder="$work/shuffled"
  start=$(date +%s.%N)
  "$PHUSONG_BIN" plan --villages "$folder/villages.csv" --cells "$folder/cells.csv" --threads "$threads" --seed 1 \
    --out "$work/plan-$run" > "$work/$run.log" 2>&1
  end=$(date +%s.%N)
  python3 - "$work/plan-$run/plan_summary.json" "$run" "$start" "$end" <<'EOF'
import json, sys
summary = json.load(open(sys.argv[1]))
actions = sum(kind["count"] for kind in summary["actions"].values())
print(f"{sys.argv[2]:>8}: {actions} actions, total cost {summary['total_cost']}, lower bound {summary['lower_bound']}, "
      f"gap {100 * summary['gap']:.4f} %, {float(sys.argv[4]) - float(sys.argv[3]):.1f} s")
EOF
done

python3 - "$work/plan-original/plan.csv" "$work/plan-shuffled/plan.csv" <<'EOF'
import sys
import csv
def rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return [tuple(row) for row in list(csv.reader(f))[1:]]
a, b = rows(sys.argv[1]), rows(sys.argv[2])
actions = lambda rows: {(row[0], row[1]) for row in rows}
print(f"actions (kind, id) of the original plan not in the shuffled one: {len(actions(a) - actions(b))} of {len(a)}; "
      f"plan.csv rows not identical: {len(set(a) - set(b))} (shuffled plan: {len(b)} actions)")
EOF

status=0
for name in $( (ls "$work/plan-original"; ls "$work/plan-shuffled") | sort -u); do
  if cmp -s "$work/plan-original/$name" "$work/plan-shuffled/$name"; then
    echo "identical  $name"
  else
    echo "DIFFERENT  $name"
    status=1
  fi
done
if [[ $status == 0 ]]; then
  echo "plan-order-check: the plans of the original and the shuffled input are byte-identical"
else
  echo "plan-order-check: the plan depends on the order of the input rows" >&2
fi
exit $status
